"""Second processes for the storage race tests: hold a lock, answer, merge packages, crash with a -wal left behind.

    python -m tests.integration.storage_workers COMMAND ARGUMENTS...

Each prints ``ready`` once set up, then waits for a line on stdin before the part that races, so the test
starts every process first and then lets them go together.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from quiz.api.answers import ChoiceAnswer
from quiz.errors import UserError
from quiz.service import Service
from quiz.services.context import Actor
from tests.integration.scenario import any_response


def _wait_for_go() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def hold_exclusive_lock(database: str, seconds: str, rows: str) -> int:
    """Hold the whole file (readers too) for ``seconds``, then keep writing settings rows, printing each one."""
    connection = sqlite3.connect(database, timeout=30, isolation_level=None)
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("INSERT INTO settings (key, value) VALUES ('khoá 0', '0')")
    connection.execute("COMMIT")  # the exclusive locking mode keeps the file locked after the commit
    print("locked", flush=True)
    time.sleep(float(seconds))
    connection.execute("PRAGMA locking_mode=NORMAL")
    connection.execute("SELECT count(*) FROM settings").fetchone()  # the next access lets the lock go
    print("saved khoá 0", flush=True)
    for number in range(1, int(rows)):
        connection.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (f"khoá {number}", str(number)))
        print(f"saved khoá {number}", flush=True)
        time.sleep(0.01)
    connection.close()
    return 0


def keep_open(database: str) -> int:
    """Open the database in WAL mode and sit idle (as a second app window does between two clicks)."""
    connection = sqlite3.connect(database, timeout=30)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    _wait_for_go()
    connection.close()
    return 0


def answer_attempt(url: str, attempt_id: str, rounds: str) -> int:
    """Answer every position of one attempt ``rounds`` times; print how each answer went as JSON at the end."""
    service = Service.open(url, actor=Actor.admin())
    view = service.quizzes.get_attempt(attempt_id)
    outcomes: collections.Counter[str] = collections.Counter()
    _wait_for_go()
    for round_number in range(int(rounds)):
        for question in view.questions:
            response = any_response(question.type, len(question.options), len(question.left_items))
            if isinstance(response, ChoiceAnswer):  # each process its own answers, so changes happen too
                response = ChoiceAnswer((round_number + os.getpid()) % max(1, len(question.options)))
            try:
                service.quizzes.answer(attempt_id, question.position, response)
                outcomes["saved"] += 1
            except IntegrityError:
                outcomes["IntegrityError"] += 1
            except UserError as error:
                outcomes[f"UserError: {error}"] += 1
            except Exception as error:  # every other failure is counted, by its type, for the test to show
                outcomes[type(error).__name__] += 1
    service.close()
    print(json.dumps(outcomes, ensure_ascii=False), flush=True)
    return 0


def hold_write_lock(url: str, seconds: str) -> int:
    """Take the write lock the way the app's writers do and keep it for ``seconds``."""
    database = Service.open(url, actor=Actor.admin()).database
    with database.write_session():
        print("locked", flush=True)
        time.sleep(float(seconds))
    return 0


def write_in_chunks(url: str, chunks: str, seconds: str) -> int:
    """A long job in chunks (as a package merge does): each chunk holds the write lock for ``seconds``."""
    service = Service.open(url, actor=Actor.admin())
    _wait_for_go()
    for number in range(int(chunks)):
        with service.database.write_session() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO settings (key, value) VALUES (?, ?)", (f"mảng {number}", json.dumps(number))
            )
            time.sleep(float(seconds))
        service.database.chunk_done()
    print("done", flush=True)
    return 0


def merge_packages(url: str, folder: str) -> int:
    """Merge every package in ``folder`` in one call (as the secretary does); print what merged as JSON."""
    service = Service.open(url, actor=Actor.admin())
    paths = sorted(Path(folder).glob("*.nqpkg"))
    _wait_for_go()
    report = service.results.import_packages(paths)
    service.close()
    merged = [outcome.file_name for outcome in report.packages if outcome.refused is None]
    refused = [str(outcome.refused) for outcome in report.refused_packages]
    print(json.dumps({"merged": merged, "refused": refused}, ensure_ascii=False), flush=True)
    return 0


def crash_with_wal(database: str, rows: str) -> int:
    """Commit ``rows`` settings rows into the -wal only, then die without closing (a crash or a power cut)."""
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")  # keep them all in the -wal, none copied back yet
    for number in range(int(rows)):
        with contextlib.suppress(sqlite3.IntegrityError):
            connection.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (f"wal {number}", '"x"'))
            connection.commit()
    print("committed", flush=True)
    os._exit(0)


def rotate_backups(url: str, first_day: str) -> int:
    """Start the app's storage once per simulated day (a backup and a rotation each time) until killed."""
    from quiz.storage.startup import prepare_database

    moment = dt.datetime.fromisoformat(first_day)
    _wait_for_go()
    while True:
        prepare_database(url, moment)
        print(f"backed up {moment.isoformat()}", flush=True)
        moment += dt.timedelta(days=1)


COMMANDS: dict[str, Callable[..., int]] = {
    "hold-exclusive-lock": hold_exclusive_lock,
    "keep-open": keep_open,
    "answer-attempt": answer_attempt,
    "hold-write-lock": hold_write_lock,
    "write-in-chunks": write_in_chunks,
    "merge-packages": merge_packages,
    "crash-with-wal": crash_with_wal,
    "rotate-backups": rotate_backups,
}

if __name__ == "__main__":
    sys.exit(COMMANDS[sys.argv[1]](*sys.argv[2:]))
