"""Quiz settings, attempts, the questions drawn for an attempt and the member's answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Select,
    String,
    UniqueConstraint,
    false,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, new_id, utc_now


class QuizSettings(Base):
    """The admin's quiz settings for one document (a document without a row uses the defaults)."""

    __tablename__ = "quiz_settings"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    question_count: Mapped[int] = mapped_column(Integer, default=20)
    # Question type → relative weight ({"single": 2, "cloze": 1}); empty means any type, balanced.
    type_mix: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    # Section ids covered; empty means every section.
    section_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pass_mark_percent: Mapped[float] = mapped_column(Float, default=50.0)
    # Exam attempts a member may submit; None means unlimited.
    attempts_allowed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Which exam attempt counts: "best" or "last".
    counting: Mapped[str] = mapped_column(String(10), default="best")
    # Last day (inclusive, local date) on which exam attempts may be started.
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class Attempt(Base):
    """One sitting of a member; its deadline is stored so a restart does not reset the clock."""

    __tablename__ = "attempts"
    # The unit-progress query reads each member's submitted attempts.
    __table_args__ = (Index("ix_attempts_member_id_submitted_at", "member_id", "submitted_at"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # "exam", "practice", "section", "review" or "paper" (printed, entered by the secretary; counts as an exam).
    mode: Mapped[str] = mapped_column(String(10))
    # The section of a per-section practice (no foreign key: attempts outlive re-imported sections).
    section_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), nullable=True)
    seed: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    deadline_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    auto_submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    correct_count: Mapped[int] = mapped_column(Integer, default=0)
    question_count: Mapped[int] = mapped_column(Integer, default=0)
    # Sum of the credits (partial credit counts).
    score: Mapped[float] = mapped_column(Float, default=0.0)
    score_percent: Mapped[float] = mapped_column(Float, default=0.0)
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class AttemptItem(Base):
    """A drawn question at a position, with the shuffled option order shown to the member.

    ``question_id`` has no foreign key: attempts are merged between PCs and must survive re-generation; the
    section and fact are copied so scoring per section and fact kind works without the question.
    """

    __tablename__ = "attempt_items"
    __table_args__ = (
        UniqueConstraint("attempt_id", "position"),
        # Covering indexes for the unit's hardest questions (migration 0006): per question from the index alone,
        # and per attempt for the attempts that do not count.
        Index("ix_attempt_items_question_id_is_correct", "question_id", "is_correct"),
        Index("ix_attempt_items_attempt_id_question_id", "attempt_id", "question_id", "is_correct"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = mapped_column(String(64))
    question_type: Mapped[str] = mapped_column(String(12))
    section_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), nullable=True)
    fact_key: Mapped[str] = mapped_column(String(64))
    fact_kind: Mapped[str] = mapped_column(String(20))
    # option_order[displayed index] = index into Question.choices.
    option_order: Mapped[list[int]] = mapped_column(JSON, default=list)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    # Copied from the item's answer (False while unanswered) so question statistics need no join with answers;
    # every writer of Answer.is_correct sets it too.
    is_correct: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Answer(Base):
    """The member's latest answer to one attempt item, committed the moment it is given.

    An attempt's answers are found through its items (``attempt_items`` is indexed by attempt). Until migration 0009
    answers carried a copy of the attempt id, indexed and with its own foreign key: each merged answer paid for one
    more index entry and one more parent check (on PostgreSQL a row lock on the attempt), about a tenth of a large
    merge, for a lookup the items' index already gives.
    """

    __tablename__ = "answers"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    attempt_item_id: Mapped[str] = mapped_column(ForeignKey("attempt_items.id", ondelete="CASCADE"), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    # In displayed indexes: {"choice": i}, {"choices": [...]}, {"text": "..."} or {"pairs": [...]}.
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    is_correct: Mapped[bool] = mapped_column(Boolean, default=False)
    credit: Mapped[float] = mapped_column(Float, default=0.0)
    answered_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    time_spent_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    # How many times the member changed the answer (0 = answered once).
    changed_count: Mapped[int] = mapped_column(Integer, default=0)


def answers_of(attempt_ids: str | Select[Any]) -> Select[Answer]:
    """The answers of one attempt (an id) or of several (a query of ids), found through their items' index."""
    if isinstance(attempt_ids, str):
        chosen = AttemptItem.attempt_id == attempt_ids
    else:
        chosen = AttemptItem.attempt_id.in_(attempt_ids)
    return select(Answer).join(AttemptItem, AttemptItem.id == Answer.attempt_item_id).where(chosen)
