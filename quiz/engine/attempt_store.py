"""Loading and scoring an attempt's rows inside a session (the quiz service's storage helpers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz.engine import views
from quiz.engine.quiz_settings import load_settings
from quiz.engine.types import AttemptSummary
from quiz.errors import NotFound
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Section


def score_attempt(session: Session, attempt: Attempt, submitted_at: dt.datetime, automatic: bool) -> None:
    answers = load_answers(session, attempt.id)
    settings = load_settings(session, attempt.document_id)
    total = session.scalar(select(func.count()).where(AttemptItem.attempt_id == attempt.id)) or 0
    attempt.question_count = total
    attempt.correct_count = sum(1 for answer in answers.values() if answer.is_correct)
    attempt.score = round(sum(answer.credit for answer in answers.values()), 4)
    attempt.score_percent = round(100.0 * attempt.score / total, 2) if total else 0.0
    attempt.passed = total > 0 and attempt.score_percent >= settings.pass_mark_percent
    attempt.submitted_at = submitted_at
    attempt.auto_submitted = automatic


def is_counted_exam(attempt: Attempt) -> bool:
    return attempt.mode == "exam" and attempt.submitted_at is not None


def submitted_exams(session: Session, member_id: str, document_id: str) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                Attempt.member_id == member_id,
                Attempt.document_id == document_id,
                Attempt.mode == "exam",
                Attempt.submitted_at.is_not(None),
            )
        )
        or 0
    )


def load_item(session: Session, attempt_id: str, position: int) -> AttemptItem:
    item = session.scalar(
        select(AttemptItem).where(AttemptItem.attempt_id == attempt_id, AttemptItem.position == position)
    )
    if item is None:
        raise NotFound("Không có câu hỏi ở vị trí này trong bài làm.")
    return item


def load_items(session: Session, attempt_id: str) -> list[AttemptItem]:
    return list(
        session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt_id).order_by(AttemptItem.position))
    )


def load_questions(session: Session, items: Sequence[AttemptItem]) -> dict[str, Question]:
    ids = [item.question_id for item in items]
    return {question.id: question for question in session.scalars(select(Question).where(Question.id.in_(ids)))}


def load_answers(session: Session, attempt_id: str) -> dict[int, Answer]:
    return {
        answer.position: answer for answer in session.scalars(select(Answer).where(Answer.attempt_id == attempt_id))
    }


def section_titles(session: Session, items: Sequence[AttemptItem]) -> dict[str, str]:
    ids = {item.section_id for item in items if item.section_id}
    titles = {section.id: section.title for section in session.scalars(select(Section).where(Section.id.in_(ids)))}
    titles[""] = "Không thuộc phần nào"
    return titles


def attempt_summary(attempt: Attempt, title: str, counts: bool) -> AttemptSummary:
    return AttemptSummary(
        attempt_id=attempt.id,
        document_id=attempt.document_id,
        document_title=title,
        mode=attempt.mode,
        started_at=views.aware(attempt.started_at),
        submitted_at=views.aware_or_none(attempt.submitted_at),
        auto_submitted=attempt.auto_submitted,
        question_count=attempt.question_count,
        correct_count=attempt.correct_count,
        score_percent=attempt.score_percent,
        passed=attempt.passed,
        counts=counts,
    )
