"""Run every bench script and print the summary table of docs/PERFORMANCE.md (markdown), with the machine load.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/all.py [--postgres URL] [--before DIR] [--only NAME]``.
Each figure comes with its exact command, the data size and the 1-minute load average before and after it.
``--postgres URL`` adds the PostgreSQL merge (a fresh database ``nq_bench`` is created on that server for it).
``--before DIR`` also runs the merge and unit-report benches on the code in DIR (e.g. a ``git worktree`` of an
older commit), interleaved with this tree's, so before and after come from the same run; the start-up bench
times DIR's ``main.py`` inside its own interleaved runs.
``--full`` adds the 23.000-member progress bench (fills a 2,4 GB SQLite file once, ~5 min).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
MERGE_SIZE = ["--packages", "40", "--members", "100", "--attempts", "5", "--questions", "30"]


@dataclass(frozen=True)
class Bench:
    name: str
    arguments: list[str]
    data: str
    # (label, pattern): each pattern's groups are joined into the printed figure
    figures: tuple[tuple[str, str], ...]


def benches(arguments: argparse.Namespace) -> list[Bench]:
    merge = (("wall", r"merged \d+ packages in ([\d.]+) s"), ("CPU of the process", r"s, ([\d.]+) s CPU"))
    merge_data = "40 packages × 100 members × 5 exams × 30 answers (600.000 answers)"
    found = [
        Bench("merge-sqlite", ["bench/merge.py", *MERGE_SIZE], merge_data + ", new SQLite file", merge),
        Bench(
            "unit-report",
            ["bench/unit_report.py"],
            "23.000 members, 231 chi bộ, 6.415 not done (in memory)",
            (("PDF", r"PDF\s+([\d.]+) s"), ("XLSX baseline", r"XLSX ([\d.]+) s")),
        ),
        Bench(
            "startup",
            # With --before, the older checkout's main.py is timed inside the same interleaved runs.
            ["bench/startup.py", "--runs", "5", *(["--before", str(arguments.before)] if arguments.before else [])],
            "existing SQLite database, 200 members, median of 5",
            (
                ("bare window", r"bare PySide6 window:\s+([\d.]+) s"),
                # First screen usable: the opening frame before 7 December's start-up round, the main window since.
                (
                    "start screen ratio",
                    r"(?:opening frame on screen|app, start screen usable \(main window\)):.*ratio\s+([\d.]+)",
                ),
                # Signed-in workspace shown (facade open): called "main window ready" before that round.
                ("workspace ready", r"(?:main window ready|app, workspace ready \(facade open\)):\s+([\d.]+) s"),
                ("workspace ratio", r"(?:main window ready|app, workspace ready \(facade open\)):.*ratio\s+([\d.]+)"),
                ("before: first screen ratio", r"before \(.*\), start screen usable.*ratio\s+([\d.]+)"),
                ("before: workspace ratio", r"before \(.*\), workspace ready.*ratio\s+([\d.]+)"),
            ),
        ),
        Bench(
            "form-pdf",
            ["bench/pdf_reports.py"],
            "one member's form; 100-member batch",
            (
                ("form ms", r"member form:\s+([\d.]+) ms"),
                ("ratio", r"ratio:\s+([\d.]+)"),
                ("batch s", r"batch:\s+([\d.]+)"),
            ),
        ),
        Bench(
            "generate",
            ["bench/generate.py"],
            "seed, 100 KB, 1 MB texts",
            (("100 KB ms", r"100 KB.*?([\d.]+) ms"), ("scaling", r"scaling 1 MB / 100 KB: ([\d.]+)x")),
        ),
        Bench(
            "memory",
            ["bench/memory.py"],
            "window after a full exam",
            (("bare MB", r"bare PySide6 window:\s+([\d.]+)"), ("app MB", r"app after a full quiz.*?([\d.]+) MB")),
        ),
    ]
    if arguments.postgres:
        url = fresh_postgres_database(arguments.postgres)
        found.insert(1, Bench("merge-postgresql", ["bench/merge.py", *MERGE_SIZE, "--db", url], merge_data, merge))
    if arguments.full:
        found.append(
            Bench(
                "progress",
                ["bench/progress.py", "--reuse"],
                "23.000 members, 3,45 million answers (2,4 GB SQLite)",
                (("unit_progress", r"unit_progress\S*\s+median\s+([\d.]+)"),),
            )
        )
    return [bench for bench in found if not arguments.only or bench.name in arguments.only]


def fresh_postgres_database(server_url: str) -> str:
    """An empty database ``nq_bench`` on the server of ``server_url`` (the merge bench needs an empty one)."""
    sys.path.insert(0, str(REPOSITORY))
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(server_url).set(drivername="postgresql+pg8000")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS nq_bench"))
        connection.execute(text("CREATE DATABASE nq_bench"))
    engine.dispose()
    return url.set(database="nq_bench").render_as_string(hide_password=False)


def run(bench: Bench, source: Path | None, server_url: str | None) -> tuple[str, str]:
    """Run one bench; returns (figures, load). ``source`` makes the script import another tree's code."""
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    if source is not None:
        environment["NQ_BENCH_SOURCE"] = str(source)
    if bench.name == "merge-postgresql" and server_url:
        fresh_postgres_database(server_url)  # the merge bench needs an empty database every time
    load_before = os.getloadavg()[0]
    completed = subprocess.run(
        [sys.executable, *bench.arguments], capture_output=True, text=True, cwd=REPOSITORY, env=environment, check=False
    )
    load_after = os.getloadavg()[0]
    output = completed.stdout + completed.stderr
    figures = []
    for label, pattern in bench.figures:
        match = re.search(pattern, output)
        figures.append(f"{label} {' '.join(match.groups()) if match else '?'}")
    if completed.returncode != 0:
        figures.append(f"FAILED ({completed.returncode})")
    return "; ".join(figures), f"{load_before:.1f} → {load_after:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", help="a PostgreSQL server URL (its user may create databases)")
    parser.add_argument("--before", type=Path, help="an older checkout to compare the merge and unit report with")
    parser.add_argument("--full", action="store_true", help="also the 23.000-member progress bench")
    parser.add_argument("--only", nargs="*", help="names of the benches to run")
    arguments = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"bench/all.py, {started}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print("| bench | command | data | figures | load (1 min) |")
    print("|---|---|---|---|---|")
    for bench in benches(arguments):
        command = re.sub(r"postgresql\S+", "URL", " ".join(bench.arguments))
        compared = arguments.before is not None and bench.name in ("merge-sqlite", "merge-postgresql", "unit-report")
        if compared:
            figures, load = run(bench, arguments.before, arguments.postgres)
            print(f"| {bench.name} (before) | `{command}` | {bench.data} | {figures} | {load} |", flush=True)
        figures, load = run(bench, None, arguments.postgres)
        label = f"{bench.name} (after)" if compared else bench.name
        print(f"| {label} | `{command}` | {bench.data} | {figures} | {load} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
