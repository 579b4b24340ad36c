"""Question statistics for the unit: only submitted exams count, and attempt items mirror their answer's result."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from quiz.service import Service
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from tests.unit.quiz.engine.factories import add_document, add_member, right_response, wrong_response
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_member,
    make_question,
    make_submitted_attempt,
)

WHEN = dt.datetime(2025, 11, 10, 3, 0, tzinfo=dt.UTC)


# 1 practice attempt against 3 exams reads every item and subtracts the practice; 5 read the exams directly.
@pytest.mark.parametrize("practice_attempts", [0, 1, 5])
def test_only_submitted_exams_count(service: Service, practice_attempts: int) -> None:
    document_id = make_document(service).document_id
    easy = make_question(service, document_id, "fact-easy", prompt="Dễ?")
    hard = make_question(service, document_id, "fact-hard", prompt="Khó?")
    member_id = make_member(service, "Nguyễn Văn An")
    for _ in range(3):
        make_submitted_attempt(
            service, member_id, document_id, [GivenAnswer(easy, 0), GivenAnswer(hard, 1)], submitted_at=WHEN
        )
    both_right = [GivenAnswer(easy, 0), GivenAnswer(hard, 0)]
    for _ in range(practice_attempts):
        make_submitted_attempt(service, member_id, document_id, both_right, submitted_at=WHEN, mode="practice")
    unsubmitted = make_submitted_attempt(service, member_id, document_id, both_right, submitted_at=WHEN)
    with service.context.session() as session:
        session.execute(update(Attempt).where(Attempt.id == unsubmitted).values(submitted_at=None))
    hardest = service.unit.hardest_questions(document_id, min_asked=3)
    assert [(row.prompt, row.times_asked, row.times_correct) for row in hardest] == [("Khó?", 3, 0), ("Dễ?", 3, 3)]
    assert service.unit.hardest_questions(document_id, limit=1, min_asked=3)[0].question_id == hard
    assert service.unit.hardest_questions(document_id, min_asked=4) == []


def test_no_exam_gives_no_questions(service: Service) -> None:
    document_id = make_document(service).document_id
    question = make_question(service, document_id, "fact-only", prompt="Một?")
    member_id = make_member(service)
    make_submitted_attempt(
        service, member_id, document_id, [GivenAnswer(question, 0)], submitted_at=WHEN, mode="practice"
    )
    assert service.unit.hardest_questions(document_id, min_asked=1) == []


def test_an_item_follows_its_answer_when_it_changes(service: Service) -> None:
    document = add_document(service)
    member_id = add_member(service)
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")

    def item_and_answer() -> tuple[bool, bool]:
        with service.context.session() as session:
            item = session.scalars(
                select(AttemptItem).where(AttemptItem.attempt_id == view.id, AttemptItem.position == 0)
            ).one()
            answer = session.scalars(select(Answer).where(Answer.attempt_item_id == item.id)).one()
            return item.is_correct, answer.is_correct

    service.quizzes.answer(view.id, 0, right_response(service, view.id, 0))
    assert item_and_answer() == (True, True)
    service.quizzes.answer(view.id, 0, wrong_response(service, view.id, 0))
    assert item_and_answer() == (False, False)
