"""Migrations build the schema the models describe, on an empty and on an existing database."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

import quiz.storage.models
from quiz.storage.base import Base
from quiz.storage.database import Database, head_revision


def test_migrating_an_empty_database_matches_the_models(database_url: str) -> None:
    database = Database(database_url)
    database.migrate()
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert database.current_revision() == head_revision()


def test_migrating_twice_keeps_rows(database_url: str) -> None:
    database = Database(database_url)
    database.migrate()
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO settings (key, value) VALUES ('place_name', '\"Hạ Long\"')"))
    again = Database(database_url)
    again.migrate()
    with again.engine.connect() as connection:
        assert connection.execute(text("SELECT value FROM settings")).scalar() == '"Hạ Long"'


def test_sqlite_pragmas_are_set(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_head_revision_is_the_last_of_the_chain(database_url: str) -> None:
    database = Database(database_url)
    database.migrate()
    assert "alembic_version" in inspect(database.engine).get_table_names()
    versions = Path(quiz.storage.__file__).parent / "migrations" / "versions"
    newest_file = max(path.stem for path in versions.glob("0*.py"))
    assert head_revision() == newest_file
