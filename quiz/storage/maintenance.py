"""While the app runs: the weekly full integrity check and the daily backup, in a background thread.

An office PC is often left on for weeks; without this the only backup and the only full check would happen
when the app starts. With it at most one day of work is ever outside a backup.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from pathlib import Path

from quiz.storage import backup, state
from quiz.storage.backup import Health

logger = logging.getLogger(__name__)

FULL_CHECK_INTERVAL = dt.timedelta(days=7)
# The first look waits until the start-up is over; then hourly, which is cheap: a look is one small file read.
FIRST_LOOK_SECONDS = 120.0
LOOK_EVERY_SECONDS = 3600.0


def full_check_due(database_file: Path, now: dt.datetime) -> bool:
    remembered = state.read_state(database_file)
    checked_at = remembered.full_check_at if remembered else None
    return checked_at is None or now - checked_at >= FULL_CHECK_INTERVAL


def run_once(database_file: Path, now: dt.datetime | None = None) -> Health | None:
    """Check the whole file when a week has passed or a backup is due, then back up; returns what was found."""
    moment = now or dt.datetime.now(dt.UTC)
    backup_due = backup.backup_due(database_file, moment)
    if not (backup_due or full_check_due(database_file, moment)):
        return None
    # A read transaction: in WAL mode the app's writers go on while the check reads its snapshot.
    health = backup.check(database_file, thorough=True, wait_seconds=30)
    if health is Health.DAMAGED:
        # No backup of a damaged file; the next start repairs it from the newest good one.
        logger.error("the background check found %s damaged", database_file)
        state.record_full_check(database_file, False, moment)
    elif health is Health.OK:
        state.record_full_check(database_file, True, moment)
        if backup_due:
            backup.make_backup(database_file, moment)
    return health


class Maintenance:
    """One daemon thread per open SQLite database; ``stop`` ends it at the next wake-up."""

    def __init__(self, database_file: Path) -> None:
        self.database_file = database_file
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"maintenance {database_file.name}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        delay = FIRST_LOOK_SECONDS
        while not self._stopped.wait(delay):
            delay = LOOK_EVERY_SECONDS
            try:
                if self.database_file.is_file():
                    run_once(self.database_file)
            except (OSError, sqlite3.Error):
                # A full disk or a vanished share must not end the app; the next look tries again.
                logger.exception("background maintenance of %s failed", self.database_file)
