"""Daily SQLite backups (SQLite's backup API, last 7 kept) and recovery of a corrupted file from the newest good one."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from quiz.formatting import format_date
from quiz.storage.file_lock import FileInUse, exclusive_access
from quiz.storage.sqlite_access import is_busy, is_damage
from quiz.storage.state import USER_TABLES, count_rows

logger = logging.getLogger(__name__)

BACKUP_FOLDER_NAME = "backups"
KEPT_BACKUPS = 7
BACKUP_INTERVAL = dt.timedelta(days=1)
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
PARTIAL_SUFFIX = ".partial"
# The side files SQLite keeps beside a database; they belong to that file and must move with it.
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Backup:
    """One backup file and the UTC time it was made (taken from its name, so copying keeps it)."""

    path: Path
    made_at: dt.datetime


@dataclass(frozen=True)
class Recovery:
    """What happened to a corrupted database: where the damaged file went and which backup replaced it."""

    corrupted_copy: Path
    restored: Backup | None

    @property
    def message(self) -> str:
        """The Vietnamese sentence shown to the user at start."""
        kept = f"Tệp hỏng được giữ lại tại {self.corrupted_copy}."
        if self.restored is None:
            return (
                "Cơ sở dữ liệu bị hỏng và không có bản sao lưu nào dùng được, nên ứng dụng bắt đầu với dữ liệu "
                f"trống. {kept}"
            )
        return (
            "Cơ sở dữ liệu bị hỏng nên đã được khôi phục từ bản sao lưu "
            f"{describe_time(self.restored.made_at)}; những thay đổi sau thời điểm đó đã bị mất. {kept}"
        )


def describe_time(moment: dt.datetime) -> str:
    """``lúc 14:05 ngày 28 tháng 10 năm 2020`` in the PC's local time."""
    local = moment.astimezone()
    return f"lúc {local:%H:%M} {format_date(local.date())}"


def backup_folder(database_file: Path) -> Path:
    """Backups live in ``backups/`` beside the database (the data folder for the default database)."""
    return database_file.parent / BACKUP_FOLDER_NAME


def list_backups(database_file: Path) -> list[Backup]:
    """The backups of this database, newest first."""
    found: list[Backup] = []
    prefix = f"{database_file.stem}-"
    for path in backup_folder(database_file).glob(f"{prefix}*{database_file.suffix or '.sqlite3'}"):
        stamp = path.stem.removeprefix(prefix)
        try:
            made_at = dt.datetime.strptime(stamp, _STAMP_FORMAT).replace(tzinfo=dt.UTC)
        except ValueError:
            continue  # not one of ours (e.g. a copy the user made by hand)
        found.append(Backup(path, made_at))
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


class Health(Enum):
    """What a check of a SQLite file found."""

    OK = "ok"
    # Proven damage: SQLite opened and read the file and found it is not a database or its pages are broken.
    DAMAGED = "damaged"
    # Another process held the file longer than we waited: says nothing about the file.
    BUSY = "busy"
    # Could not open or read it (permissions, a vanished network share, a full disk): says nothing either.
    UNREADABLE = "unreadable"


def check(database_file: Path, thorough: bool = False, cheap: bool = False, wait_seconds: float = 5.0) -> Health:
    """``PRAGMA quick_check`` (``integrity_check`` when thorough; only the schema when cheap) on the file."""
    statement = (
        "SELECT count(*) FROM sqlite_master" if cheap else f"PRAGMA {'integrity_check' if thorough else 'quick_check'}"
    )
    try:
        uri = _existing_file_uri(database_file)
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=wait_seconds)) as connection:
            # The check's report quotes damaged rows, whose text may no longer be UTF-8.
            connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
            rows = connection.execute(statement).fetchall()
    except sqlite3.Error as error:
        health = Health.BUSY if is_busy(error) else Health.DAMAGED if is_damage(error) else Health.UNREADABLE
        logger.warning("check of %s: %s (%s)", database_file, health.value, error)
        return health
    except UnicodeDecodeError as error:
        # SQLite's own error message quoted bytes of the file that are no longer text: the file is damaged.
        logger.warning("check of %s: damaged (an error message that is not UTF-8: %s)", database_file, error)
        return Health.DAMAGED
    except OSError as error:
        logger.warning("check of %s: cannot read (%s)", database_file, error)
        return Health.UNREADABLE
    if not cheap and rows != [("ok",)]:
        logger.warning("integrity check of %s reported: %s", database_file, rows[:5])
        return Health.DAMAGED
    return Health.OK


def is_healthy(database_file: Path, thorough: bool = False) -> bool:
    """True when SQLite opens the file and its quick (or full) integrity check says ``ok``."""
    return check(database_file, thorough) is Health.OK


