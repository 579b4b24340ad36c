"""What runs before the database is opened at start: integrity check, recovery from backup, daily backup."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from quiz.storage import backup

logger = logging.getLogger(__name__)

# PRAGMA quick_check reads the whole file: ~2,5 s per GB. Up to this size it runs at every start (well under
# half a second); a bigger file (a whole district on SQLite) gets the cheap check at every start and the full
# one once a day, just before the daily backup, which reads the whole file anyway.
EVERY_START_CHECK_BYTES = 256 * 2**20


def sqlite_file(url: str) -> Path | None:
    """The SQLite file behind ``url``, or None for a server database or an in-memory one."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None  # opening the database says what is wrong with the URL
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
    due = backup.backup_due(database_file, now)
    thorough = due or database_file.stat().st_size <= EVERY_START_CHECK_BYTES
    if not (backup.is_healthy(database_file) if thorough else backup.opens_cleanly(database_file)):
        recovery = backup.recover(database_file, now)
        message = recovery.message
        if recovery.restored is None:
            return message  # nothing worth backing up: the app starts on a new, empty database
    try:
        if due:
            backup.make_backup(database_file, now)
    except (OSError, sqlite3.Error):
        # A full disk or a read-only folder must not stop the app from starting; the log says why.
        logger.exception("automatic backup of %s failed", database_file)
    return message
