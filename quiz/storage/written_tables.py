"""The tables a session wrote, kept in its ``info`` until it commits (read by quiz.services.change_tracking).

The ORM's own writes are collected by the tracker's events; a write that bypasses the ORM (a merge's bulk inserts
on the session's connection) is noted here by the code that makes it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

_KEY = "written_tables"


def written_tables(session: Session) -> set[str]:
    """The session's set of written table names (the same set each time, filled in place)."""
    tables: set[str] = session.info.setdefault(_KEY, set())
    return tables


def note_written(session: Session, *names: str) -> None:
    written_tables(session).update(names)


def take_written(session: Session) -> set[str]:
    """The written tables, forgotten by the session (at its commit or rollback)."""
    tables: set[str] = session.info.pop(_KEY, set())
    return tables
