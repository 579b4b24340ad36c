"""Every committed session of the facade tells a ChangeFeed which areas it wrote, without each action saying so."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from quiz.api.changes import ChangeFeed, Changes
from quiz.storage.written_tables import take_written, written_tables


def _table_name(instance: Any) -> str | None:
    table = getattr(type(instance), "__table__", None)
    return getattr(table, "name", None)


def track_changes(sessions: sessionmaker[Session], feed: ChangeFeed) -> None:
    """Collect the tables each session flushes or updates in bulk; publish them once the session commits.

    A session is used by one thread only, so its ``info`` holds its own tables without a lock.
    """

    def after_flush(session: Session, _flush: UOWTransaction) -> None:
        touched = written_tables(session)
        for instance in (*session.new, *session.dirty, *session.deleted):
            name = _table_name(instance)
            if name is not None:
                touched.add(name)

    def do_orm_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            name = getattr(table, "name", None)
            if isinstance(name, str):
                written_tables(state.session).add(name)

    def after_commit(session: Session) -> None:
        tables = take_written(session)
        if tables:
            feed.publish(Changes.of_tables(tables))

    def after_rollback(session: Session) -> None:
        take_written(session)

    event.listen(sessions, "after_flush", after_flush)
    event.listen(sessions, "do_orm_execute", do_orm_execute)
    event.listen(sessions, "after_commit", after_commit)
    event.listen(sessions, "after_rollback", after_rollback)
