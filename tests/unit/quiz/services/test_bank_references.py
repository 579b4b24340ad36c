"""Re-generating a bank never deletes a question an attempt asked: it is disabled, and enabled again if it returns."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from quiz.service import Service
from quiz.storage.models.attempts import AttemptItem
from quiz.storage.models.bank import Question
from tests.conftest import TEST_DATA
from tests.unit.quiz.services.study_factories import GivenAnswer, make_member, make_question, make_submitted_attempt

DOCUMENT = TEST_DATA / "generator" / "tin-tinh-hoi-nghi.txt"


def orphan_items(service: Service) -> int:
    with service.context.session() as session:
        known = select(Question.id)
        return session.scalar(select(func.count()).where(AttemptItem.question_id.not_in(known))) or 0


def test_an_asked_question_is_disabled_not_deleted(service: Service) -> None:
    document_id = service.documents.import_file(DOCUMENT).id
    member_id = make_member(service)
    # Two generated questions the generator no longer makes (an older generator's), one of them asked in an exam.
    asked = make_question(service, document_id, "older-fact-1", prompt="Câu hỏi cũ đã hỏi?")
    unasked = make_question(service, document_id, "older-fact-2", prompt="Câu hỏi cũ chưa hỏi?")
    attempt_id = make_submitted_attempt(
        service, member_id, document_id, [GivenAnswer(asked, 0)], submitted_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    )

    service.bank.generate_for_document(document_id)

    kept = {question.id: question for question in service.bank.list_questions(document_id=document_id)}
    assert asked in kept and not kept[asked].enabled
    assert unasked not in kept
    assert orphan_items(service) == 0
    assert [item.question_id for item in service.quizzes.review(attempt_id)] == [asked]
