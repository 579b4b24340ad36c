"""Declarative base with a constraint naming convention (Alembic batch migrations need named constraints)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from quiz.identifiers import content_id, new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Length of a textual UUID ("8-4-4-4-12"); every row that can travel between PCs is keyed by one.
ID_LENGTH = 36


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> dt.datetime:
    """The current time in UTC, timezone-aware."""
    return dt.datetime.now(dt.UTC)


__all__ = ["ID_LENGTH", "NAMING_CONVENTION", "Base", "content_id", "new_id", "utc_now"]
