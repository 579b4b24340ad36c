"""Answers keep one parent (their attempt item): deleting an attempt or its member still deletes them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, inspect, select, text

from quiz.service import Service
from quiz.storage.database import head_revision
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_member,
    make_question,
    make_submitted_attempt,
    make_unit,
)

WHEN = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)


def _answered_attempt(service: Service) -> tuple[str, str]:
    refs = make_document(service)
    chi_bo = make_unit(service)[1]
    member_id = make_member(service, "Lý Thị Thu", chi_bo)
    questions = [make_question(service, refs.document_id, f"fact-{number}") for number in range(3)]
    given = [GivenAnswer(question_id, 0) for question_id in questions]
    return member_id, make_submitted_attempt(service, member_id, refs.document_id, given, submitted_at=WHEN)


def _count(service: Service, model: type[object]) -> int:
    with service.context.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_the_answer_table_references_only_attempt_items(service: Service) -> None:
    keys = inspect(service.database.engine).get_foreign_keys("answers")
    assert [(key["referred_table"], key["constrained_columns"]) for key in keys] == [
        ("attempt_items", ["attempt_item_id"])
    ]


def test_deleting_an_attempt_deletes_its_items_and_answers(service: Service) -> None:
    _member_id, attempt_id = _answered_attempt(service)
    assert (_count(service, AttemptItem), _count(service, Answer)) == (3, 3)
    with service.context.session() as session:
        session.execute(delete(Attempt).where(Attempt.id == attempt_id))
    assert (_count(service, Attempt), _count(service, AttemptItem), _count(service, Answer)) == (0, 0, 0)


def test_deleting_a_member_deletes_their_answers(service: Service) -> None:
    member_id, _attempt_id = _answered_attempt(service)
    service.members.delete_member(member_id)
    assert (_count(service, Attempt), _count(service, AttemptItem), _count(service, Answer)) == (0, 0, 0)


def test_migration_0009_goes_back_and_forth_with_the_answers(service: Service) -> None:
    """Downgrading refills each answer's attempt id from its item; upgrading again drops it; nothing is lost."""
    from alembic import command

    from quiz.storage.database import _alembic_config

    _member_id, attempt_id = _answered_attempt(service)
    database = service.database
    for target in ("0008_paper", "head"):
        config = _alembic_config()
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if target != "head" else command.upgrade)(config, target)
        if target == "0008_paper":
            with database.engine.connect() as connection:
                copied = connection.execute(text("SELECT attempt_id FROM answers")).scalars().all()
            assert copied == [attempt_id] * 3
    assert database.current_revision() == head_revision()
    assert _count(service, Answer) == 3
    assert len(service.quizzes.get_attempt(attempt_id).questions) == 3
