"""The background look: a full check once a week, a backup once a day, and never a backup of a damaged file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup, maintenance, state
from quiz.storage.backup import Health
from quiz.storage.database import open_database
from tests.integration.faults import corrupt_middle_page, store_rows

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def make_file(tmp_path: Path) -> Path:
    database_file = tmp_path / "hoctap.sqlite3"
    service = Service.open(f"sqlite:///{database_file.as_posix()}", actor=Actor.admin())
    store_rows(service, {f"khoá {number}": "giá trị " * 20 for number in range(100)})
    service.close()
    return database_file


def test_a_day_without_a_backup_gets_one_after_a_full_check(tmp_path: Path) -> None:
    database_file = make_file(tmp_path)
    backup.make_backup(database_file, NOW)
    state.record_full_check(database_file, True, NOW)
    assert maintenance.run_once(database_file, NOW + dt.timedelta(hours=5)) is None  # nothing due yet

    assert maintenance.run_once(database_file, NOW + dt.timedelta(days=1, hours=1)) is Health.OK

    assert backup.list_backups(database_file)[0].made_at == NOW + dt.timedelta(days=1, hours=1)
    remembered = state.read_state(database_file)
    assert remembered is not None and remembered.full_check_at == NOW + dt.timedelta(days=1, hours=1)


def test_a_damaged_file_is_never_backed_up_and_the_next_start_is_told(tmp_path: Path) -> None:
    database_file = make_file(tmp_path)
    backup.make_backup(database_file, NOW)
    corrupt_middle_page(database_file)

    assert maintenance.run_once(database_file, NOW + dt.timedelta(days=2)) is Health.DAMAGED

    assert [item.made_at for item in backup.list_backups(database_file)] == [NOW]
    remembered = state.read_state(database_file)
    assert remembered is not None and remembered.damage_seen and not remembered.full_check_ok


def test_the_weekly_check_runs_without_a_backup_due(tmp_path: Path) -> None:
    database_file = make_file(tmp_path)
    state.record_full_check(database_file, True, NOW - dt.timedelta(days=8))
    backup.make_backup(database_file, NOW)
    assert maintenance.run_once(database_file, NOW + dt.timedelta(hours=1)) is Health.OK
    assert len(backup.list_backups(database_file)) == 1


def test_an_open_sqlite_database_runs_the_thread_and_stops_it(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{(tmp_path / 'hoctap.sqlite3').as_posix()}")
    assert database.maintenance is not None
    database.dispose()
    database.maintenance._thread.join(timeout=5)
    assert not database.maintenance._thread.is_alive()
