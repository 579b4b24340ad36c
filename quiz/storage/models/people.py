"""Unit structure (đảng bộ → chi bộ) and member profiles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, new_id, utc_now


class Unit(Base):
    """A đảng bộ (kind "dang_bo") or a chi bộ (kind "chi_bo", whose parent is its đảng bộ)."""

    __tablename__ = "units"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("units.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class Member(Base):
    """A Party member's profile as the forms need it; the PIN is a salted slow hash or None."""

    __tablename__ = "members"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    full_name: Mapped[str] = mapped_column(String(200))
    # fold(full_name), for search-as-you-type without diacritics.
    folded_name: Mapped[str] = mapped_column(String(200), index=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    party_position: Mapped[str] = mapped_column(String(200), default="")
    job_position: Mapped[str] = mapped_column(String(200), default="")
    workplace: Mapped[str] = mapped_column(String(300), default="")
    chi_bo_id: Mapped[str | None] = mapped_column(
        ForeignKey("units.id", ondelete="SET NULL"), nullable=True, index=True
    )
    joined_party_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    card_number: Mapped[str] = mapped_column(String(50), default="")
    pin_hash: Mapped[str | None] = mapped_column(String(300), nullable=True)
    # "pending" (chờ duyệt) when added from the start screen, until the secretary confirms; else "confirmed".
    approval: Mapped[str] = mapped_column(String(10), default="confirmed", server_default="confirmed", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)
