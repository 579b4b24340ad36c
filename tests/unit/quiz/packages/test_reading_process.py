"""Large merges read and prepare packages in a second process; what lands in the database is the same."""

from __future__ import annotations

import zipfile
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from quiz.api.changes import Area, Changes
from quiz.packages import reading
from quiz.service import Service
from tests.unit.quiz.packages.helpers import open_pc, row_counts, setup_unit, take_exam


def _three_packages(service: Service, tmp_path: Path) -> tuple[list[Path], Service]:
    """Packages of one office PC after one, two and three rounds of exams (each later one holds the earlier)."""
    unit = setup_unit(service)
    office = open_pc(tmp_path, "chi-bo")
    setup = tmp_path / "setup.nqpkg"
    service.results.export(setup, include_document=True)
    office.results.import_packages([setup])
    paths = []
    for round_number in range(3):
        for member in unit.member_ids:
            take_exam(office, member, unit.document_id, right=round_number + 2)
        paths.append(tmp_path / f"ket-qua-{round_number}.nqpkg")
        office.results.export(paths[-1])
    return paths, office


def _spy_on_the_process(monkeypatch: pytest.MonkeyPatch) -> list[Executor | None]:
    made: list[Executor | None] = []
    original = reading._reading_process

    def spying() -> Executor | None:
        made.append(original())
        return made[-1]

    monkeypatch.setattr(reading, "_reading_process", spying)
    return made


def test_a_merge_of_three_packages_reads_them_in_a_second_process(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, office = _three_packages(service, tmp_path)
    made = _spy_on_the_process(monkeypatch)
    report = service.results.import_packages(paths)
    assert len(made) == 1 and made[0] is not None
    assert not report.has_refusals
    assert report.counts["attempts"].added == 12 and report.counts["attempts"].skipped == 12
    office_rows, merged_rows = row_counts(office), row_counts(service)
    assert merged_rows["attempts"] == office_rows["attempts"] == 12
    assert merged_rows["answers"] == office_rows["answers"] == 72
    assert merged_rows["attempt_items"] == office_rows["attempt_items"]
    if service.database.is_sqlite:
        with service.database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
            assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_answers_merged_through_the_process_read_back_as_given(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, office = _three_packages(service, tmp_path)
    service.results.import_packages(paths)
    with office.database.engine.connect() as connection:
        attempt_ids = [row[0] for row in connection.execute(text("SELECT id FROM attempts ORDER BY id"))]
    for attempt_id in attempt_ids:
        given, merged = office.quizzes.get_attempt(attempt_id), service.quizzes.get_attempt(attempt_id)
        assert merged == given


class _BrokenProcess(Executor):
    """A reading process that died: every package handed to it fails."""

    def submit(self, *_arguments: Any, **_keywords: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(BrokenProcessPool("the reading process was killed"))
        return future


def test_a_reading_process_that_dies_leaves_the_reading_to_the_merge(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, _office = _three_packages(service, tmp_path)
    monkeypatch.setattr(reading, "_reading_process", _BrokenProcess)
    report = service.results.import_packages(paths)
    assert not report.has_refusals
    assert report.counts["attempts"].added == 12 and row_counts(service)["answers"] == 72


def test_a_damaged_package_read_in_the_process_is_refused_and_the_others_merge(
    service: Service, tmp_path: Path
) -> None:
    paths, _office = _three_packages(service, tmp_path)
    data = bytearray(paths[2].read_bytes())
    with zipfile.ZipFile(paths[2]) as archive:
        info = archive.getinfo("attempts.json")
    data[info.header_offset + 30 + len("attempts.json") + info.compress_size // 2] ^= 0x01
    paths[2].write_bytes(bytes(data))
    report = service.results.import_packages(paths)
    outcomes = [package.refused for package in report.packages]
    assert outcomes[0] is None and outcomes[1] is None and outcomes[2] is not None and "hỏng" in outcomes[2]
    assert row_counts(service)["attempts"] == 8


def test_a_merge_tells_the_change_feed_what_it_wrote(service: Service, tmp_path: Path) -> None:
    paths, _office = _three_packages(service, tmp_path)
    seen: list[Changes] = []
    service.changes.subscribe(seen.append)
    service.results.import_packages(paths)
    assert any(change.touches(Area.ATTEMPTS) for change in seen)
    assert any(change.touches(Area.PACKAGES) for change in seen)
    seen.clear()
    service.results.import_packages(paths[:1])  # merged already: nothing is written, nothing is said
    assert not any(change.touches(Area.ATTEMPTS, Area.MEMBERS) for change in seen)
