"""Quizzes on paper: the printed attempt's short code, and the member's paper form handed in."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import ID_LENGTH, Base, new_id, utc_now


class PaperAttempt(Base):
    """An attempt printed on paper (mode "paper"): the code on every page that leads back to it.

    A table of its own, so the attempts' package format stays as it is on the PCs that have not been updated.
    """

    __tablename__ = "paper_attempts"

    attempt_id: Mapped[str] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True)
    # Six characters of quiz.engine.paper_codes, the last one a check character.
    code: Mapped[str] = mapped_column(String(6), unique=True)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class PaperForm(Base):
    """The secretary's tick that a member handed in the printed bản thu hoạch và cam kết for a document."""

    __tablename__ = "paper_forms"
    __table_args__ = (UniqueConstraint("member_id", "document_id"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    handed_in_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
