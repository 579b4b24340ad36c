"""What runs before the database is opened at start: lock wait, integrity check, recovery, loss detection, backup."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from quiz.storage import backup, startup_messages, state
from quiz.storage.backup import Health
from quiz.storage.file_lock import FileInUse, others_have_open
from quiz.storage.network import network_warning
from quiz.storage.sqlite_access import DatabaseInUse
from quiz.storage.wal_check import wal_problem

logger = logging.getLogger(__name__)

# PRAGMA quick_check reads the whole file: ~2,5 s per GB. Up to this size it runs at every start (well under
# half a second); a bigger file (a whole district on SQLite) gets the cheap check at every start. The full
# integrity_check (indexes against their tables too) runs before every daily backup, which reads the file anyway.
EVERY_START_CHECK_BYTES = 256 * 2**20
# Another process may hold the file for a few seconds (a merge chunk, a backup); wait this long before saying so.
LOCK_WAIT_SECONDS = 20.0


def sqlite_file(url: str) -> Path | None:
    """The SQLite file behind ``url``, or None for a server database or an in-memory one."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None  # opening the database says what is wrong with the URL
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def prepare_database(url: str, now: dt.datetime | None = None, lock_wait: float = LOCK_WAIT_SECONDS) -> str | None:
    """Check, repair and back up the SQLite file at ``url``; return a message for the user, or None.

    Only a proven corruption (SQLite read the file and found it broken) moves it aside and restores the newest
    good backup; a file another process holds gets a wait and then DatabaseInUse, never a repair. A file that
    became empty or vanished, a lost -wal and rows gone since the last start are detected and said. Then, if
    the newest backup is older than a day, a new one is made after a full integrity check.
    PostgreSQL databases are the server's to back up, so nothing happens for them.
    """
    database_file = sqlite_file(url)
    if database_file is None:
        return None
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    notes = [note for note in [network_warning(database_file)] if note]
    remembered = state.read_state(database_file)
    counted: dict[str, int] = {}  # filled by the check when it counts rows, so they are counted once
    try:
        if not database_file.is_file() or database_file.stat().st_size == 0:
            note = _lost_file(database_file, remembered, moment)
            verified = note is not None and database_file.is_file()  # restored from a checked backup
            notes += [note] if note else []
        else:
            verified = _check_and_repair(database_file, remembered, moment, lock_wait, notes, counted)
    except FileInUse as error:
        raise DatabaseInUse(startup_messages.IN_USE_AT_START.format(seconds=round(lock_wait))) from error
    if verified:
        _backup_if_due(database_file, moment)
        state.remember(database_file, moment, counted or None)
    elif not database_file.is_file():
        state.forget(database_file)  # starting over on a new, empty database: said once, not at every start
    return " ".join(notes) or None


def _lost_file(database_file: Path, remembered: state.DatabaseState | None, now: dt.datetime) -> str | None:
    """A 0-byte or missing file where data was before: keep the empty file aside, restore the newest good backup."""
    had_data = remembered is not None and remembered.size > 0
    if not had_data and not backup.list_backups(database_file):
        return None
    was_empty = database_file.is_file()
    aside = backup.move_aside(database_file, "rong", now) if was_empty else None
    restored = backup.restore_newest(database_file, with_data=True) or backup.restore_newest(database_file)
    logger.error("%s was %s; restored from %s", database_file, "empty" if was_empty else "missing", restored)
    return startup_messages.lost_file(database_file, was_empty, restored, aside)


def _check_and_repair(
    database_file: Path,
    remembered: state.DatabaseState | None,
    now: dt.datetime,
    lock_wait: float,
    notes: list[str],
    counted: dict[str, int],
) -> bool:
    """Check the file (adding what was found to ``notes``); True when it is now known to be sound."""
    # Before anything opens the file: opening replays (and on close removes) the -wal, erasing the evidence.
    if not others_have_open(database_file):
        kept = database_file.with_name(f"{database_file.name}-wal.hong-{now:%Y%m%d-%H%M%S}")
        try:
            problem = wal_problem(database_file, kept)
        except OSError as error:
            logger.warning("could not look at the -wal of %s: %s", database_file, error)
            problem = None
        if problem is not None:
            notes.append(startup_messages.wal_lost(problem, kept if kept.exists() else None))
    thorough = backup.backup_due(database_file, now) or (
        remembered is not None and (remembered.damage_seen or not remembered.full_check_ok)
    )
    cheap = not thorough and database_file.stat().st_size > EVERY_START_CHECK_BYTES
    health = backup.check(database_file, thorough=thorough, cheap=cheap, wait_seconds=lock_wait)
    if health is Health.BUSY:
        raise FileInUse(str(database_file))
    if health is Health.UNREADABLE:
        return False  # says nothing about the file: opening it gives the user the sentence
    if health is Health.DAMAGED:
        recovery = backup.recover(database_file, now)
        notes.append(recovery.message)
        if recovery.restored is not None:
            state.record_full_check(database_file, True, now)
        return recovery.restored is not None
    if thorough:
        if remembered is not None and remembered.damage_seen:
            notes.append(startup_messages.DAMAGE_NOT_FOUND_AGAIN)
        state.record_full_check(database_file, True, now)
    if remembered is not None and remembered.counts:
        try:
            counted.update(state.count_rows(database_file))
            lost = state.fewer_rows(remembered.counts, counted)
        except sqlite3.Error as error:
            logger.warning("could not count the rows of %s: %s", database_file, error)
            lost = {}
        if lost:
            logger.error("%s holds fewer rows than at the last start: %s", database_file, lost)
            notes.append(startup_messages.fewer_rows(lost))
    return True


def _backup_if_due(database_file: Path, now: dt.datetime) -> None:
    try:
        # The file passed the full integrity check above when a backup is due, so a damaged file never
        # becomes the newest backup and never rotates a good one out.
        if backup.backup_due(database_file, now):
            backup.make_backup(database_file, now)
    except (OSError, sqlite3.Error):
        # A full disk or a read-only folder must not stop the app from starting; the log says why.
        logger.exception("automatic backup of %s failed", database_file)
