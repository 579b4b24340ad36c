"""What the app remembers beside a SQLite file between starts: its size, row counts and the last full check.

Kept in ``<database>.trang-thai.json`` so a database that became empty, vanished or lost rows (a deleted or
damaged ``-wal``) is noticed at the next start instead of silently starting over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path

logger = logging.getLogger(__name__)

STATE_SUFFIX = ".trang-thai.json"
# The rows whose number only grows in normal use (deleting a member or a document is rare and the admin's own
# doing): fewer of them than at the last start or close means rows were lost.
COUNTED_TABLES = ("members", "documents", "questions", "attempts", "attempt_items", "answers", "pledges")
# The rows a member or the secretary made by hand: a backup without any of them holds nothing worth keeping.
USER_TABLES = ("members", "attempts", "answers", "pledges")


@dataclass(frozen=True)
class DatabaseState:
    size: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    recorded_at: dt.datetime | None = None
    # The last full ``PRAGMA integrity_check`` and what it found.
    full_check_at: dt.datetime | None = None
    full_check_ok: bool = True
    # A session met damaged pages: the next start checks the whole file at once.
    damage_seen: bool = False

    def with_counts(self, size: int, counts: dict[str, int], now: dt.datetime) -> DatabaseState:
        return replace(self, size=size, counts=counts, recorded_at=now)


def state_file(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + STATE_SUFFIX)


def read_state(database_file: Path) -> DatabaseState | None:
    """The remembered state, or None when there is none (a new database, or an older version of the app)."""
    try:
        data = json.loads(state_file(database_file).read_text(encoding="utf-8"))
        return DatabaseState(
            size=int(data.get("size", 0)),
            counts={str(name): int(count) for name, count in dict(data.get("counts", {})).items()},
            recorded_at=_time(data.get("recorded_at")),
            full_check_at=_time(data.get("full_check_at")),
            full_check_ok=bool(data.get("full_check_ok", True)),
            damage_seen=bool(data.get("damage_seen", False)),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, AttributeError) as error:
        logger.warning("state beside %s unreadable: %s", database_file, error)
        return None


def write_state(database_file: Path, state: DatabaseState) -> None:
    """Write atomically (temporary file, then rename); a failure is logged, never raised."""
    data = {
        "size": state.size,
        "counts": state.counts,
        "recorded_at": _text(state.recorded_at),
        "full_check_at": _text(state.full_check_at),
        "full_check_ok": state.full_check_ok,
        "damage_seen": state.damage_seen,
    }
    target = state_file(database_file)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, target)
    except OSError as error:
        logger.warning("could not write %s: %s", target, error)


def forget(database_file: Path) -> None:
    try:
        state_file(database_file).unlink(missing_ok=True)
    except OSError as error:  # e.g. the folder is a file: opening the database says what is wrong
        logger.warning("could not remove %s: %s", state_file(database_file), error)


def mark_damage_seen(database_file: Path) -> None:
    """A session met damaged pages: make the next start run the full check (and repair) first."""
    write_state(database_file, replace(read_state(database_file) or DatabaseState(), damage_seen=True))


def record_full_check(database_file: Path, healthy: bool, now: dt.datetime) -> None:
    state = read_state(database_file) or DatabaseState()
    write_state(database_file, replace(state, full_check_at=now, full_check_ok=healthy, damage_seen=not healthy))


def count_rows(database_file: Path, tables: tuple[str, ...] = COUNTED_TABLES) -> dict[str, int]:
    """Rows per table that exists (plain sqlite3, read-only use of an existing file)."""
    uri = f"{database_file.resolve().as_uri()}?mode=rw"
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5)) as connection:
        present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {
            table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            for table in tables
            if table in present
        }


def remember(database_file: Path, now: dt.datetime | None = None, counts: dict[str, int] | None = None) -> None:
    """Record the file's size and row counts now (at start, after the checks, and when the app closes)."""
    try:
        counts = count_rows(database_file) if counts is None else counts
        size = database_file.stat().st_size
    except (OSError, sqlite3.Error) as error:
        logger.warning("could not count the rows of %s: %s", database_file, error)
        return
    moment = now or dt.datetime.now(dt.UTC)
    write_state(database_file, (read_state(database_file) or DatabaseState()).with_counts(size, counts, moment))


def fewer_rows(before: dict[str, int], now: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Tables holding fewer rows now than before: name → (before, now)."""
    return {table: (count, now.get(table, 0)) for table, count in before.items() if now.get(table, 0) < count}


def _time(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


def _text(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None
