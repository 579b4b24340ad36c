"""Issue 15 item 6: several processes on one SQLite file, answering the same attempt and beside a long writer."""

from __future__ import annotations

import collections
import json
import subprocess
from pathlib import Path

import pytest

from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import sqlite_access
from tests.integration.faults import setting_keys
from tests.integration.scenario import add_member, any_response, write_resolution
from tests.integration.test_locked_start import read_line, start_worker

PROCESSES = 4
ROUNDS = 3


def go(processes: list[subprocess.Popen[str]]) -> None:
    for process in processes:
        assert read_line(process) == "ready"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()


@pytest.mark.slow
def test_four_processes_answering_one_attempt_never_collide(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    document_id = service.documents.import_file(write_resolution(tmp_path)).id
    attempt = service.quizzes.start_attempt(add_member(service), document_id, "practice", question_count=20)
    service.close()

    workers = [start_worker(tmp_path, "answer-attempt", url, attempt.id, str(ROUNDS)) for _ in range(PROCESSES)]
    go(workers)
    outcomes: collections.Counter[str] = collections.Counter()
    for worker in workers:
        stdout, stderr = worker.communicate(timeout=300)
        assert worker.returncode == 0, stderr
        outcomes.update(json.loads(stdout.strip().splitlines()[-1]))

    answers_given = PROCESSES * ROUNDS * len(attempt.questions)
    assert outcomes == {"saved": answers_given}
    service = Service.open(url, actor=Actor.admin())
    try:
        stored = service.quizzes.get_attempt(attempt.id)
    finally:
        service.close()
    assert all(question.response is not None for question in stored.questions)


@pytest.mark.slow
def test_a_long_job_in_chunks_lets_answers_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge-like job holds the lock far longer in total than an answer may wait; its chunks let answers in."""
    monkeypatch.setattr(sqlite_access, "BUSY_TIMEOUT_SECONDS", 2)
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    document_id = service.documents.import_file(write_resolution(tmp_path)).id
    attempt = service.quizzes.start_attempt(add_member(service), document_id, "practice", question_count=10)
    job = start_worker(tmp_path, "write-in-chunks", url, "12", "0.5")
    go([job])
    try:
        for question in attempt.questions:  # about 6 s of job against a 2 s wait for each answer
            response = any_response(question.type, len(question.options), len(question.left_items))
            service.quizzes.answer(attempt.id, question.position, response)
    finally:
        job.communicate(timeout=120)
        service.close()
    assert {f"mảng {number}" for number in range(12)} <= setting_keys(database_file)


@pytest.mark.slow
def test_a_writer_that_keeps_the_lock_gives_the_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_access, "BUSY_TIMEOUT_SECONDS", 1)
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    holder = start_worker(tmp_path, "hold-write-lock", url, "6")
    try:
        assert read_line(holder) == "locked"
        with pytest.raises(sqlite_access.DatabaseInUse, match="đang được máy/chương trình khác dùng"):
            service.settings.set("place_name", "giá trị")
    finally:
        holder.communicate(timeout=60)
        service.close()
