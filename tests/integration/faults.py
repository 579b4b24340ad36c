"""Helpers for the reliability tests: damage a database file, read rows without the app, run the CLI."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.conftest import REPOSITORY


def corrupt_middle_page(database_file: Path, seed: int = 8) -> int:
    """Overwrite the page in the middle of the file with random bytes; returns the page number."""
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        # Compact first so the middle page is a live b-tree page, not a free one nobody reads.
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("VACUUM")
        page_size: int = connection.execute("PRAGMA page_size").fetchone()[0]
        page_count: int = connection.execute("PRAGMA page_count").fetchone()[0]
    page = page_count // 2 + 1
    with database_file.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(random.Random(seed).randbytes(page_size))
    return page


def store_rows(service: Any, values: dict[str, object]) -> None:
    """Filler rows in the settings table (the simplest rows every schema has), written below the facade, which
    accepts only declared settings."""
    from quiz.storage.models.documents import Setting

    with service.context.session() as session:
        for key, value in values.items():
            session.merge(Setting(key=key, value=value))


def setting_keys(database_file: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        return {row[0] for row in connection.execute("SELECT key FROM settings")}


def table_counts(database_file: Path) -> dict[str, int]:
    """Rows per table, read with plain sqlite3 so the check does not depend on the app's code."""
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def integrity(database_file: Path) -> str:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def run_main(
    arguments: list[str], home: Path, timeout: float = 120, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``main.py`` as a user would, with its data folder (and log) kept under ``home``."""
    return subprocess.run(
        [*(prefix or []), sys.executable, str(REPOSITORY / "main.py"), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=user_environment(home),
        cwd=REPOSITORY,
        timeout=timeout,
        check=False,
    )


def start_module(module: str, arguments: Sequence[str], home: Path) -> subprocess.Popen[str]:
    """Start ``python -m module`` as another process of the same user (pipes for its stdin and stdout)."""
    return subprocess.Popen(
        [sys.executable, "-m", module, *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=REPOSITORY,
        env=user_environment(home),
    )


def user_environment(home: Path) -> dict[str, str]:
    """The environment of a user whose data folder (database, backups, log) is under ``home``."""
    environment = dict(os.environ)
    environment.update(
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
    )
    return environment
