"""A member's pledge for a document: thu hoạch answers, commitment rows, and earlier versions as history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, new_id, utc_now


class Pledge(Base):
    """One member's bản thu hoạch and bản đăng ký cam kết for one document; "draft" or "finalised"."""

    __tablename__ = "pledges"
    __table_args__ = (UniqueConstraint("member_id", "document_id"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    # Bumped on every change of content or state; merging keeps the newest and stores the other as history.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    modified_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    finalised_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)

    reflections: Mapped[list[PledgeReflection]] = relationship(
        cascade="all, delete-orphan", order_by="PledgeReflection.position"
    )
    commitments: Mapped[list[PledgeCommitment]] = relationship(
        cascade="all, delete-orphan", order_by="PledgeCommitment.position"
    )


class PledgeReflection(Base):
    """The answer to one reflection question; the question's wording is kept as it was asked."""

    __tablename__ = "pledge_reflections"
    __table_args__ = (UniqueConstraint("pledge_id", "position"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    pledge_id: Mapped[str] = mapped_column(ForeignKey("pledges.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")


class PledgeCommitment(Base):
    """One row of the commitment table: nội dung việc làm, biện pháp, thời gian hoàn thành, ghi chú."""

    __tablename__ = "pledge_commitments"
    __table_args__ = (UniqueConstraint("pledge_id", "position"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    pledge_id: Mapped[str] = mapped_column(ForeignKey("pledges.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    # Optional group heading (tư tưởng chính trị; thực hiện nhiệm vụ chuyên môn; ...).
    category: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text)
    measures: Mapped[str] = mapped_column(Text, default="")
    # Free text: "Quý IV/2025", "Thường xuyên", "31/12/2025".
    due_text: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PledgeVersion(Base):
    """An earlier content of a pledge (a JSON snapshot), kept when a newer one replaces it."""

    __tablename__ = "pledge_versions"
    __table_args__ = (UniqueConstraint("pledge_id", "version"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    pledge_id: Mapped[str] = mapped_column(ForeignKey("pledges.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12))
    modified_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    # {"reflections": [{"question", "answer"}], "commitments": [{"category", "content", ...}]}
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
