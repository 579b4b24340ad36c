"""Issue 15 item 6: a member answers on the same SQLite file while another process merges many packages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quiz.api.answers import Answer as AnswerPayload
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import sqlite_access
from quiz.storage.models.attempts import Answer
from tests.integration.package_factory import write_exam_packages
from tests.integration.scenario import add_member, any_response, write_resolution
from tests.integration.test_locked_start import read_line, start_worker

# Enough packages that the merge lasts several commit chunks (the faster merges get, the more it needs: with 60 only
# 15 answers got through under load once the merge read its packages in a second process).
PACKAGES = 90
MEMBERS = 40
QUESTIONS = 30


@pytest.mark.slow
def test_answers_get_through_while_another_process_merges_many_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    folder = tmp_path / "goi"
    folder.mkdir()
    service = Service.open(url, actor=Actor.admin())
    document_id = service.documents.import_file(write_resolution(tmp_path)).id
    member_id = add_member(service)
    write_exam_packages(service, document_id, folder, PACKAGES, MEMBERS, QUESTIONS)
    service.close()
    # The whole merge holds the file far longer than an answer may wait; each package alone holds it much less.
    monkeypatch.setattr(sqlite_access, "BUSY_TIMEOUT_SECONDS", 4)
    service = Service.open(url, actor=Actor.admin())

    merger = start_worker(tmp_path, "merge-packages", url, str(folder))
    assert read_line(merger) == "ready"
    assert merger.stdin is not None
    merger.stdin.write("go\n")
    merger.stdin.flush()
    saved: dict[tuple[str, int], AnswerPayload] = {}
    failures: list[str] = []
    try:
        while merger.poll() is None:
            try:
                attempt = service.quizzes.start_attempt(member_id, document_id, "practice", question_count=5)
                for question in attempt.questions:
                    response = any_response(question.type, len(question.options), len(question.left_items))
                    service.quizzes.answer(attempt.id, question.position, response)
                    saved[(attempt.id, question.position)] = response
            except Exception as error:  # every failure is collected, so the assertion shows them all
                failures.append(f"{type(error).__name__}: {error}")
    finally:
        stdout, stderr = merger.communicate(timeout=600)
    assert merger.returncode == 0, stderr
    outcome = json.loads(stdout.strip().splitlines()[-1])

    assert failures == []
    assert len(saved) >= 20  # answers were really given while the merge ran
    assert len(outcome["merged"]) == PACKAGES and outcome["refused"] == []
    for (attempt_id, position), response in saved.items():
        stored = service.quizzes.get_attempt(attempt_id).questions[position]
        assert stored.response == response
    with service.database.sessions() as session:
        answers = session.scalar(select(func.count()).select_from(Answer))
    assert answers == PACKAGES * MEMBERS * 2 * QUESTIONS + len(saved)
    service.close()
