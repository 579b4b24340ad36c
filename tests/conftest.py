"""Shared fixtures: a file database in tmp_path (never :memory:), a signed-in facade, an isolated data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.service import Service
from quiz.services.context import Actor

# The README's test command must work on a machine without a display (CI, a server): Qt draws offscreen
# unless the caller chose a platform (e.g. QT_QPA_PLATFORM=xcb under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPOSITORY = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep logs, settings and the default database of every test out of the real user's folders."""
    folder = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("HOME", str(folder / "home"))
    return folder


POSTGRES_URL = os.environ.get("NQ_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh SQLite file database (for tests about SQLite itself: pragmas, files, kills, backups)."""
    return f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"


@pytest.fixture(params=BACKENDS)
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: SQLite always, and PostgreSQL too when NQ_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"
    reset_postgres_schema(POSTGRES_URL)
    return POSTGRES_URL


def reset_postgres_schema(url: str) -> None:
    """Drop every table of the test database so each test starts empty."""
    from sqlalchemy import text

    from quiz.storage.database import Database

    # Through Database, so the URL picks the same driver the app would (pg8000 when none is named).
    database = Database(url)
    with database.engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    database.dispose()


@pytest.fixture
def service(any_database_url: str) -> Iterator[Service]:
    """A migrated, empty facade signed in as the admin, on every configured backend."""
    opened = Service.open(any_database_url, actor=Actor.admin())
    yield opened
    opened.close()
