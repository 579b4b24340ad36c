"""Foreign keys during a SQLite merge: enforcement off, and each package's new rows checked at once instead.

SQLite checks a key for every row it inserts, one parent lookup per key and row: for a unit's merge of 600.000
answers that was an eighth of the time. With enforcement off for the merge's own connection, each package's new
rows (those past the table's largest rowid before it) are checked with one query per table before its savepoint
is released; a package with a row whose parent is missing is rolled back whole. PostgreSQL keeps its own checks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Connection, Table
from sqlalchemy.orm import Session

from quiz.errors import UserError
from quiz.storage.base import Base

logger = logging.getLogger(__name__)
# In the session's info: the tables whose new rows of the current package were checked by the merge step itself.
_VERIFIED = "keys_verified_here"
MISSING_PARENT_MESSAGE = (
    "Gói này tham chiếu đến dữ liệu không có trong cơ sở dữ liệu nên chưa được gộp (phần đã ghi của gói đã được "
    "hoàn tác)."
)


class MissingParent(UserError):
    """A row a merge wrote points at a row that does not exist."""


@contextmanager
def keys_checked_per_package(connection: Connection) -> Iterator[bool]:
    """Turn SQLite's per-row key checks off on ``connection`` (no transaction open) for the block; yields whether
    the merge must check its packages itself (``check_new_rows``). The connection goes back to the pool checked
    again, or is discarded."""
    if connection.dialect.name != "sqlite":
        yield False
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        yield True
    finally:
        restored = False
        try:
            connection.rollback()  # the pragma does nothing inside a transaction
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            restored = connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            connection.commit()
        except Exception:
            logger.exception("turning foreign key checks back on failed")
        if not restored:
            connection.invalidate()  # never lend a connection without key checks to the next action


@cache
def _keyed_tables() -> list[Table]:
    return [table for table in Base.metadata.sorted_tables if table.foreign_key_constraints]


def largest_rowids(session: Session) -> dict[str, int]:
    """Each keyed table's largest rowid now: rows added later have larger ones (SQLite's rowid rule)."""
    session.info.pop(_VERIFIED, None)
    connection = session.connection()
    return {
        table.name: int(connection.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table.name}"').scalar_one())
        for table in _keyed_tables()
    }


def verified_here(session: Session, table: Table, rows_ok: bool) -> None:
    """A merge step checked the keys of the rows it added to ``table`` itself (in memory, far cheaper than a parent
    lookup per row): ``check_new_rows`` skips that table for this package. Raise MissingParent if they failed."""
    if not rows_ok:
        logger.error("a merged row of %s points at no row of its parent table", table.name)
        raise MissingParent(MISSING_PARENT_MESSAGE)
    session.info.setdefault(_VERIFIED, set()).add(table.name)


def check_new_rows(session: Session, before: dict[str, int]) -> None:
    """Raise MissingParent if a row added since ``before`` (largest_rowids) points at no row of its parent table."""
    connection = session.connection()
    verified = session.info.pop(_VERIFIED, set())
    for table in _keyed_tables():
        if table.name in verified:
            continue
        for key in table.foreign_key_constraints:
            parent = key.referred_table.name
            pairs = [(element.parent.name, element.column.name) for element in key.elements]
            matches = " AND ".join(f'parent."{theirs}" = child."{ours}"' for ours, theirs in pairs)
            present = " AND ".join(f'child."{ours}" IS NOT NULL' for ours, _theirs in pairs)
            statement = (
                f'SELECT 1 FROM "{table.name}" AS child WHERE child.rowid > ? AND {present} '
                f'AND NOT EXISTS (SELECT 1 FROM "{parent}" AS parent WHERE {matches}) LIMIT 1'
            )
            if connection.exec_driver_sql(statement, (before[table.name],)).first() is not None:
                logger.error("a merged row of %s points at no row of %s", table.name, parent)
                raise MissingParent(MISSING_PARENT_MESSAGE)
