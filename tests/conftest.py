"""Shared fixtures: a file database in tmp_path (never :memory:), a signed-in facade, an isolated data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.service import Service
from quiz.services.context import Actor

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


def database_urls(tmp_path: Path) -> list[str]:
    """SQLite always; a real PostgreSQL too when NQ_TEST_POSTGRES_URL is set."""
    urls = [f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"]
    if os.environ.get("NQ_TEST_POSTGRES_URL"):
        urls.append(os.environ["NQ_TEST_POSTGRES_URL"])
    return urls


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"


@pytest.fixture
def service(database_url: str) -> Iterator[Service]:
    """A migrated, empty facade on a file database, signed in as the admin."""
    opened = Service.open(database_url, actor=Actor.admin())
    yield opened
    opened.close()
