"""Issue 15 item 1: a database another process holds at start is waited for, never taken for a corrupted one."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from quiz.storage import backup
from quiz.storage.sqlite_access import DatabaseInUse
from quiz.storage.startup import prepare_database
from tests.integration.faults import corrupt_middle_page, setting_keys, start_module
from tests.integration.test_backup import START, make_database

# Longer than the 5 s SQLite's Python driver waits by default, shorter than the start-up's wait.
HELD_SECONDS = 7
ROWS = 60


def start_worker(home: Path, *arguments: str) -> subprocess.Popen[str]:
    return start_module("tests.integration.storage_workers", arguments, home)


def read_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line, process.stderr.read() if process.stderr else ""
    return line


@pytest.mark.slow
def test_a_database_locked_at_start_is_waited_for_and_keeps_every_write(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, ["trước"])
    prepare_database(url, START)
    writer = start_worker(tmp_path, "hold-exclusive-lock", str(database_file), str(HELD_SECONDS), str(ROWS))
    assert read_line(writer) == "locked"

    message = prepare_database(url, START + dt.timedelta(hours=1))

    stdout, stderr = writer.communicate(timeout=120)
    saved = {line.removeprefix("saved ") for line in stdout.splitlines() if line.startswith("saved ")}
    assert writer.returncode == 0, stderr
    assert len(saved) == ROWS
    assert message is None
    assert list(tmp_path.glob("hoctap.sqlite3.hong-*")) == []
    # Every row the other process reported as saved is in the live database, none in a moved-aside copy.
    assert saved <= setting_keys(database_file)


@pytest.mark.slow
def test_a_lock_held_past_the_wait_gives_the_sentence_and_moves_nothing(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, ["trước"])
    prepare_database(url, START)
    writer = start_worker(tmp_path, "hold-exclusive-lock", str(database_file), str(HELD_SECONDS), "2")
    assert read_line(writer) == "locked"

    with pytest.raises(DatabaseInUse, match="đang được máy/chương trình khác dùng"):
        prepare_database(url, START + dt.timedelta(days=2), lock_wait=1)

    writer.communicate(timeout=120)
    assert list(tmp_path.glob("*.hong-*")) == []
    assert {"trước", "khoá 0", "khoá 1"} <= setting_keys(database_file)


@pytest.mark.slow
def test_a_corrupted_file_another_process_has_open_is_not_moved(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    url = make_database(database_file, [f"cũ {index}" for index in range(200)])
    prepare_database(url, START)
    corrupt_middle_page(database_file)
    other = start_worker(tmp_path, "keep-open", str(database_file))
    assert read_line(other) == "ready"

    with pytest.raises(DatabaseInUse):
        prepare_database(url, START + dt.timedelta(hours=1), lock_wait=1)
    assert database_file.exists() and list(tmp_path.glob("hoctap.sqlite3.hong-*")) == []

    assert other.stdin is not None
    other.stdin.write("go\n")
    other.stdin.flush()
    other.wait(timeout=30)
    # Once the other process is gone, the same start repairs it.
    message = prepare_database(url, START + dt.timedelta(hours=2))
    assert message is not None and "bị hỏng" in message
    assert backup.is_healthy(database_file, thorough=True)
