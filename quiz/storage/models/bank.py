"""The question bank: generated and admin-made questions, each tied to the sentence it came from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import Base, UtcDateTime, utc_now


class Question(Base):
    """One question. ``id`` is stable for the same document and fact, so history survives re-generation."""

    __tablename__ = "questions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[str | None] = mapped_column(
        ForeignKey("sections.id", ondelete="SET NULL"), index=True, nullable=True
    )
    # The fact the question tests: an attempt never asks the same fact twice.
    fact_key: Mapped[str] = mapped_column(String(64), index=True)
    fact_kind: Mapped[str] = mapped_column(String(20))
    # "single", "multi", "truefalse", "cloze" or "matching".
    type: Mapped[str] = mapped_column(String(12))
    prompt: Mapped[str] = mapped_column(Text)
    # single/multi/truefalse: the options; matching: the right-hand options.
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Indexes into ``choices`` of the right options.
    correct: Mapped[list[int]] = mapped_column(JSON, default=list)
    # cloze: accepted answers (compared folded).
    answers: Mapped[list[str]] = mapped_column(JSON, default=list)
    # matching: the correct [left, right] pairs.
    pairs: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")
    difficulty: Mapped[float] = mapped_column(Float, default=0.5)
    quality: Mapped[float] = mapped_column(Float, default=0.0)
    sentence: Mapped[str] = mapped_column(Text, default="")
    sentence_start: Mapped[int] = mapped_column(Integer, default=0)
    sentence_end: Mapped[int] = mapped_column(Integer, default=0)
    # "generated", "admin" (added by hand) or "imported" (GIFT).
    origin: Mapped[str] = mapped_column(String(12), default="generated")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # An admin edit: re-generation keeps the admin's version.
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)
