"""Per-question counts over a document's submitted exams (times asked, times right), read from covering indexes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, not_, select
from sqlalchemy.orm import Session

from quiz.storage.counted_exams import counts_for_the_unit
from quiz.storage.models.attempts import Attempt, AttemptItem
from quiz.storage.models.bank import Question


def question_statistics(session: Session, document_id: str) -> dict[str, tuple[int, int]]:
    """question id → (times asked, times answered right) in the document's submitted exams.

    Only the document's own questions count. Its question ids are made from its content, so only its attempts
    hold them; that allows the fast path: all items of each question straight from the index on
    (question_id, is_correct), minus the items of the document's attempts that do not count (practice, review,
    unsubmitted, a member awaiting approval). When those are the majority, the counted attempts are read
    directly instead.
    """
    counted = counts_for_the_unit()
    counted_attempts, other_attempts = _attempt_counts(session, document_id, counted)
    if counted_attempts == 0:
        return {}
    questions = select(Question.id).where(Question.document_id == document_id).scalar_subquery()
    if other_attempts > counted_attempts:
        return _per_question(session, _items_of_attempts(document_id, counted, questions))
    everything = _per_question(
        session,
        select(AttemptItem.question_id, func.count(), func.sum(_as_int(AttemptItem.is_correct)))
        .where(AttemptItem.question_id.in_(questions))
        .group_by(AttemptItem.question_id),
    )
    if other_attempts:
        not_counted = _per_question(session, _items_of_attempts(document_id, not_(counted), questions))
        for question_id, (asked, right) in not_counted.items():
            total_asked, total_right = everything.pop(question_id, (0, 0))
            if total_asked > asked:
                everything[question_id] = (total_asked - asked, total_right - right)
    return everything


def _attempt_counts(session: Session, document_id: str, counted: Any) -> tuple[int, int]:
    """Counted exams and the document's other attempts, from the attempts progress index."""
    row = session.execute(
        select(func.count(), func.sum(_as_int(counted))).where(Attempt.document_id == document_id)
    ).one()
    total, counted_attempts = int(row[0] or 0), int(row[1] or 0)
    return counted_attempts, total - counted_attempts


def _items_of_attempts(document_id: str, condition: Any, questions: Any) -> Any:
    return (
        select(AttemptItem.question_id, func.count(), func.sum(_as_int(AttemptItem.is_correct)))
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .where(Attempt.document_id == document_id, condition, AttemptItem.question_id.in_(questions))
        .group_by(AttemptItem.question_id)
    )


def _per_question(session: Session, query: Any) -> dict[str, tuple[int, int]]:
    return {question_id: (int(asked), int(right or 0)) for question_id, asked, right in session.execute(query)}


def _as_int(condition: Any) -> Any:
    # PostgreSQL cannot sum booleans.
    return case((condition, 1), else_=0)
