"""On SQLite a merge checks each package's foreign keys itself: a row without its parent takes its package back."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from quiz.packages import merge_results, reading
from quiz.packages.merge_keys import MISSING_PARENT_MESSAGE
from quiz.packages.merge_study import merge_progress
from quiz.packages.prepared import PreparedAttempts, PreparedTable, prepare_attempts
from quiz.service import Service
from quiz.services.context import Actor
from tests.unit.quiz.packages.helpers import open_pc, row_counts, setup_unit, take_exam


@pytest.fixture
def sqlite_service(database_url: str) -> Iterator[Service]:
    opened = Service.open(database_url, actor=Actor.admin())
    yield opened
    opened.close()


def _package(service: Service, tmp_path: Path) -> Path:
    unit = setup_unit(service)
    office = open_pc(tmp_path, "chi-bo")
    setup = tmp_path / "setup.nqpkg"
    service.results.export(setup, include_document=True)
    office.results.import_packages([setup])
    take_exam(office, unit.member_ids[0], unit.document_id, right=4)
    package = tmp_path / "ket-qua.nqpkg"
    office.results.export(package)
    return package


def _foreign_keys_on(service: Service) -> int:
    with service.database.engine.connect() as connection:
        return int(connection.execute(text("PRAGMA foreign_keys")).scalar_one())


def test_a_row_whose_parent_is_missing_takes_its_package_back(
    sqlite_service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = sqlite_service
    package = _package(service, tmp_path)
    before = row_counts(service)
    original = merge_progress

    def with_an_orphan(session: Session, *arguments: Any) -> None:
        original(session, *arguments)
        session.execute(
            text(
                "INSERT INTO section_progress (id, member_id, section_id, document_id, opened_at, reading_seconds, "
                "studied, updated_at) VALUES ('mo-coi', 'khong-co-ai', 's', 'd', '2026-01-01 00:00:00.000000', 0, "
                "0, '2026-01-01 00:00:00.000000')"
            )
        )

    monkeypatch.setattr("quiz.packages.merge.merge_progress", with_an_orphan)
    report = service.results.import_packages([package])
    assert report.packages[0].refused == MISSING_PARENT_MESSAGE
    assert row_counts(service) == before
    assert _foreign_keys_on(service) == 1


def test_an_answer_of_an_item_not_merged_takes_its_package_back(
    sqlite_service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = sqlite_service
    package = _package(service, tmp_path)
    before = row_counts(service)

    def answers_pointing_elsewhere(attempts: list[dict[str, Any]], flavour: Any) -> PreparedAttempts:
        prepared = prepare_attempts(attempts, flavour)
        rows = [(row[0], f"khong-co-cau-{index}", *row[2:]) for index, row in enumerate(prepared.answers.rows)]
        answers = PreparedTable(prepared.answers.columns, prepared.answers.attempt_ids, rows)
        return dataclasses.replace(prepared, answers=answers)

    # Prepared where the package is read (here: one package, no reading process), or else where it merges.
    monkeypatch.setattr(reading, "prepare_attempts", answers_pointing_elsewhere)
    monkeypatch.setattr(merge_results, "prepare_attempts", answers_pointing_elsewhere)
    report = service.results.import_packages([package])
    assert report.packages[0].refused == MISSING_PARENT_MESSAGE
    assert row_counts(service) == before


def test_the_merge_connection_checks_keys_again_afterwards(sqlite_service: Service, tmp_path: Path) -> None:
    service = sqlite_service
    package = _package(service, tmp_path)
    report = service.results.import_packages([package, package, package])
    assert not report.has_refusals
    assert _foreign_keys_on(service) == 1
    with service.database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        with pytest.raises(Exception, match="FOREIGN KEY"):
            connection.execute(text("INSERT INTO attempt_items (id, attempt_id, position, question_id, question_type,"
                                    " fact_key, fact_kind, option_order, flagged, is_correct) VALUES ('x', 'khong-co',"
                                    " 0, 'q', 'single', 'f', 'number', '[]', 0, 0)"))  # fmt: skip
