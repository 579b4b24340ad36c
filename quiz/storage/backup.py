"""Daily SQLite backups (SQLite's backup API, last 7 kept) and recovery of a corrupted file from the newest good one."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from quiz.formatting import format_date

logger = logging.getLogger(__name__)

BACKUP_FOLDER_NAME = "backups"
KEPT_BACKUPS = 7
BACKUP_INTERVAL = dt.timedelta(days=1)
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
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


def is_healthy(database_file: Path, thorough: bool = False) -> bool:
    """True when SQLite opens the file and its quick (or full) integrity check says ``ok``."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        with contextlib.closing(sqlite3.connect(_existing_file_uri(database_file), uri=True)) as connection:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        logger.warning("integrity check of %s failed: %s", database_file, error)
        return False
    if rows != [("ok",)]:
        logger.warning("integrity check of %s reported: %s", database_file, rows[:5])
        return False
    return True


def opens_cleanly(database_file: Path) -> bool:
    """The cheap check: SQLite reads the header and the schema (catches a damaged start of the file)."""
    try:
        with contextlib.closing(sqlite3.connect(_existing_file_uri(database_file), uri=True)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        logger.warning("%s does not open: %s", database_file, error)
        return False
    return True


def make_backup(database_file: Path, now: dt.datetime | None = None) -> Backup:
    """Copy the database with SQLite's backup API (consistent even while another process writes)."""
    made_at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    folder = backup_folder(database_file)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{database_file.stem}-{made_at:{_STAMP_FORMAT}}{database_file.suffix or '.sqlite3'}"
    partial = target.with_name(target.name + ".partial")
    _copy_database(database_file, partial)
    # Renamed only when complete, so a crash during the copy never leaves a half backup that looks whole.
    partial.replace(target)
    prune_backups(database_file)
    return Backup(target, made_at)


def prune_backups(database_file: Path, keep: int = KEPT_BACKUPS) -> None:
    for old in list_backups(database_file)[keep:]:
        old.path.unlink(missing_ok=True)


def backup_due(database_file: Path, now: dt.datetime | None = None) -> bool:
    """True when the newest backup is older than a day (or there is none yet)."""
    backups = list_backups(database_file)
    return not backups or (now or dt.datetime.now(dt.UTC)) - backups[0].made_at >= BACKUP_INTERVAL


def backup_if_due(database_file: Path, now: dt.datetime | None = None) -> Backup | None:
    """Make a backup when the newest one is older than a day (or there is none yet)."""
    return make_backup(database_file, now) if backup_due(database_file, now) else None


def recover(database_file: Path, now: dt.datetime | None = None) -> Recovery:
    """Move a corrupted database (and its side files) aside and restore the newest backup that checks ok."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    corrupted_copy = database_file.with_name(f"{database_file.name}.hong-{moment:{_STAMP_FORMAT}}")
    database_file.replace(corrupted_copy)
    for suffix in _SIDE_SUFFIXES:
        side = database_file.with_name(database_file.name + suffix)
        if side.exists():
            side.replace(corrupted_copy.with_name(corrupted_copy.name + suffix))
    for backup in list_backups(database_file):
        if is_healthy(backup.path, thorough=True):
            _copy_database(backup.path, database_file)
            logger.warning("restored %s from %s", database_file, backup.path)
            return Recovery(corrupted_copy, backup)
        logger.warning("backup %s is damaged too; trying an older one", backup.path)
    logger.error("no usable backup for %s; starting empty", database_file)
    return Recovery(corrupted_copy, None)


def _copy_database(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    with (
        contextlib.closing(sqlite3.connect(_existing_file_uri(source), uri=True)) as reader,
        contextlib.closing(sqlite3.connect(target)) as writer,
    ):
        reader.backup(writer)
        # A backup is one self-contained file: no WAL beside it to lose when it is copied elsewhere.
        writer.execute("PRAGMA journal_mode=DELETE")


def _existing_file_uri(path: Path) -> str:
    # mode=rw: never create a missing file. Not read-only: a read-only connection to a WAL database leaves
    # its -wal and -shm files behind, and cannot replay the WAL a killed process left.
    return f"{path.resolve().as_uri()}?mode=rw"
