"""An unexpected error while reading is reported as damage only when the file really fails its full check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from quiz.api.members import MemberDraft
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup, state
from quiz.storage.models.people import Member
from quiz.storage.sqlite_access import DatabaseDamaged


def _member_with_an_impossible_date(tmp_path: Path) -> tuple[Service, Path]:
    database_file = tmp_path / "hoctap.sqlite3"
    service = Service.open(f"sqlite:///{database_file.as_posix()}", actor=Actor.admin())
    member_id = service.members.add_member(MemberDraft(full_name="Nguyễn Văn An")).id
    with sqlite3.connect(database_file) as connection:
        connection.execute("UPDATE members SET created_at = '2026-12-0\x18 05:42:13' WHERE id = ?", (member_id,))
    return service, database_file


def _read_members(service: Service) -> None:
    with service.context.session() as session:
        session.scalars(select(Member)).all()


def test_a_healthy_file_keeps_the_real_error_and_is_not_marked_damaged(tmp_path: Path) -> None:
    service, database_file = _member_with_an_impossible_date(tmp_path)
    with pytest.raises(ValueError):
        _read_members(service)
    remembered = state.read_state(database_file)
    assert remembered is None or not remembered.damage_seen
    service.close()


def test_a_file_failing_its_full_check_is_reported_as_damaged_and_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service, database_file = _member_with_an_impossible_date(tmp_path)
    checked: list[tuple[Path, bool]] = []

    def failing_check(path: Path, thorough: bool = False) -> bool:
        checked.append((path, thorough))
        return False

    monkeypatch.setattr(backup, "is_healthy", failing_check)
    with pytest.raises(DatabaseDamaged, match="bị hỏng"):
        _read_members(service)
    assert checked == [(database_file, True)]
    remembered = state.read_state(database_file)
    assert remembered is not None and remembered.damage_seen
    service.close()


def test_an_error_no_damaged_value_raises_costs_no_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service, _database_file = _member_with_an_impossible_date(tmp_path)
    checked: list[Path] = []

    def failing_check(path: Path, thorough: bool = False) -> bool:
        checked.append(path)
        return False

    monkeypatch.setattr(backup, "is_healthy", failing_check)

    class Cancelled(Exception):
        """A job stopped by its user (the window's own exception, unknown to the core)."""

    with pytest.raises(Cancelled), service.context.session():
        raise Cancelled()
    assert checked == []
    service.close()
