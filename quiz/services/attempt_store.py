"""Loading and scoring an attempt's rows inside a session (the quiz service's storage helpers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from quiz.api.attempts import AttemptSummary, QuizSettingsData
from quiz.api.enums import Mode
from quiz.engine.drawing import Candidate, DrawnQuestion, options_keep_order
from quiz.errors import NotFound, UserError
from quiz.questions.weights import question_weight
from quiz.services.quiz_settings import load_settings
from quiz.storage.counted_exams import submitted_exam
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem, answers_of
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


def submitted_exams(session: Session, member_id: str, document_id: str) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                Attempt.member_id == member_id,
                Attempt.document_id == document_id,
                submitted_exam(),
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
    return {answer.position: answer for answer in session.scalars(answers_of(attempt_id))}


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
        mode=Mode(attempt.mode),
        started_at=attempt.started_at,
        submitted_at=attempt.submitted_at,
        auto_submitted=attempt.auto_submitted,
        question_count=attempt.question_count,
        correct_count=attempt.correct_count,
        score_percent=attempt.score_percent,
        passed=attempt.passed,
        counts=counts,
    )


def question_pool(
    session: Session,
    document_id: str,
    mode: str,
    settings: QuizSettingsData,
    section_id: str | None,
    question_ids: Sequence[str] | None,
    fact_keys: Sequence[str] | None,
) -> list[Candidate]:
    """The enabled questions an attempt of ``mode`` draws from (exam and paper: the settings' sections)."""
    # Columns only: a large bank has thousands of questions; the texts give each question its weight.
    statement = select(
        Question.id,
        Question.section_id,
        Question.type,
        Question.fact_key,
        Question.fact_kind,
        Question.choices,
        Question.prompt,
        Question.sentence,
    ).where(Question.document_id == document_id, Question.enabled.is_(True))
    if mode == "section":
        if section_id is None or session.get(Section, section_id) is None:
            raise UserError("Hãy chọn phần của văn bản muốn luyện tập.")
        statement = statement.where(Question.section_id == section_id)
    elif mode == "review":
        if not question_ids and not fact_keys:
            raise UserError("Hôm nay không có nội dung nào cần ôn tập.")
        statement = statement.where(
            or_(Question.id.in_(list(question_ids or [])), Question.fact_key.in_(list(fact_keys or [])))
        )
    elif settings.section_ids:
        statement = statement.where(Question.section_id.in_(list(settings.section_ids)))
    return [
        Candidate(
            row.id,
            row.section_id,
            row.type,
            row.fact_key,
            len(row.choices),
            options_keep_order(row.choices) if row.type in ("single", "multi") else False,
            row.fact_kind,
            question_weight(row.fact_kind, row.prompt, row.sentence),
        )
        for row in session.execute(statement)
    ]


def create_attempt(
    session: Session,
    member_id: str,
    document_id: str,
    mode: str,
    section_id: str | None,
    pool: Sequence[Candidate],
    drawn: Sequence[DrawnQuestion],
    seed: int,
    now: dt.datetime,
    deadline_at: dt.datetime | None = None,
) -> tuple[Attempt, list[AttemptItem]]:
    """Store a new attempt with its drawn questions in their option order (the draw is frozen from here on)."""
    attempt = Attempt(
        member_id=member_id,
        document_id=document_id,
        mode=mode,
        section_id=section_id,
        seed=seed,
        started_at=now,
        deadline_at=deadline_at,
        question_count=len(drawn),
    )
    session.add(attempt)
    session.flush()
    by_id = {candidate.question_id: candidate for candidate in pool}
    items = []
    for position, pick in enumerate(drawn):
        candidate = by_id[pick.question_id]
        item = AttemptItem(
            attempt_id=attempt.id,
            position=position,
            question_id=pick.question_id,
            question_type=candidate.type,
            section_id=candidate.section_id,
            fact_key=candidate.fact_key,
            fact_kind=candidate.fact_kind,
            option_order=list(pick.option_order),
            flagged=False,
        )
        session.add(item)
        items.append(item)
    session.flush()
    return attempt, items
