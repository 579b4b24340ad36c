"""The unit figures (SQL) and the member's history (quiz.api.counting) pick the same counted exam, both rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import update

from quiz.api.counting import counted_exam
from quiz.api.enums import CountingRule
from quiz.service import Service
from quiz.storage.models.attempts import Attempt
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_member,
    make_question,
    make_submitted_attempt,
    make_unit,
)

START = dt.datetime(2025, 11, 10, 3, 0, tzinfo=dt.UTC)
# Per member: (score, passed) in submission order. Passed is given apart from the score: the pass mark may have
# changed between two attempts, so the best score is not always a passed one.
HISTORIES = {
    "Nguyễn Văn An": [(60.0, True), (70.0, False)],
    "Trần Thị Bình": [(80.0, True), (80.0, False)],
    "Lê Văn Cường": [(40.0, False), (90.0, True), (30.0, False)],
    "Phạm Văn Dũng": [(55.0, True)],
    "Hoàng Thị Em": [],
}


def _build(service: Service) -> str:
    document = make_document(service)
    questions = [make_question(service, document.document_id, f"fact-{index}") for index in range(2)]
    (chi_bo,) = make_unit(service, ("Chi bộ 1",))
    for name, history in HISTORIES.items():
        member_id = make_member(service, name, chi_bo)
        for index, (score, passed) in enumerate(history):
            given = [GivenAnswer(question, 0) for question in questions]
            when = START + dt.timedelta(hours=index)
            attempt_id = make_submitted_attempt(service, member_id, document.document_id, given, submitted_at=when)
            with service.context.session() as session:
                session.execute(
                    update(Attempt).where(Attempt.id == attempt_id).values(score_percent=score, passed=passed)
                )
    return document.document_id


@pytest.mark.parametrize("rule", ["best", "last"])
def test_sql_and_python_agree_on_the_counted_exam(service: Service, rule: str) -> None:
    document_id = _build(service)
    service.quizzes.save_settings(replace(service.quizzes.get_settings(document_id), counting=CountingRule(rule)))
    lines = service.unit.member_progress(document_id)
    assert len(lines) == len(HISTORIES)
    for line in lines:
        history = service.quizzes.history(line.member_id, document_id)
        counted = counted_exam(history, rule)
        marked = [item for item in history if item.counts]
        assert marked == ([counted] if counted else [])
        assert line.counted_score == (counted.score_percent if counted else None), line.full_name
        assert line.passed == (counted.passed if counted else False), line.full_name
    passed = {line.full_name for line in lines if line.passed}
    if rule == "best":
        # An: 70 % is the best and was not passed; Bình: the first of two 80 % counts.
        assert passed == {"Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"}
    else:
        assert passed == {"Phạm Văn Dũng"}
