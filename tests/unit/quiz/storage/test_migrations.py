"""Migrations build the schema the models describe, on an empty and on an existing database."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

import quiz.storage.models
from quiz.errors import UserError
from quiz.storage.base import Base
from quiz.storage.database import Database, head_revision, open_database
from quiz.storage.models.documents import Setting
from quiz.storage.models.study import is_search_index_table


def _not_search_index(_object: object, name: str | None, type_: str, _reflected: bool, _other: object) -> bool:
    # The SQLite FTS5 search index is made by its migration only, outside the models' metadata.
    return not (type_ == "table" and name is not None and is_search_index_table(name))


def test_migrating_an_empty_database_matches_the_models(any_database_url: str) -> None:
    database = Database(any_database_url)
    database.migrate()
    with database.engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"include_object": _not_search_index}), Base.metadata
        )
    assert differences == []
    assert database.current_revision() == head_revision()


def test_migrating_twice_keeps_rows(any_database_url: str) -> None:
    database = Database(any_database_url)
    database.migrate()
    with database.sessions.begin() as session:
        session.add(Setting(key="place_name", value="Hạ Long"))
    again = Database(any_database_url)
    again.migrate()
    with again.sessions.begin() as session:
        assert session.get(Setting, "place_name").value == "Hạ Long"  # type: ignore[union-attr]


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


@pytest.mark.parametrize(
    "url",
    [
        "khong-phai-url",
        "postgresql://nobody@127.0.0.1:1/none",
        "postgres://nobody@127.0.0.1:1/none",
        "postgresql+khongco://nobody@127.0.0.1:1/none",
        "sqlite:////no/such/folder/x.sqlite3",
    ],
)
def test_a_database_that_cannot_be_opened_gives_one_vietnamese_sentence(url: str) -> None:
    with pytest.raises(UserError, match="cơ sở dữ liệu"):
        open_database(url)
