"""Issue 15 item 4: damage inside records and indexes is found, never backed up, and said in one sentence."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import shutil
import sqlite3
from pathlib import Path

from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage import backup, state
from quiz.storage.database import Database
from quiz.storage.startup import prepare_database
from tests.integration.faults import run_main, setting_keys
from tests.integration.scenario import add_member, any_response, write_resolution
from tests.integration.test_backup import START as OPENED
from tests.integration.test_backup import make_database

START = OPENED + dt.timedelta(days=2)


def flip_inside_index(database_file: Path, key: str) -> None:
    """Change one letter of a stored key where it sits twice (table row and primary-key index): they disagree."""
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(database_file.read_bytes())
    encoded = key.encode()
    where = data.rfind(encoded)
    assert where > 0
    data[where + len(encoded) - 1] ^= 0x01
    database_file.write_bytes(bytes(data))


def test_index_damage_is_found_before_the_daily_backup_and_never_backed_up(tmp_path: Path) -> None:
    database_file = tmp_path / "hoctap.sqlite3"
    keys = [f"khoá số {number:04d}" for number in range(300)]
    url = make_database(database_file, keys)
    prepare_database(url, START)
    flip_inside_index(database_file, "khoá số 0150")
    assert backup.is_healthy(database_file)  # the quick check cannot see it ...
    assert not backup.is_healthy(database_file, thorough=True)  # ... the full one can

    message = prepare_database(url, START + dt.timedelta(days=1, minutes=1))

    assert message is not None and "bị hỏng" in message and backup.describe_time(START) in message
    assert all(backup.is_healthy(item.path, thorough=True) for item in backup.list_backups(database_file))
    assert backup.is_healthy(database_file, thorough=True) and setting_keys(database_file) >= set(keys)


def answered_database(tmp_path: Path) -> tuple[Path, str]:
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    document_id = service.documents.import_file(write_resolution(tmp_path)).id
    member_ids = [add_member(service, f"Đảng viên {number}") for number in range(4)]
    for number in range(12):
        attempt = service.quizzes.start_attempt(member_ids[number % 4], document_id, "practice")
        for question in attempt.questions:
            response = any_response(question.type, len(question.options), len(question.left_items))
            service.quizzes.answer(attempt.id, question.position, response)
        service.quizzes.submit(attempt.id)
    service.results.set_unit_key("khoá chung của đơn vị thử")
    service.close()
    return database_file, url


def damage_that_breaks_the_export(database_file: Path, output: Path) -> None:
    """Flip one bit at a time (seeded) until the quick check passes, the full one fails and the export fails."""
    trial = database_file.with_name("thu.sqlite3")
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    original = database_file.read_bytes()
    randomness = random.Random(15)
    for _ in range(3000):
        data = bytearray(original)
        data[randomness.randrange(4096, len(data))] ^= 1 << randomness.randrange(8)
        trial.write_bytes(bytes(data))
        if backup.is_healthy(trial) and not backup.is_healthy(trial, thorough=True) and not _exports(trial, output):
            shutil.copyfile(trial, database_file)
            return
    raise AssertionError("no such damage found")


def _exports(database_file: Path, output: Path) -> bool:
    # The facade without the start-up checks, which would repair the file first.
    service = Service(Database(f"sqlite:///{database_file.as_posix()}"), Actor.admin())
    try:
        service.results.export(output)
    except Exception:  # any failure will do: the test is about what the user is then told
        return False
    finally:
        service.close()
    return True


def test_results_export_on_a_damaged_database_says_so_and_the_next_start_repairs(tmp_path: Path) -> None:
    database_file, url = answered_database(tmp_path)
    prepare_database(url)  # today's backup exists: the next start runs only the quick check
    damage_that_breaks_the_export(database_file, tmp_path / "thu.nqpkg")

    completed = run_main(["--db", url, "results", "export", "-o", str(tmp_path / "ket-qua.nqpkg")], tmp_path)

    assert completed.returncode == 2, completed.stderr
    assert "Cơ sở dữ liệu bị hỏng" in completed.stderr and "không mong đợi" not in completed.stderr
    remembered = state.read_state(database_file)
    assert remembered is not None and remembered.damage_seen
    message = prepare_database(url)
    assert message is not None and "khôi phục từ bản sao lưu" in message
    assert backup.is_healthy(database_file, thorough=True)
