"""Start-to-ready of the app (``--self-check``) against a bare PySide6 window, measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 7] [--frozen] [--importtime]``.
Wall time from process start to the lines it prints: "ready in" when the main window is on screen and idle on
its start screen, with the members' names when sqlite3 can read them (the facade is then opened on a worker
thread), and "workspace ready in" when the facade is open and the document is shown (what a member who signs
in at once waits for); runs interleaved so both see the same machine load; the target is a main window ready
at ≤ 3× the bare window (issue 18). ``--frozen`` times the built bundles
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
TARGET_RATIO = 3.0
EXECUTABLE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def timed(command: list[str], environment: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall seconds from process start to its first printed line (the app: "ready in", its main window idle on
    the start screen; the bare window: ready), to the app's "workspace ready in" line (facade open, document
    shown; the first line again for the bare window) and to its exit; and the printed text."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, cwd=REPOSITORY
    )
    assert process.stdout is not None
    lines = [process.stdout.readline()]
    ready = workspace = time.perf_counter() - started
    # Before the main window came first (7 December), the app printed "shown in" (opening frame) and then
    # "ready in" for the workspace: both layouts are read, so the script also times an older checkout.
    if lines[-1].startswith(("ready", "shown")):
        lines.append(process.stdout.readline())
        while lines[-1] and not lines[-1].startswith(("workspace", "ready")):
            lines.append(process.stdout.readline())
        workspace = time.perf_counter() - started
    _, errors = process.communicate()
    finished = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{command} failed ({process.returncode}):\n{errors[-2000:]}")
    return ready, workspace, finished, "".join(lines)


def add_members(database_url: str, count: int) -> None:
    """An admin and ``count`` members in ten chi bộ (every third with a PIN), so the start screen lists names."""
    sys.path.insert(0, str(REPOSITORY))
    from quiz.api.members import MemberDraft
    from quiz.service import Service
    from quiz.services.context import Actor

    service = Service.open(database_url, actor=Actor.admin())
    try:
        service.accounts.create_admin("mat-khau-thu")
        units = [service.members.create_unit(f"Chi bộ {number}", "chi_bo").id for number in range(1, 11)]
        family, middle, given = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"), ("Văn", "Thị", "Đức"), ("An", "Bình", "Chi")
        for index in range(count):
            name = f"{family[index % 5]} {middle[index // 5 % 3]} {given[index // 15 % 3]} {index}"
            pin = "246810" if index % 3 == 0 else None
            service.members.add_member(MemberDraft(full_name=name, chi_bo_id=units[index % 10], pin=pin))
    finally:
        service.close()


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


def report(label: str, runs: list[tuple[float, float, float, str]], bare: float) -> None:
    """The two figures of one variant: its first usable screen and its workspace, with their ratios to bare."""
    ready = statistics.median(run[0] for run in runs)
    workspace = statistics.median(run[1] for run in runs)
    finished = statistics.median(run[2] for run in runs)
    own = [match for run in runs if (match := re.search(r"^ready in ([\d.]+) s \((\d+) names", run[3]))]
    names = own[0].group(2) if own else "?"
    own_ready = statistics.median(float(match.group(1)) for match in own) if own else 0.0
    print(
        f"  {label}, start screen usable (main window):   {ready:6.2f} s   ratio {ready / bare:5.2f}   "
        f"(target ≤ {TARGET_RATIO:.0f}; {names} names listed; its own 'ready in': {own_ready:.2f} s)"
    )
    print(
        f"  {label}, workspace ready (facade open):       {workspace:6.2f} s   ratio {workspace / bare:5.2f}   "
        f"(to exit {finished:.2f} s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--members", type=int, default=200, help="members added after the first start")
    parser.add_argument("--frozen", action="store_true", help="time the built bundles instead of the source")
    parser.add_argument("--before", type=Path, metavar="DIR", help="also time DIR/main.py (an older checkout)")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    parser.add_argument("--check-database", type=Path, metavar="FILE", help="time the start-up checks on FILE")
    arguments = parser.parse_args()
    if arguments.check_database:
        database_checks(arguments.check_database)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ, XDG_DATA_HOME=folder, XDG_CONFIG_HOME=folder, HOME=folder)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        # A user's Python keeps the compiled modules (the bundle ships them compiled): without this a shell that
        # sets PYTHONDONTWRITEBYTECODE would time compiling every module of the app at every start.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        database_url = f"sqlite:///{(Path(folder) / 'startup.sqlite3').as_posix()}"
        app_command, bare_command = commands(arguments.frozen, database_url)
        runs: dict[str, list[tuple[float, float, float, str]]] = {"app": [], "before": [], "bare": []}
        tried = {"app": app_command, "bare": bare_command}
        if arguments.before:
            tried["before"] = [sys.executable, str(arguments.before / "main.py"), "--db", database_url, "--self-check"]
        # First start creates the database and imports the seeds: a one-off, reported but not in the median.
        first = timed(app_command, environment)[1]
        add_members(database_url, arguments.members)
        for command in tried.values():
            timed(command, environment)  # warm-up: compiled modules written, files in the page cache
        for _ in range(arguments.runs):
            for name, command in tried.items():  # interleaved, so every variant sees the same machine load
                runs[name].append(timed(command, environment))
        profile = import_profile(environment, database_url) if arguments.importtime else []
    bare = statistics.median(run[0] for run in runs["bare"])
    kind = "built bundle" if arguments.frozen else "from source"
    print(f"start to ready, {kind}, median of {arguments.runs} (wall time from process start to the printed line):")
    print(f"  bare PySide6 window:                          {bare:6.2f} s")
    report("app", runs["app"], bare)
    if runs["before"]:
        # An older checkout's first line may be its opening frame, not yet the main window.
        report(f"before ({arguments.before})", runs["before"], bare)
    print(f"  first start (new database, seeds imported; to the workspace): {first:.2f} s")
    print(f"  database: {arguments.members} members in 10 chi bộ added after the first start")
    if profile:
        print("slowest imports of main.py --self-check (cumulative):")
        for seconds, module in profile:
            print(f"  {seconds:6.3f} s  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