def opens_cleanly(database_file: Path) -> bool:
    """The cheap check: SQLite reads the header and the schema (catches a damaged start of the file)."""
    return check(database_file, cheap=True) is Health.OK


def holds_data(database_file: Path) -> bool:
    """True when the file holds rows a person made (members, attempts, answers, pledges)."""
    try:
        return sum(count_rows(database_file, USER_TABLES).values()) > 0
    except sqlite3.Error:
        return False


def make_backup(database_file: Path, now: dt.datetime | None = None) -> Backup:
    """Copy the database with SQLite's backup API (consistent even while another process writes)."""
    made_at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    folder = backup_folder(database_file)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{database_file.stem}-{made_at:{_STAMP_FORMAT}}{database_file.suffix or '.sqlite3'}"
    for leftover in folder.glob(f"*{PARTIAL_SUFFIX}"):
        leftover.unlink(missing_ok=True)  # a copy a killed process never finished
    _copy_database(database_file, target)
    if not is_healthy(target):
        # Never let a bad copy count as the newest backup, let alone rotate a good one out.
        target.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"the backup copy {target} does not check ok")
    prune_backups(database_file)
    return Backup(target, made_at)


def prune_backups(database_file: Path, keep: int = KEPT_BACKUPS) -> None:
    """Keep the newest ``keep`` backups, and always the newest one that holds data and checks ok.

    Without the second rule a database that became empty unnoticed would, after a week of daily starts, have
    rotated every backup of the real data out.
    """
    backups = list_backups(database_file)
    kept, older = backups[:keep], backups[keep:]
    if older and not any(holds_data(backup.path) for backup in kept):
        keeper = next((backup for backup in older if holds_data(backup.path) and is_healthy(backup.path)), None)
        older = [backup for backup in older if backup != keeper]
    for old in older:
        old.path.unlink(missing_ok=True)


def backup_due(database_file: Path, now: dt.datetime | None = None) -> bool:
    """True when the newest backup is older than a day (or there is none yet)."""
    backups = list_backups(database_file)
    return not backups or (now or dt.datetime.now(dt.UTC)) - backups[0].made_at >= BACKUP_INTERVAL


def move_aside(database_file: Path, label: str, now: dt.datetime | None = None) -> Path:
    """Rename the file and its side files to ``<name>.<label>-<time>``; raises FileInUse if a process has it open.

    Moving a file another process still writes would send its writes to the moved file (they would look saved
    to that process and be missing from the live database), so the exclusive lock comes first.
    """
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    aside = database_file.with_name(f"{database_file.name}.{label}-{moment:{_STAMP_FORMAT}}")
    with exclusive_access(database_file):
        try:
            database_file.replace(aside)
        except PermissionError as error:  # Windows: another process has it open
            raise FileInUse(str(database_file)) from error
        for suffix in _SIDE_SUFFIXES:
            side = database_file.with_name(database_file.name + suffix)
            if side.exists():
                side.replace(aside.with_name(aside.name + suffix))
    return aside


def restore_newest(database_file: Path, with_data: bool = False) -> Backup | None:
    """Copy the newest backup that checks ok (and holds data, if asked) to ``database_file``."""
    for backup in list_backups(database_file):
        if with_data and not holds_data(backup.path):
            continue
        if is_healthy(backup.path, thorough=True):
            _copy_database(backup.path, database_file)
            logger.warning("restored %s from %s", database_file, backup.path)
            return backup
        logger.warning("backup %s is damaged too; trying an older one", backup.path)
    return None


def recover(database_file: Path, now: dt.datetime | None = None) -> Recovery:
    """Move a corrupted database (and its side files) aside and restore the newest backup that checks ok."""
    corrupted_copy = move_aside(database_file, "hong", now)
    restored = restore_newest(database_file)
    if restored is None:
        logger.error("no usable backup for %s; starting empty", database_file)
    return Recovery(corrupted_copy, restored)


def _copy_database(source: Path, target: Path) -> None:
    # Written beside the target and renamed only when complete: a crash during the copy (or a kill during the
    # rotation) never leaves a half file that looks whole.
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    with (
        contextlib.closing(sqlite3.connect(_existing_file_uri(source), uri=True)) as reader,
        contextlib.closing(sqlite3.connect(partial)) as writer,
    ):
        reader.backup(writer)
        # A backup is one self-contained file: no WAL beside it to lose when it is copied elsewhere.
        writer.execute("PRAGMA journal_mode=DELETE")
    partial.replace(target)


def _existing_file_uri(path: Path) -> str:
    # mode=rw: never create a missing file. Not read-only: a read-only connection to a WAL database leaves
    # its -wal and -shm files behind, and cannot replay the WAL a killed process left.
    return f"{path.resolve().as_uri()}?mode=rw"
