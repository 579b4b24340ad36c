"""Automatic daily backup (last 7 kept) and recovery of a corrupted database from the newest good backup."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup, startup
from quiz.storage.startup import prepare_database
from tests.integration.faults import corrupt_middle_page, setting_keys, store_rows

# Now, so the backup Service.open itself takes (when the newest is over a day old) never interferes.
START = dt.datetime.now(dt.UTC).replace(microsecond=0)


def make_database(path: Path, keys: list[str]) -> str:
    """A migrated database holding one setting per key (settings are the simplest rows every schema has)."""
    url = f"sqlite:///{path.as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    store_rows(service, {key: {"giá trị": key * 50} for key in keys})
    service.close()
    return url


def add_settings(url: str, keys: list[str]) -> None:
    service = Service.open(url, actor=Actor.admin())
    store_rows(service, {key: key for key in keys})
    service.close()


def test_first_start_backs_up_and_not_again_the_same_day(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, ["một"])
    assert prepare_database(url, START) is None
    assert [item.made_at for item in backup.list_backups(database_file)] == [START]
    prepare_database(url, START + dt.timedelta(hours=23))
    assert len(backup.list_backups(database_file)) == 1
    prepare_database(url, START + dt.timedelta(days=1, minutes=1))
    assert len(backup.list_backups(database_file)) == 2
    assert backup.backup_folder(database_file) == tmp_path / "backups"


def test_backup_is_a_complete_standalone_copy(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"khóa {index}" for index in range(50)])
    prepare_database(url, START)
    (made,) = backup.list_backups(database_file)
    assert setting_keys(made.path) == setting_keys(database_file)
    assert len(setting_keys(made.path)) == 50
    assert not made.path.with_name(made.path.name + "-wal").exists()
    assert backup.is_healthy(made.path, thorough=True)


def test_only_the_last_seven_backups_are_kept(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, ["một"])
    for day in range(10):
        prepare_database(url, START + dt.timedelta(days=day))
    kept = backup.list_backups(database_file)
    assert [item.made_at for item in kept] == [START + dt.timedelta(days=day) for day in range(9, 2, -1)]
    assert sorted(path.name for path in backup.backup_folder(database_file).iterdir()) == sorted(
        item.path.name for item in kept
    )


def test_corrupted_database_is_moved_aside_and_newest_backup_restored(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"cũ {index}" for index in range(200)])
    prepare_database(url, START)
    add_settings(url, ["sau sao lưu"])
    corrupt_middle_page(database_file)

    message = prepare_database(url, START + dt.timedelta(hours=5))

    assert message is not None
    assert "bị hỏng" in message and "bị mất" in message
    assert backup.describe_time(START) in message
    aside = list(tmp_path.glob("hoctap.sqlite3.hong-*"))
    assert len(aside) == 1 and str(aside[0]) in message
    assert backup.is_healthy(database_file, thorough=True)
    keys = setting_keys(database_file)
    assert f"cũ {199}" in keys and "sau sao lưu" not in keys  # what came after the backup is what was lost
    # The restored file opens, migrates and works through the facade.
    add_settings(url, ["sau khôi phục"])
    assert "sau khôi phục" in setting_keys(database_file)


def test_damaged_newest_backup_falls_back_to_an_older_one(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"cũ {index}" for index in range(200)])
    prepare_database(url, START)
    add_settings(url, ["ngày hai"])
    prepare_database(url, START + dt.timedelta(days=1))
    newest = backup.list_backups(database_file)[0]
    corrupt_middle_page(newest.path)
    corrupt_middle_page(database_file)

    message = prepare_database(url, START + dt.timedelta(days=1, hours=1))

    assert message is not None and backup.describe_time(START) in message
    assert "ngày hai" not in setting_keys(database_file)
    assert "cũ 0" in setting_keys(database_file)


def test_corruption_without_any_backup_starts_empty_and_keeps_the_damaged_file(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"cũ {index}" for index in range(200)])
    corrupt_middle_page(database_file)

    message = prepare_database(url, START)

    assert message is not None and "không có bản sao lưu" in message
    assert not database_file.exists()
    assert len(list(tmp_path.glob("hoctap.sqlite3.hong-*"))) == 1
    add_settings(url, ["mới"])
    assert setting_keys(database_file) == {"mới"}


def test_overwritten_header_is_detected(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, ["một"])
    prepare_database(url, START)
    with database_file.open("r+b") as handle:
        handle.write(b"\xff" * 100)
    assert prepare_database(url, START + dt.timedelta(minutes=5)) is not None
    assert setting_keys(database_file) == {"một"}


def test_wal_left_by_a_killed_process_is_kept(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    make_database(database_file, ["một"])
    writer = sqlite3.connect(database_file)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("INSERT INTO settings (key, value) VALUES ('trong WAL', '1')")
    writer.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    # Copy the file and its WAL while the writer is still open: what a crash leaves on disk.
    for path in tmp_path.glob("hoctap.sqlite3*"):
        (copy / path.name).write_bytes(path.read_bytes())
    writer.close()
    copied = copy / "hoctap.sqlite3"
    assert (copy / "hoctap.sqlite3-wal").exists()
    assert prepare_database(f"sqlite:///{copied.as_posix()}", START) is None
    assert "trong WAL" in setting_keys(copied)


@pytest.mark.parametrize(
    "url", ["postgresql://user@server/hoctap", "postgres://user@server/hoctap", "sqlite://", "sqlite:///:memory:"]
)
def test_server_and_memory_databases_are_left_alone(url: str) -> None:
    assert prepare_database(url, START) is None


def test_new_database_needs_no_backup(tmp_path: Path) -> None:
    assert prepare_database(f"sqlite:///{(tmp_path / 'new.sqlite3').as_posix()}", START) is None
    assert not (tmp_path / "backups").exists()


def test_stale_wal_of_a_corrupted_file_is_not_kept(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"cũ {index}" for index in range(200)])
    prepare_database(url, START)
    corrupt_middle_page(database_file)
    # A stale WAL beside the damaged file, as a crash leaves it: it must not end up beside the restored copy.
    wal = tmp_path / "hoctap.sqlite3-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(4092))

    assert prepare_database(url, START + dt.timedelta(hours=1)) is not None

    assert not wal.exists()
    assert backup.is_healthy(database_file, thorough=True)


def test_service_open_recovers_and_says_so(tmp_path: Path) -> None:
    """The facade runs the start-up checks itself (quiz/service.py calls prepare_database in Service.open)."""
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"cũ {index}" for index in range(200)])
    prepare_database(url)
    corrupt_middle_page(database_file)

    service = Service.open(url, actor=Actor.admin())
    try:
        message = service.startup_message
    finally:
        service.close()
    keys = setting_keys(database_file)

    assert message is not None and "bị hỏng" in message
    assert "cũ 199" in keys


def test_big_file_gets_the_cheap_check_daily_the_full_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the size limit the full check runs only with the daily backup; a damaged header is caught always."""
    monkeypatch.setattr(startup, "EVERY_START_CHECK_BYTES", 0)
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"cũ {index}" for index in range(200)])
    prepare_database(url, START)
    corrupt_middle_page(database_file)
    # Not due: only the cheap check, which a damaged middle page passes (found at the next daily check).
    assert prepare_database(url, START + dt.timedelta(hours=2)) is None
    message = prepare_database(url, START + dt.timedelta(days=1, hours=1))
    assert message is not None and backup.describe_time(START) in message
    assert backup.is_healthy(database_file, thorough=True)
    with database_file.open("r+b") as handle:
        handle.write(b"\xff" * 100)
    assert prepare_database(url, START + dt.timedelta(days=1, hours=2)) is not None
