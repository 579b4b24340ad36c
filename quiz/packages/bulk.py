"""Bulk inserts for merges: rows go to the driver as plain tuples (SQLite) or one COPY (PostgreSQL)."""

from __future__ import annotations

import gc
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Column, Connection, Table, insert

# SQLAlchemy's executemany builds and type-converts a parameter dictionary per row, and pg8000 then rescans the
# text of every 1,000-row INSERT in pure Python: together most of a merge's time. Here each column is converted
# once with the column type's own bind processor, and the rows travel as tuples.
Row = dict[str, Any]
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
            processors = [_processor(column, connection) for column in columns]
            marks = ", ".join("?" if dialect == "sqlite" else "%s" for _ in names)
            statement = f"INSERT INTO {_quoted(table.name)} ({_column_list(names)}) VALUES ({marks})"
            connection.exec_driver_sql(statement, _converted(part, names, processors))


def _converted(
    rows: Sequence[Row], names: list[str], processors: Sequence[Callable[[Any], Any] | None]
) -> list[tuple[Any, ...]]:
    """The rows as tuples, converted column by column (one map per column instead of a call per value and row)."""
    converted: list[Any] = []
    for name, processor in zip(names, processors, strict=True):
        values = map(itemgetter(name), rows)
        converted.append(list(map(processor, values)) if processor is not None else list(values))
    return list(zip(*converted, strict=True))


def _processor(column: Column[Any], connection: Connection) -> Callable[[Any], Any] | None:
    if column.type._type_affinity is JSON:
        return _json_text(column)
    if column.type._type_affinity is Boolean and connection.dialect.name == "sqlite":
        return None  # sqlite3 stores True/False as 1/0 itself, as SQLAlchemy's processor would
    return column.type._cached_bind_processor(connection.dialect)


def _json_text(column: Column[Any]) -> Callable[[Any], Any]:
    """The text SQLAlchemy's JSON type would store (json.dumps' defaults; None as JSON null unless
    ``none_as_null``), from one encoder made once instead of one per value (three times faster)."""
    none_as_null = bool(getattr(column.type, "none_as_null", False))
    encoder = json.JSONEncoder()
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without the C accelerator
        encode: Callable[[Any], str] = encoder.encode
    else:
        chunks = make(None, encoder.default, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True)

        def encode(value: Any) -> str:
            return "".join(chunks(value, 0))

    if not none_as_null:
        return encode
    return lambda value: None if value is None else encode(value)


def _copy_text(rows: Sequence[Row], names: list[str], columns: list[Column[Any]]) -> bytes:
    """The rows in COPY's text format: tab-separated, \\N for NULL, backslash escapes only where needed."""
    texts_by_column = []
    for name, column in zip(names, columns, strict=True):
        values = list(map(itemgetter(name), rows))
        if column.type._type_affinity is JSON:
            values = list(map(_json_text(column), values))
        # str() of a date, time, number or boolean is a form PostgreSQL reads back unchanged.
        texts = ["" if value is None else str(value) for value in values]
        if any(character in "".join(texts) for character in "\\\t\n\r"):
            texts = [text.translate(_ESCAPES) for text in texts]
        if None in values:
            texts = ["\\N" if value is None else text for value, text in zip(values, texts, strict=True)]
        texts_by_column.append(texts)
    return ("\n".join(map("\t".join, zip(*texts_by_column, strict=True))) + "\n").encode("utf-8")


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy(connection: Connection, table: Table, names: list[str], data: bytes) -> None:
    statement = f"COPY {_quoted(table.name)} ({_column_list(names)}) FROM STDIN"
    cursor = cast(Any, connection.connection).cursor()
    try:
        cursor.execute(statement, stream=io.BytesIO(data))
    finally:
        cursor.close()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_list(names: list[str]) -> str:
    return ", ".join(_quoted(name) for name in names)


@contextmanager
def merge_cache(connection: Connection, megabytes: int = 512) -> Iterator[None]:
    """A bigger SQLite page cache while a merge writes: with the default 2 MB, the indexes of a unit's
    hundreds of thousands of answers no longer fit and every insert reads pages back (half the insert time)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-megabytes * 1024}")
    try:
        yield
    finally:
        # The pooled connection serves ordinary sessions afterwards: give the memory back.
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a merge runs: parsing a package makes millions of dicts and lists,
    and the collector's passes over them cost a third of reading it; package rows hold no cycles, so nothing
    waits for the collector (ORM objects that do are freed once it runs again)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
