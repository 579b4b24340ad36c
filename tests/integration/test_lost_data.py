"""Issue 15 items 2 and 3: an emptied or vanished database, a lost or damaged -wal, rows gone since last time."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup
from quiz.storage.startup import prepare_database
from tests.integration.faults import setting_keys, table_counts
from tests.integration.scenario import add_member
from tests.integration.test_backup import START as OPENED
from tests.integration.test_backup import make_database
from tests.integration.test_locked_start import read_line, start_worker

# Two days after the backup opening the database makes, so the first backup of each test holds what it added.
START = OPENED + dt.timedelta(days=2)


def database_with_members(database_file: Path, count: int) -> str:
    url = make_database(database_file, ["một"])
    service = Service.open(url, actor=Actor.admin())
    for number in range(count):
        add_member(service, f"Đảng viên số {number}")
    service.close()
    return url


def test_an_emptied_database_is_restored_from_the_newest_backup_with_data(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = database_with_members(database_file, 3)
    prepare_database(url, START)
    database_file.write_bytes(b"")  # what a full disk or a bad sync tool leaves

    message = prepare_database(url, START + dt.timedelta(hours=3))

    assert message is not None and "rỗng (0 byte)" in message and backup.describe_time(START) in message
    assert table_counts(database_file)["members"] == 3
    assert len(list(tmp_path.glob("hoctap.sqlite3.rong-*"))) == 1


def test_a_vanished_database_is_restored_and_said(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = database_with_members(database_file, 2)
    prepare_database(url, START)
    database_file.unlink()

    message = prepare_database(url, START + dt.timedelta(hours=3))

    assert message is not None and "không còn" in message
    assert table_counts(database_file)["members"] == 2


def test_rotation_keeps_the_last_backup_that_holds_data(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = database_with_members(database_file, 2)
    prepare_database(url, START)
    # The data is gone without anyone noticing (say, an older app version replaced it with a new, empty file).
    empty_file = tmp_path / "empty" / "hoctap.sqlite3"
    empty_file.parent.mkdir()
    make_database(empty_file, ["một"])
    shutil.copyfile(empty_file, database_file)

    for day in range(1, 10):
        prepare_database(url, START + dt.timedelta(days=day))

    kept = backup.list_backups(database_file)
    assert len(kept) == backup.KEPT_BACKUPS + 1
    assert kept[-1].made_at == START and table_counts(kept[-1].path)["members"] == 2


def crashed_with_wal(tmp_path: Path) -> tuple[Path, str]:
    """A database whose writer committed 25 rows into its -wal and was killed before a checkpoint."""
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, ["một"])
    prepare_database(url, START)
    crashed = start_worker(tmp_path, "crash-with-wal", str(database_file), "25")
    assert read_line(crashed) == "committed"
    crashed.wait(timeout=30)
    return database_file, url


def test_a_deleted_wal_after_a_crash_is_said(tmp_path: Path) -> None:
    database_file, url = crashed_with_wal(tmp_path)
    (tmp_path / "hoctap.sqlite3-wal").unlink()  # a cleaner or an antivirus removed it

    message = prepare_database(url, START + dt.timedelta(hours=1))

    assert message is not None and "(-wal)" in message and "bị mất" in message
    assert "wal 0" not in setting_keys(database_file)  # lost indeed: the sentence is the only trace


def test_a_damaged_wal_after_a_crash_is_said_and_kept(tmp_path: Path) -> None:
    database_file, url = crashed_with_wal(tmp_path)
    wal = tmp_path / "hoctap.sqlite3-wal"
    data = bytearray(wal.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in a frame in the middle
    wal.write_bytes(bytes(data))

    message = prepare_database(url, START + dt.timedelta(hours=1))

    assert message is not None and "(-wal)" in message and "bị hỏng" in message
    kept = list(tmp_path.glob("hoctap.sqlite3-wal.hong-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    assert len({key for key in setting_keys(database_file) if key.startswith("wal ")}) < 25


def test_an_intact_wal_after_a_crash_says_nothing(tmp_path: Path) -> None:
    database_file, url = crashed_with_wal(tmp_path)

    assert prepare_database(url, START + dt.timedelta(hours=1)) is None
    assert {f"wal {number}" for number in range(25)} <= setting_keys(database_file)


def test_fewer_rows_than_at_the_last_start_are_said(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = database_with_members(database_file, 5)
    prepare_database(url, START)
    # Rows vanish behind the app's back (an old copy of the file put back, a lost -wal without its -shm).
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("DELETE FROM members WHERE rowid IN (SELECT rowid FROM members LIMIT 2)")
        connection.commit()

    message = prepare_database(url, START + dt.timedelta(hours=1))

    assert message is not None and "đảng viên 5 → 3" in message
    assert prepare_database(url, START + dt.timedelta(hours=2)) is None  # said once


def test_a_damaged_wal_without_its_shm_is_read_frame_by_frame(tmp_path: Path) -> None:
    _database_file, url = crashed_with_wal(tmp_path)
    (tmp_path / "hoctap.sqlite3-shm").unlink()
    wal = tmp_path / "hoctap.sqlite3-wal"
    data = bytearray(wal.read_bytes())
    data[40 + 4096] ^= 0xFF  # inside the first frame's page: every later commit is dropped by SQLite
    wal.write_bytes(bytes(data))

    message = prepare_database(url, START + dt.timedelta(hours=1))

    assert message is not None and "bị hỏng" in message
    assert len(list(tmp_path.glob("hoctap.sqlite3-wal.hong-*"))) == 1
