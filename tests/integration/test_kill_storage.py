"""The kill -9 suite, continued: kills during a document import and during the backup rotation."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup
from tests.conftest import REPOSITORY
from tests.integration.faults import integrity, user_environment
from tests.integration.scenario import add_member, resolution_text
from tests.integration.test_locked_start import read_line, start_worker

IMPORT_KILLS = 8
ROTATION_KILLS = 10


def documents_without_questions(database_file: Path) -> int:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"documents", "questions"} <= tables:
            return 0  # killed before the first migration finished: nothing stored yet
        query = "SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM questions)"
        return int(connection.execute(query).fetchone()[0])


def document_count(database_file: Path) -> int:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])


@pytest.mark.slow
def test_an_import_killed_at_any_point_is_finished_or_absent(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    randomness = random.Random(15)
    cut_short = 0
    for kill in range(IMPORT_KILLS):
        source = tmp_path / f"nghi-quyet-{kill}.txt"
        source.write_text(resolution_text(f"NGHỊ QUYẾT SỐ {kill + 1} VỀ PHÁT TRIỂN KINH TẾ"), encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, str(REPOSITORY / "main.py"), "--db", url, "import", str(source)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=REPOSITORY,
            env=user_environment(tmp_path),
        )
        time.sleep(randomness.uniform(0.5, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if not database_file.exists():
            continue
        assert integrity(database_file) == "ok", f"after kill {kill + 1}"
        cut_short += documents_without_questions(database_file)

        # The next start (window or command line) finishes what the kill cut short.
        service = Service.open(url, actor=Actor.admin())
        try:
            service.documents.import_seeds_if_empty()
            assert documents_without_questions(database_file) == 0, f"after kill {kill + 1}"
            # Importing the same file again either adds it (the kill came first) or says it is there.
            before = document_count(database_file)
            with contextlib.suppress(Exception):
                service.documents.import_file(source)
            assert document_count(database_file) in (before, before + 1)
            assert documents_without_questions(database_file) == 0
        finally:
            service.close()
    print(f"{cut_short} of {IMPORT_KILLS} kills left a document without questions; all were finished")


@pytest.mark.slow
def test_a_backup_rotation_killed_at_any_point_keeps_good_backups(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    for number in range(30):
        add_member(service, f"Đảng viên {number}")
    service.close()
    randomness = random.Random(16)
    first_day = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    rotations = 0
    for kill in range(ROTATION_KILLS):
        worker = start_worker(tmp_path, "rotate-backups", url, first_day.isoformat())
        assert read_line(worker) == "ready"
        assert worker.stdin is not None and worker.stdout is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
        time.sleep(randomness.uniform(0.2, 1.5))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        done = worker.stdout.read().splitlines()
        rotations += len(done)
        if done:
            first_day = dt.datetime.fromisoformat(done[-1].removeprefix("backed up ")) + dt.timedelta(days=1)

        assert integrity(database_file) == "ok", f"after kill {kill + 1}"
        kept = backup.list_backups(database_file)
        assert 1 <= len(kept) <= backup.KEPT_BACKUPS + 1, f"after kill {kill + 1}"
        # A half-written copy never looks like a backup: every listed one is whole and holds the data.
        assert all(backup.is_healthy(item.path, thorough=True) for item in kept), f"after kill {kill + 1}"
        assert all(backup.holds_data(item.path) for item in kept), f"after kill {kill + 1}"
    assert rotations >= ROTATION_KILLS  # the kills did land among rotations, not only at start-up
    # The next start clears what a kill left half done.
    backup.make_backup(database_file, first_day)
    assert list(backup.backup_folder(database_file).glob("*.partial")) == []
