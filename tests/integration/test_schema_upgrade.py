"""A database made at an earlier migration head (fixture) upgrades to head with every row and value intact."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup
from quiz.storage.database import head_revision
from quiz.storage.startup import prepare_database
from tests.conftest import TEST_DATA

FIXTURE = TEST_DATA / "upgrade" / "at_0002_bank.sqlite3"


def snapshot(database_file: Path) -> dict[str, dict[tuple[object, ...], dict[str, object]]]:
    """Every row of every table, keyed by primary key, as plain stored values."""
    tables: dict[str, dict[tuple[object, ...], dict[str, object]]] = {}
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        connection.row_factory = sqlite3.Row
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in names:
            if name == "alembic_version":
                continue
            keys = [row["name"] for row in connection.execute(f'PRAGMA table_info("{name}")') if row["pk"]]
            tables[name] = {
                tuple(row[key] for key in keys): dict(row) for row in connection.execute(f'SELECT * FROM "{name}"')
            }
    return tables


def revision(database_file: Path) -> str:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_fixture_is_at_an_earlier_revision_and_has_rows() -> None:
    assert revision(FIXTURE) == "0002_bank" != head_revision()
    counts = {table: len(rows) for table, rows in snapshot(FIXTURE).items()}
    assert counts["documents"] == 2 and counts["questions"] == 6 and counts["settings"] == 3


def test_upgrade_to_head_keeps_every_row(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    shutil.copy(FIXTURE, database_file)
    before = snapshot(database_file)

    assert prepare_database(f"sqlite:///{database_file.as_posix()}") is None
    service = Service.open(f"sqlite:///{database_file.as_posix()}", actor=Actor.admin())
    titles = sorted(document.title for document in service.documents.list_documents())
    place = service.settings.get("place_name")
    service.close()

    after = snapshot(database_file)
    assert revision(database_file) == head_revision()
    # Columns may be added, but every old row keeps every old value, under the same primary key.
    changed = {}
    for table, rows in before.items():
        for key, row in rows.items():
            now = after.get(table, {}).get(key, {})
            if {column: now.get(column) for column in row} != row:
                changed[f"{table}{key}"] = (row, now)
    assert changed == {}
    assert titles == ["Nghị quyết thử nghiệm số 1", "Nghị quyết thử nghiệm số 2"]
    assert place == "Hoà An"
    # The daily backup is taken before the migration runs, so the pre-upgrade file is kept too.
    (kept,) = backup.list_backups(database_file)
    assert revision(kept.path) == "0002_bank"
