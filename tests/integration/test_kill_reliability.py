"""Kill -9 a real app process at random points of an attempt, 20 times: every answer shown as saved survives."""

from __future__ import annotations

import contextlib
import json
import random
import signal
import sqlite3
import subprocess
import time
from collections import deque
from pathlib import Path

import pytest

from quiz.service import Service
from quiz.services.context import Actor
from tests.integration.faults import integrity, start_module
from tests.integration.scenario import add_member, write_resolution

KILLS = 20
LOADED_AHEAD = 3


def start_driver(url: str, document_id: str, member_id: str, home: Path) -> subprocess.Popen[str]:
    """Start an app process; it loads, prints "ready" and then waits for "go" on stdin."""
    return start_module("tests.integration.kill_driver", [url, document_id, member_id], home)


def wait_until_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready", process.stderr.read() if process.stderr else ""


def stored_answers(database_file: Path) -> dict[tuple[str, int], dict[str, object]]:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        rows = connection.execute(
            "SELECT attempt_items.attempt_id, answers.position, answers.response FROM answers "
            "JOIN attempt_items ON attempt_items.id = answers.attempt_item_id"
        ).fetchall()
    return {(attempt_id, position): json.loads(response) for attempt_id, position, response in rows}


def submitted_attempts(database_file: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        rows = connection.execute("SELECT id FROM attempts WHERE submitted_at IS NOT NULL").fetchall()
    return {row[0] for row in rows}


@pytest.mark.slow
def test_answers_shown_as_saved_survive_kill_9(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    document_id = service.documents.import_file(write_resolution(tmp_path)).id
    member_id = add_member(service)
    service.close()

    randomness = random.Random(20)
    printed: dict[tuple[str, int], dict[str, object]] = {}
    submitted: set[str] = set()
    # A few processes load ahead while the current one works, so each kill costs little more than its delay.
    waiting = deque(start_driver(url, document_id, member_id, tmp_path) for _ in range(LOADED_AHEAD))
    for kill in range(KILLS):
        process = waiting.popleft()
        if kill + len(waiting) < KILLS - 1:
            waiting.append(start_driver(url, document_id, member_id, tmp_path))
        wait_until_ready(process)
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write("go\n")
        process.stdin.flush()
        # Random points: opening the database, starting an attempt, between and during answers, submitting.
        time.sleep(randomness.uniform(0.0, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
        for line in process.stdout.read().splitlines():
            kind, attempt_id, *rest = line.split(" ", 3)
            if kind == "saved":
                printed[(attempt_id, int(rest[0]))] = json.loads(rest[1])
            elif kind == "submitted":
                submitted.add(attempt_id)

        answers = stored_answers(database_file)
        assert {key: answers.get(key) for key in printed} == printed, f"after kill {kill + 1}"
        assert submitted <= submitted_attempts(database_file), f"after kill {kill + 1}"
        assert integrity(database_file) == "ok", f"after kill {kill + 1}"

    assert len(printed) >= KILLS // 2  # the kills did land in the middle of answering, not only at start-up
