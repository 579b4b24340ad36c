"""Bulk inserts for merges: rows go to the driver as plain tuples (SQLite) or one COPY (PostgreSQL)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Column, Connection, Dialect, Table, insert

from quiz.packages import column_text
from quiz.packages.prepared import Flavour, PreparedTable
from quiz.storage.base import UtcDateTime

# SQLAlchemy's executemany builds and type-converts a parameter dictionary per row, and pg8000 then rescans the
# text of every 1,000-row INSERT in pure Python: together most of a merge's time. Here each column is converted
# once with the column type's own bind processor, and the rows travel as tuples.
Row = dict[str, Any]
Converter = Callable[[list[Any]], list[Any]]
# Rows per statement: bounds the memory of one COPY buffer or one executemany.
_SLICE = 20_000


def insert_rows(connection: Connection, table: Table, rows: Sequence[Row], skip: Sequence[str] = ()) -> None:
    """Insert ``rows`` (dictionaries with the same keys) into ``table`` in the connection's transaction.

    Keys named in ``skip`` are not columns and are left out.
    """
    if not rows:
        return
    names = [name for name in rows[0] if name not in skip]
    columns = [table.columns[name] for name in names]
    missing = [column for column in table.columns if column.name not in names]
    dialect = connection.dialect.name
    # A column left out whose value SQLAlchemy would compute (a Python default) keeps SQLAlchemy's own path.
    if any(column.default is not None for column in missing) or dialect not in ("sqlite", "postgresql"):
        for start in range(0, len(rows), _SLICE):
            chosen = [{name: row[name] for name in names} for row in rows[start : start + _SLICE]]
            connection.execute(insert(table), chosen)
        return
    for start in range(0, len(rows), _SLICE):
        part = rows[start : start + _SLICE]
        if dialect == "postgresql" and connection.dialect.driver == "pg8000":
            _copy(connection, table, names, _copy_text(part, names, columns))
        else:
            converters = [_converter(column, connection) for column in columns]
            _execute_many(connection, table, names, _converted(part, names, converters))


def flavour(dialect: Dialect) -> Flavour:
    """How prepared rows travel with this database and driver (see quiz.packages.prepared)."""
    if dialect.name == "sqlite":
        return "sqlite"
    if dialect.name == "postgresql" and dialect.driver == "pg8000":
        return "copy"
    return "rows"


def insert_prepared(connection: Connection, table: Table, prepared: PreparedTable, kind: Flavour) -> None:
    """Insert rows made by quiz.packages.prepared for this connection's ``flavour``."""
    names = list(prepared.columns)
    for start in range(0, len(prepared.rows), _SLICE):
        part = prepared.rows[start : start + _SLICE]
        if kind == "copy":
            _copy(connection, table, names, column_text.copy_data(part))
        elif kind == "sqlite":
            _execute_many(connection, table, names, part)
        else:
            connection.execute(insert(table), part)


def _converted(rows: Sequence[Row], names: list[str], converters: Sequence[Converter | None]) -> list[tuple[Any, ...]]:
    """The rows as tuples, converted column by column (one map per column instead of a call per value and row)."""
    converted: list[Any] = []
    for name, converter in zip(names, converters, strict=True):
        values = list(map(itemgetter(name), rows))
        converted.append(converter(values) if converter is not None else values)
    return list(zip(*converted, strict=True))


def _converter(column: Column[Any], connection: Connection) -> Converter | None:
    """What turns a column's values into the driver's (None: the values go as they are)."""
    sqlite = connection.dialect.name == "sqlite"
    if column.type._type_affinity is JSON:
        encode = column_text.json_encoder(bool(getattr(column.type, "none_as_null", False)))
        return lambda values: list(map(encode, values))
    if column.type._type_affinity is Boolean and sqlite:
        return None  # sqlite3 stores True/False as 1/0 itself, as SQLAlchemy's processor would
    if isinstance(column.type, UtcDateTime) and sqlite:
        return column_text.sqlite_time_texts  # the same text as the type's processor, four times faster
    processor = column.type._cached_bind_processor(connection.dialect)
    if processor is None:
        return None
    return lambda values: list(map(processor, values))


def _copy_text(rows: Sequence[Row], names: list[str], columns: list[Column[Any]]) -> bytes:
    """The rows in COPY's text format."""
    values_by_column = []
    for name, column in zip(names, columns, strict=True):
        values = list(map(itemgetter(name), rows))
        if column.type._type_affinity is JSON:
            values = list(map(column_text.json_encoder(bool(getattr(column.type, "none_as_null", False))), values))
        values_by_column.append(values)
    return column_text.copy_data(column_text.copy_lines(values_by_column))


def _copy(connection: Connection, table: Table, names: list[str], data: bytes) -> None:
    statement = f"COPY {_quoted(table.name)} ({_column_list(names)}) FROM STDIN"
    cursor = cast(Any, connection.connection).cursor()
    try:
        cursor.execute(statement, stream=io.BytesIO(data))
    finally:
        cursor.close()


def _execute_many(connection: Connection, table: Table, names: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" if connection.dialect.name == "sqlite" else "%s" for _ in names)
    statement = f"INSERT INTO {_quoted(table.name)} ({_column_list(names)}) VALUES ({marks})"
    connection.exec_driver_sql(statement, rows)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_list(names: Sequence[str]) -> str:
    return ", ".join(_quoted(name) for name in names)


@contextmanager
def merge_cache(connection: Connection, megabytes: int = 512) -> Iterator[None]:
    """A bigger SQLite page cache while a merge writes, and fewer checkpoints.

    With the default 2 MB cache the indexes of a unit's hundreds of thousands of answers no longer fit and every
    insert reads pages back (half the insert time). With the default checkpoint every 4 MB of log, each commit of a
    merge chunk (about 100 MB of touched index pages) copied its pages into the file at once; every 200 MB, a page
    written by several chunks is copied once (a second less of a 40-package merge; the log file is cut back to
    ``JOURNAL_LIMIT_BYTES`` once the checkpoints catch up).
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    checkpoint = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-megabytes * 1024}")
    connection.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {_MERGE_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        # The pooled connection serves ordinary sessions afterwards: give the memory back.
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
        connection.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")


# Pages of write-ahead log (4 KB each) after which a commit during a merge copies them into the database file.
_MERGE_CHECKPOINT_PAGES = 50_000
