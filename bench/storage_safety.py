"""Data-safety figures of issue 15 on a file database, with real second processes (prints them; asserts nothing).

    .venv/bin/python -m bench.storage_safety

1. a database held by another process at start: its saved rows in the live file / in a moved-aside copy;
2. four processes answering one attempt: how the answers went (IntegrityError counts);
3. a -wal deleted after a crash: committed rows lost, and whether the start-up said so;
4. twenty random flipped bytes: how many each check finds, and what a results export then says.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import json
import random
import sqlite3
import tempfile
from pathlib import Path

from quiz.errors import UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup
from quiz.storage.database import Database
from quiz.storage.startup import prepare_database
from tests.integration.faults import setting_keys
from tests.integration.scenario import add_member, write_resolution
from tests.integration.test_backup import make_database
from tests.integration.test_damage import answered_database
from tests.integration.test_locked_start import read_line, start_worker

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)


def _start(url: str, now: dt.datetime) -> str:
    try:
        return repr(prepare_database(url, now))[:70]
    except Exception as error:  # the figure is what the start-up did, whatever it was
        return f"{type(error).__name__}: {error}"[:70]


def locked_at_start(folder: Path) -> None:
    database_file = folder / "hoctap.sqlite3"
    url = make_database(database_file, ["trước"])
    prepare_database(url, NOW)
    writer = start_worker(folder, "hold-exclusive-lock", str(database_file), "7", "400")
    read_line(writer)
    said = _start(url, NOW + dt.timedelta(hours=1))
    stdout, _ = writer.communicate(timeout=120)
    saved = {line.removeprefix("saved ") for line in stdout.splitlines() if line.startswith("saved ")}
    moved = sorted(folder.glob("hoctap.sqlite3.hong-*"))
    in_moved = len(saved & setting_keys(moved[0])) if moved else 0
    live = len(saved & setting_keys(database_file))
    print(f"1. locked at start: {len(saved)} saved by the other process, {live} in the live database, ", end="")
    print(f"{in_moved} in a moved-aside copy; start-up: {said}")


def four_processes(folder: Path) -> None:
    url = f"sqlite:///{(folder / 'hoctap.sqlite3').as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    document_id = service.documents.import_file(write_resolution(folder)).id
    attempt = service.quizzes.start_attempt(add_member(service), document_id, "practice", question_count=20)
    service.close()
    workers = [start_worker(folder, "answer-attempt", url, attempt.id, "5") for _ in range(4)]
    for worker in workers:
        read_line(worker)
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outcomes: collections.Counter[str] = collections.Counter()
    for worker in workers:
        stdout, _ = worker.communicate(timeout=600)
        outcomes.update(json.loads(stdout.strip().splitlines()[-1]))
    print(f"2. four processes answering one attempt: {dict(outcomes)} of {sum(outcomes.values())}")


def wal_deleted(folder: Path) -> None:
    database_file = folder / "hoctap.sqlite3"
    url = make_database(database_file, ["một"])
    prepare_database(url, NOW)
    crashed = start_worker(folder, "crash-with-wal", str(database_file), "25")
    read_line(crashed)
    crashed.wait(timeout=30)
    (folder / "hoctap.sqlite3-wal").unlink()
    said = _start(url, NOW + dt.timedelta(hours=1))
    kept = len({key for key in setting_keys(database_file) if key.startswith("wal ")})
    print(f"3. -wal deleted after a crash: {25 - kept}/25 committed rows lost; start-up: {said}")


def flipped_bytes(folder: Path) -> None:
    database_file, _ = answered_database(folder)
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    original = database_file.read_bytes()
    randomness = random.Random(4)
    found: collections.Counter[str] = collections.Counter()
    for _ in range(20):
        data = bytearray(original)
        data[randomness.randrange(4096, len(data))] ^= 0xFF
        trial = folder / "thu.sqlite3"
        trial.write_bytes(bytes(data))
        found["quick_check"] += not backup.is_healthy(trial)
        found["integrity_check"] += not backup.is_healthy(trial, thorough=True)
        found[f"export: {_export(trial, folder / 'thu.nqpkg')}"] += 1
    print(f"4. 20 flipped bytes: {dict(found)}")


def _export(database_file: Path, output: Path) -> str:
    service = Service(Database(f"sqlite:///{database_file.as_posix()}"), Actor.admin())
    try:
        service.results.export(output)
    except UserError:
        return "a sentence"
    except Exception:  # what the command line shows as "Lỗi không mong đợi"
        return "unexpected error"
    finally:
        service.close()
    return "worked"


def main() -> None:
    for measure in (locked_at_start, four_processes, wal_deleted, flipped_bytes):
        with tempfile.TemporaryDirectory() as folder:
            measure(Path(folder))


if __name__ == "__main__":
    main()
