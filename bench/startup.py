"""Start-to-ready of the app (``--self-check``) against a bare PySide6 window, measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 7] [--frozen] [--importtime]``.
Wall time from process start to the lines it prints: "shown in" when the opening frame (with the start
screen's names when sqlite3 can read them) is on screen (the
facade is then opened on a worker thread) and "ready in" when the main window is idle; runs interleaved so
both see the same machine load; the target is a ratio ≤ 1.5. ``--frozen`` times the built bundles
(dist/HocTapNghiQuyet/HocTap against dist/bare/bare); ``--importtime`` lists the modules that cost the
app's start most (``python -X importtime``);
``--check-database FILE`` times the start-up integrity check and the daily backup on a (big) database file.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
EXECUTABLE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def timed(command: list[str], environment: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall seconds from process start to its first printed line (the app: its opening frame is on screen;
    the bare window: ready), to the "ready in" line (the app's main window idle) and to its exit; and the
    printed text."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, cwd=REPOSITORY
    )
    assert process.stdout is not None
    lines = [process.stdout.readline()]
    shown = time.perf_counter() - started
    while not lines[-1].startswith("ready") and lines[-1]:
        lines.append(process.stdout.readline())
    ready = time.perf_counter() - started
    _, errors = process.communicate()
    finished = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{command} failed ({process.returncode}):\n{errors[-2000:]}")
    return shown, ready, finished, "".join(lines)


def commands(frozen: bool, database_url: str) -> tuple[list[str], list[str]]:
    if frozen:
        app = REPOSITORY / "dist" / "HocTapNghiQuyet" / f"HocTap{EXECUTABLE_SUFFIX}"
        bare = REPOSITORY / "dist" / "bare" / f"bare{EXECUTABLE_SUFFIX}"
        for path in (app, bare):
            if not path.exists():
                raise SystemExit(f"{path} is missing: build packaging/hoctap.spec and packaging/bare.spec first")
        return [str(app), "--db", database_url, "--self-check"], [str(bare), "--self-check"]
    return (
        [sys.executable, str(REPOSITORY / "main.py"), "--db", database_url, "--self-check"],
        [sys.executable, str(REPOSITORY / "packaging" / "bare_window.py"), "--self-check"],
    )


def import_profile(environment: dict[str, str], database_url: str, count: int = 15) -> list[tuple[float, str]]:
    """The top-level imports of ``main.py --self-check`` with the most cumulative time (seconds)."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", str(REPOSITORY / "main.py"), "--db", database_url, "--self-check"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPOSITORY,
        check=False,
    )
    rows = []
    for line in completed.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        # Two spaces of indent = imported directly by the program, not inside another package's import.
        if match and len(match.group(2)) <= 3:
            rows.append((int(match.group(1)) / 1e6, match.group(3)))
    return sorted(rows, reverse=True)[:count]


def database_checks(database_file: Path) -> None:
    """Time what start-up adds on a big SQLite file: the quick check, the full check, and one backup."""
    sys.path.insert(0, str(REPOSITORY))
    from quiz.storage import backup

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / database_file.name
        shutil.copyfile(database_file, copy)
        for label, action in (
            ("cheap check: header and schema (every start above 256 MB)", lambda: backup.opens_cleanly(copy)),
            ("quick_check (every start up to 256 MB; daily above)", lambda: backup.is_healthy(copy)),
            ("integrity_check (only on a backup being restored)", lambda: backup.is_healthy(copy, thorough=True)),
            ("backup with the SQLite backup API (once a day)", lambda: backup.make_backup(copy)),
        ):
            started = time.perf_counter()
            action()
            print(f"  {time.perf_counter() - started:6.3f} s  {label}")
    print(f"  on {database_file} ({database_file.stat().st_size / 2**20:.0f} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", action="store_true", help="time the built bundles instead of the source")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    parser.add_argument("--check-database", type=Path, metavar="FILE", help="time the start-up checks on FILE")
    arguments = parser.parse_args()
    if arguments.check_database:
        database_checks(arguments.check_database)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ, XDG_DATA_HOME=folder, XDG_CONFIG_HOME=folder, HOME=folder)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        database_url = f"sqlite:///{(Path(folder) / 'startup.sqlite3').as_posix()}"
        app_command, bare_command = commands(arguments.frozen, database_url)
        # First start creates the database and imports the seeds: a one-off, reported but not in the median.
        first = timed(app_command, environment)[1]
        timed(bare_command, environment)
        app_shown, app_times, app_exits, bare_times, own_times = [], [], [], [], []
        for _ in range(arguments.runs):
            shown, ready, finished, printed = timed(app_command, environment)
            app_shown.append(shown)
            app_times.append(ready)
            app_exits.append(finished)
            own = re.search(r"ready in ([\d.]+)", printed)
            if own:
                own_times.append(float(own.group(1)))
            bare_times.append(timed(bare_command, environment)[1])
        profile = import_profile(environment, database_url) if arguments.importtime else []
    app, bare, frame = statistics.median(app_times), statistics.median(bare_times), statistics.median(app_shown)
    kind = "built bundle" if arguments.frozen else "from source"
    print(f"start to ready, {kind}, median of {arguments.runs} (wall time from process start to the printed line):")
    print(f"  bare PySide6 window:          {bare:6.2f} s")
    print(f"  app, opening frame on screen: {frame:6.2f} s   ratio {frame / bare:5.2f}   (target ≤ {TARGET_RATIO})")
    print(
        f"  app, main window ready:       {app:6.2f} s   ratio {app / bare:5.2f}   (to exit "
        f"{statistics.median(app_exits):.2f} s; its own 'ready in': {statistics.median(own_times or [0]):.2f} s)"
    )
    print(f"  first start (new database, seeds imported): {first:.2f} s")
    if profile:
        print("slowest imports of main.py --self-check (cumulative):")
        for seconds, module in profile:
            print(f"  {seconds:6.3f} s  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
