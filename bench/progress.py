"""Bench: fill a unit of 23.000 members (5 exams of 30 answers each) and time the unit progress queries.

Run: ``.venv/bin/python bench/progress.py [--members 23000] [--db URL | --path FILE] [--reuse]``; prints fill and
query times. The filled SQLite file stays at ``--path`` (outside the repository) so ``--reuse`` re-times it in
seconds instead of refilling for minutes; opening it migrates it to the current head first (timed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Connection, Table, insert

import quiz.storage.models  # noqa: F401  (registers every table)
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.base import Base

TABLES = Base.metadata.tables
SECTIONS = 10
QUESTIONS = 120
CHUNK = 20_000
# Outside the repository: the filled database is about 2,4 GB.
DEFAULT_PATH = Path("/work/bench-data/progress.sqlite3")


def _ids() -> Iterator[str]:
    """UUID-shaped ids in increasing order: inserts append to the B-trees instead of splitting random pages
    (the fill would otherwise take hours); the queries timed below do not depend on the id order."""
    counter = 0
    while True:
        counter += 1
        digits = f"{counter:032x}"
        yield f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def _bulk(connection: Connection, table: Table, rows: Iterator[dict[str, Any]]) -> int:
    """Core executemany in chunks (never ORM objects one by one)."""
    count = 0
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            connection.execute(insert(table), chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        connection.execute(insert(table), chunk)
        count += len(chunk)
    return count


def fill(service: Service, members: int, attempts: int, answers: int) -> tuple[str, dict[str, int]]:
    rng = random.Random(2025)
    ids = _ids()
    now = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
    document_id = next(ids)
    section_ids = [next(ids) for _ in range(SECTIONS)]
    question_ids = [f"q-{index}" for index in range(QUESTIONS)]
    chi_bo_ids = [next(ids) for _ in range(max(1, members // 230))]
    counts: dict[str, int] = {}
    with service.database.engine.connect() as connection:
        if service.database.is_sqlite:
            # Outside the transaction (SQLite cannot switch journals inside one): no journal for the fill.
            connection.exec_driver_sql("PRAGMA journal_mode=OFF")
    with service.database.engine.begin() as connection:
        if service.database.is_sqlite:
            # Bench fill only: no fsync and a 1 GB page cache; the engine is disposed after the fill, so the
            # timed queries run on fresh connections with the application's own pragmas.
            connection.exec_driver_sql("PRAGMA synchronous=OFF")
            connection.exec_driver_sql("PRAGMA cache_size=-1000000")
        connection.execute(
            insert(TABLES["documents"]),
            [
                dict(
                    id=document_id,
                    title="Bench",
                    source_name="bench",
                    imported_at=now,
                    content_hash=document_id,
                    text="x",
                    removed_lines=[],
                )
            ],
        )
        connection.execute(
            insert(TABLES["sections"]),
            [
                dict(
                    id=section_id,
                    document_id=document_id,
                    position=index,
                    level=1,
                    parent_position=None,
                    title=f"Phần {index}",
                    start=0,
                    end=1,
                    text="x",
                )
                for index, section_id in enumerate(section_ids)
            ],
        )
        connection.execute(
            insert(TABLES["questions"]),
            [
                dict(
                    id=question_id,
                    document_id=document_id,
                    section_id=section_ids[index % SECTIONS],
                    fact_key=f"fact-{index}",
                    fact_kind="number",
                    type="single",
                    prompt=f"Câu {index}?",
                    choices=["A", "B", "C", "D"],
                    correct=[0],
                    answers=[],
                    pairs=[],
                    explanation="",
                    difficulty=0.5,
                    quality=0.0,
                    sentence="",
                    sentence_start=0,
                    sentence_end=0,
                    origin="generated",
                    enabled=True,
                    edited=False,
                    created_at=now,
                    updated_at=now,
                )
                for index, question_id in enumerate(question_ids)
            ],
        )
        party = next(ids)
        connection.execute(
            insert(TABLES["units"]), [dict(id=party, name="Đảng bộ", kind="dang_bo", parent_id=None, updated_at=now)]
        )
        connection.execute(
            insert(TABLES["units"]),
            [
                dict(id=unit_id, name=f"Chi bộ {index + 1}", kind="chi_bo", parent_id=party, updated_at=now)
                for index, unit_id in enumerate(chi_bo_ids)
            ],
        )
        member_ids = [next(ids) for _ in range(members)]
        counts["members"] = _bulk(
            connection,
            TABLES["members"],
            (
                dict(
                    id=member_id,
                    full_name=f"Đảng viên {index}",
                    folded_name=f"dang vien {index}",
                    birth_date=None,
                    party_position="",
                    job_position="",
                    workplace="",
                    chi_bo_id=chi_bo_ids[index % len(chi_bo_ids)],
                    joined_party_on=None,
                    card_number="",
                    pin_hash=None,
                    created_at=now,
                    updated_at=now,
                )
                for index, member_id in enumerate(member_ids)
            ),
        )
        counts["section_progress"] = _bulk(
            connection,
            TABLES["section_progress"],
            (
                dict(
                    id=next(ids),
                    member_id=member_id,
                    section_id=section_id,
                    document_id=document_id,
                    opened_at=now,
                    reading_seconds=rng.randint(30, 900),
                    studied=rng.random() < 0.95,
                    studied_at=now,
                    updated_at=now,
                )
                for member_id in member_ids
                for section_id in section_ids
            ),
        )
        counts["pledges"] = _bulk(
            connection,
            TABLES["pledges"],
            (
                dict(
                    id=next(ids),
                    member_id=member_id,
                    document_id=document_id,
                    state="finalised" if rng.random() < 0.8 else "draft",
                    version=1,
                    created_at=now,
                    modified_at=now,
                    finalised_at=None,
                )
                for member_id in member_ids
                if rng.random() < 0.9
            ),
        )
        attempt_rows: list[dict[str, Any]] = []
        item_rows: list[dict[str, Any]] = []
        answer_rows: list[dict[str, Any]] = []
        counts.update(attempts=0, attempt_items=0, answers=0)

        def flush() -> None:
            counts["attempts"] += _bulk(connection, TABLES["attempts"], iter(attempt_rows))
            counts["attempt_items"] += _bulk(connection, TABLES["attempt_items"], iter(item_rows))
            counts["answers"] += _bulk(connection, TABLES["answers"], iter(answer_rows))
            attempt_rows.clear()
            item_rows.clear()
            answer_rows.clear()

        for member_id in member_ids:
            ability = rng.uniform(0.3, 0.98)
            for number in range(attempts):
                attempt_id = next(ids)
                drawn = rng.sample(question_ids, answers)
                right = [rng.random() < ability for _ in drawn]
                percent = round(100.0 * sum(right) / answers, 2)
                submitted = now + dt.timedelta(days=number, minutes=rng.randint(0, 600))
                attempt_rows.append(
                    dict(
                        id=attempt_id,
                        member_id=member_id,
                        document_id=document_id,
                        mode="exam",
                        section_id=None,
                        seed=number,
                        started_at=submitted,
                        deadline_at=None,
                        submitted_at=submitted,
                        auto_submitted=False,
                        correct_count=sum(right),
                        question_count=answers,
                        score=float(sum(right)),
                        score_percent=percent,
                        passed=percent >= 50,
                        updated_at=submitted,
                    )
                )
                for position, (question_id, is_right) in enumerate(zip(drawn, right, strict=True)):
                    item_id = next(ids)
                    item_rows.append(
                        dict(
                            id=item_id,
                            attempt_id=attempt_id,
                            position=position,
                            question_id=question_id,
                            question_type="single",
                            section_id=None,
                            fact_key=question_id,
                            fact_kind="number",
                            option_order=[0, 1, 2, 3],
                            flagged=False,
                            is_correct=is_right,
                        )
                    )
                    answer_rows.append(
                        dict(
                            id=next(ids),
                            attempt_item_id=item_id,
                            position=position,
                            response={"choice": 0 if is_right else rng.randint(1, 3)},
                            is_correct=is_right,
                            credit=1.0 if is_right else 0.0,
                            answered_at=submitted,
                            time_spent_seconds=20.0,
                            changed_count=0,
                        )
                    )
            if len(answer_rows) >= 5 * CHUNK:
                flush()
        flush()
    return document_id, counts


def timed(label: str, action: Callable[[], object], repeat: int = 5) -> float:
    action()  # warm the page cache and statement caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(f"{label:<42} median {median:7.3f} s   best {best:7.3f} s")
    return median


def time_report(service: Service, document_id: str, path: Path) -> None:
    """The unit report as `report unit` makes it: its data (the queries above), then data and PDF together."""
    from reports.collect_unit import collect_unit
    from reports.render import render_unit_report

    start = time.perf_counter()
    collect_unit(service, document_id=document_id)
    print(f"report unit: collect {time.perf_counter() - start:.2f} s", end="; ")
    start = time.perf_counter()
    render_unit_report(service, path, document_id=document_id)
    print(f"collect + PDF {time.perf_counter() - start:.2f} s ({path.stat().st_size // 1024} KB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=23_000)
    parser.add_argument("--attempts", type=int, default=5)
    parser.add_argument("--answers", type=int, default=30)
    parser.add_argument("--db", help="SQLAlchemy URL of an EMPTY database (or a filled one with --reuse)")
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help=f"SQLite file (default {DEFAULT_PATH})")
    parser.add_argument("--reuse", action="store_true", help="time the database filled by an earlier run")
    parser.add_argument("--report", type=Path, help="also time `report unit` (collect + PDF) into this file")
    arguments = parser.parse_args()
    if arguments.db is None and not arguments.reuse:
        arguments.path.parent.mkdir(parents=True, exist_ok=True)
        arguments.path.unlink(missing_ok=True)
    if arguments.db is None and arguments.reuse and not arguments.path.exists():
        parser.error(f"{arguments.path} does not exist: run once without --reuse to fill it")
    url = arguments.db or f"sqlite:///{arguments.path.resolve().as_posix()}"
    start = time.perf_counter()
    service = Service.open(url, actor=Actor.admin())
    print(f"open (migrations; start-up check and daily backup of a file): {time.perf_counter() - start:.1f} s")
    try:
        if arguments.reuse:
            found = service.unit.current_document_id()
            if found is None:
                parser.error("the database holds no document: run once without --reuse to fill it")
            document_id = found
        else:
            start = time.perf_counter()
            document_id, counts = fill(service, arguments.members, arguments.attempts, arguments.answers)
            print(f"fill: {time.perf_counter() - start:.1f} s  " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
            service.database.engine.dispose()
        progress = service.unit.unit_progress(document_id)
        total = progress.total
        print(
            f"total: {total.members:,} members; passed {total.ratio(total.passed)}; "
            f"studied {total.ratio(total.studied)}; pledged {total.ratio(total.pledged)}; {len(progress.chi_bo)} chi bộ"
        )
        median = timed("unit_progress (per chi bộ + total)", lambda: service.unit.unit_progress(document_id))
        timed("member_progress (one line per member)", lambda: service.unit.member_progress(document_id), 3)
        timed("hardest_questions (over all answers)", lambda: service.unit.hardest_questions(document_id), 3)
        print(f"target unit_progress ≤ 0.3 s: {'met' if median <= 0.3 else 'NOT met'}")
        if arguments.report is not None:
            time_report(service, document_id, arguments.report)
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
