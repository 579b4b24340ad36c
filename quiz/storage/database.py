"""One engine and session factory per database URL; SQLite pragmas; Alembic migrations applied at start."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from quiz.errors import UserError
from quiz.storage import backup, sqlite_access, state
from quiz.storage.drivers import engine_url_and_arguments, invalid_url, resolve_url, unusable_driver
from quiz.storage.maintenance import Maintenance
from quiz.storage.postgres_connection import tune_engine

logger = logging.getLogger(__name__)
_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*[\"']?([\w-]*)", re.MULTILINE)


# What reading a malformed stored value raises (a date, JSON, a number, text). Anything else, such as a
# cancelled job or an error already said in one sentence, never costs a full integrity check.
_DECODING_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError)


class Database:
    """Owns the engine and the session factory; every user action opens one session from ``sessions``."""

    def __init__(self, url: str) -> None:
        self.url = resolve_url(url)
        engine_url, connect_arguments = engine_url_and_arguments(self.url)
        try:
            self.engine: Engine = create_engine(engine_url, **_engine_options(self.url, connect_arguments))
        except ImportError as error:
            # The URL names a driver this installation does not carry (e.g. postgresql+psycopg2://).
            raise unusable_driver(self.url.get_driver_name()) from error
        except (ArgumentError, ValueError) as error:
            raise invalid_url(url) from error
        tune_engine(self.engine)
        if self.is_sqlite:
            sqlite_access.listen(self.engine, self._damage_seen)
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        self.maintenance: Maintenance | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def file_path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One writing unit of work holding SQLite's write lock from its first statement (commits on success).

        Use it for an action that reads and then writes what another process may write at the same moment
        (an answer), and for each chunk of a long job. On PostgreSQL it is an ordinary transaction.
        """
        with self.reporting_damage(), self.sessions.begin() as session:
            if self.is_sqlite:
                sqlite_access.begin_immediate(session.connection())
            yield session

    def chunk_done(self, already_seconds: float = 0.0) -> None:
        """Called by a long job between two committed chunks (``already_seconds`` after the commit), so writers
        waiting for the lock get it first."""
        if self.is_sqlite:
            sqlite_access.pause_between_chunks(already_seconds)

    @contextmanager
    def reporting_damage(self) -> Iterator[None]:
        """Turn an unexpected error that damage explains into the one-sentence DatabaseDamaged.

        A flipped bit inside a record reads back as a malformed value (an impossible date, broken JSON), not as
        SQLite's own "malformed" error; when the full integrity check then fails, that is what the user is told,
        and the next start repairs. Any other error is left as it is. The check runs only after such a failure.
        """
        try:
            yield
        except _DECODING_ERRORS as error:
            if self.file_path is not None and not backup.is_healthy(self.file_path, thorough=True):
                self._damage_seen()
                raise sqlite_access.DatabaseDamaged(sqlite_access.DAMAGED_MESSAGE) from error
            raise

    def _damage_seen(self) -> None:
        if self.file_path is not None:
            logger.error("damaged pages met in %s; the next start checks the whole file", self.file_path)
            state.mark_damage_seen(self.file_path)

    def migrate(self) -> None:
        """Bring the schema to the newest revision (skipping Alembic's import when already there)."""
        if self.current_revision() == head_revision():
            return
        from alembic import command

        config = _alembic_config()
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def current_revision(self) -> str | None:
        """The revision stamped in the database, or None for an empty one."""
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def start_maintenance(self) -> None:
        """The weekly full check and the daily backup while the app runs (SQLite files only)."""
        if self.file_path is not None and self.maintenance is None:
            self.maintenance = Maintenance(self.file_path)
            self.maintenance.start()

    def dispose(self) -> None:
        if self.maintenance is not None:
            self.maintenance.stop()
        self.engine.dispose()
        if self.file_path is not None and self.file_path.is_file():
            # Remembered at close too, so rows deleted on purpose during the session do not look lost next time.
            state.remember(self.file_path)


def _engine_options(url: URL, connect_arguments: dict[str, Any]) -> dict[str, Any]:
    if url.get_backend_name() == "sqlite":
        return {"connect_args": sqlite_access.connect_arguments()}
    return {"pool_pre_ping": True, "connect_args": connect_arguments}


def migrations_folder() -> Path:
    """The Alembic script folder, a package resource (so the frozen build finds it too)."""
    folder = resources.files("quiz.storage").joinpath("migrations")
    assert isinstance(folder, Path)
    return folder


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_folder()))
    return config


def head_revision() -> str:
    """The newest revision id, read from the version files without importing Alembic (fast start)."""
    revisions: dict[str, str | None] = {}
    for script in (migrations_folder() / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions[found["revision"]] = found.get("down_revision") or None
    parents = {parent for parent in revisions.values() if parent}
    heads = [revision for revision in revisions if revision not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]


def open_database(url: str) -> Database:
    """Open and migrate ``url``; a bad URL or an unreachable server becomes one clear Vietnamese sentence."""
    database = Database(url)
    try:
        database.migrate()
    except UserError:
        database.dispose()  # held by another process, or damaged: the sentence is already the right one
        raise
    except DBAPIError as error:
        database.dispose()
        where = database.file_path or database.url.render_as_string(hide_password=True)
        # The sentence cannot say whether it was the password, the network or the server; the log can.
        logger.warning("opening the database %s failed: %s", where, error)
        raise UserError(
            f"Không mở được cơ sở dữ liệu ({where}). Hãy kiểm tra máy chủ, mạng nội bộ hoặc quyền ghi tệp."
        ) from error
    database.start_maintenance()
    return database
