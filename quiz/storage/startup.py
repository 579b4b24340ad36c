"""What runs before the database is opened at start: integrity check, recovery from backup, daily backup."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from quiz.storage import backup

logger = logging.getLogger(__name__)


def sqlite_file(url: str) -> Path | None:
    """The SQLite file behind ``url``, or None for a server database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def prepare_database(url: str, now: dt.datetime | None = None) -> str | None:
    """Check, repair and back up the SQLite file at ``url``; return a message for the user, or None.

    A corrupted file is moved aside and the newest good backup restored (the message says what was lost).
    Then, if the newest backup is older than a day, a new one is made before migrations touch the file.
    PostgreSQL databases are the server's to back up, so nothing happens for them.
    """
    database_file = sqlite_file(url)
    if database_file is None or not database_file.is_file() or database_file.stat().st_size == 0:
        return None
    message = None
    if not backup.is_healthy(database_file):
        recovery = backup.recover(database_file, now)
        message = recovery.message
        if recovery.restored is None:
            return message  # nothing worth backing up: the app starts on a new, empty database
    try:
        backup.backup_if_due(database_file, now)
    except (OSError, sqlite3.Error):
        # A full disk or a read-only folder must not stop the app from starting; the log says why.
        logger.exception("automatic backup of %s failed", database_file)
    return message
