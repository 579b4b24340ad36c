"""Quizzes on paper: the printed papers with their short codes, and the member's paper form handed in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, new_id, utc_now


class PaperAttempt(Base):
    """A printed paper: the code on every page that leads back to its attempt (mode "paper").

    A named paper has its attempt from printing on. A blank copy keeps its frozen draw here until the secretary
    says whose it is; its attempt is made then, with exactly the printed questions and option order. A table
    of its own, so the attempts' package format stays as it is on the PCs that have not been updated.
    """

    __tablename__ = "paper_attempts"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    attempt_id: Mapped[str | None] = mapped_column(
        ForeignKey("attempts.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    # Six characters of quiz.api.paper_codes, the last one a check character.
    code: Mapped[str] = mapped_column(String(6), unique=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    seed: Mapped[int] = mapped_column(Integer)
    # A blank copy's draw, [[question id, [option order]], ...]; empty once the paper has its attempt.
    draw: Mapped[list[list[Any]]] = mapped_column(JSON, default=list)
    printed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)


class PaperForm(Base):
    """The secretary's tick that a member handed in the printed bản thu hoạch và cam kết for a document."""

    __tablename__ = "paper_forms"
    __table_args__ = (UniqueConstraint("member_id", "document_id"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    handed_in_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
