"""Models for merging results packages between PCs: packages already merged and member aliases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, utc_now


class ImportedPackage(Base):
    """A results package merged into this database (merging again is harmless; this is the log)."""

    __tablename__ = "imported_packages"

    package_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    source: Mapped[str] = mapped_column(String(300), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    exported_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # Rows added / updated / skipped per kind at the first import (for the admin's history view).
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class MemberAlias(Base):
    """A member id made on another PC that the admin confirmed is this local member (name + birth date)."""

    __tablename__ = "member_aliases"

    alias_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    confirmed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
