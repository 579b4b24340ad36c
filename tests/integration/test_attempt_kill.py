"""A member's process is SIGKILLed mid-attempt: every answer it reported saved is there, and the attempt resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from quiz.api.answers import answer_to_json
from quiz.service import Service
from quiz.services.context import Actor
from tests.unit.quiz.engine.factories import add_document, add_member

REPOSITORY = Path(__file__).resolve().parents[2]

# Answers every question over and over (changing answers after the first round) and reports each one only after
# ``answer`` returned, so the parent knows exactly which answers the member was told were saved.
CHILD = textwrap.dedent(
    """
    import json, sys
    from quiz.api.answers import answer_to_json
    from quiz.service import Service
    from quiz.services.context import Actor
    from tests.unit.quiz.engine.factories import right_response, wrong_response

    url, member_id, attempt_id = sys.argv[1:4]
    service = Service.open(url, actor=Actor.member(member_id))
    view = service.quizzes.unfinished_attempt(member_id)
    assert view is not None and view.id == attempt_id
    round_number = 0
    while True:
        for question in view.questions:
            make = right_response if round_number % 2 == 0 else wrong_response
            response = make(service, attempt_id, question.position)
            service.quizzes.answer(attempt_id, question.position, response)
            print(json.dumps([question.position, answer_to_json(response)]), flush=True)
        round_number += 1
    """
)


@pytest.mark.slow
def test_killed_process_loses_no_reported_answer(database_url: str, tmp_path: Path) -> None:
    service = Service.open(database_url, actor=Actor.admin())
    document = add_document(service)
    member_id = add_member(service)
    attempt = service.quizzes.start_attempt(member_id, document.document_id, "exam", question_count=12)
    service.close()

    script = tmp_path / "answer_until_killed.py"
    script.write_text(CHILD, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    child = subprocess.Popen(
        [sys.executable, str(script), database_url, member_id, attempt.id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=REPOSITORY,
    )
    reported: dict[int, object] = {}
    order: list[int] = []
    assert child.stdout is not None
    # Past the first round, so some answers were changed before the kill.
    for _ in range(attempt.question_count + 7):
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else "child ended early"
        position, response = json.loads(line)
        reported[position] = response
        order.append(position)
    child.send_signal(signal.SIGKILL)
    child.wait()
    # Lines written before the kill but not read yet were reported too.
    for line in child.stdout.read().splitlines():
        if line.strip():
            position, response = json.loads(line)
            reported[position] = response
            order.append(position)
    assert child.returncode == -signal.SIGKILL

    reopened = Service.open(database_url, actor=None)
    try:
        with reopened.database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        reopened.accounts.sign_in_member(member_id)
        resumed = reopened.quizzes.unfinished_attempt(member_id)
        assert resumed is not None and resumed.id == attempt.id
        saved = {q.position: answer_to_json(q.response) if q.response else None for q in resumed.questions}
        assert len(reported) == attempt.question_count
        # The kill may fall after the next answer committed but before it was printed: only that one may differ.
        in_flight = (order[-1] + 1) % attempt.question_count
        for position, response in reported.items():
            assert saved[position] == response or position == in_flight
        assert [question.options for question in resumed.questions] == [
            question.options for question in attempt.questions
        ]
    finally:
        reopened.close()
