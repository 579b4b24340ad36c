"""Merging several packages: a commit that fails takes back only the packages of its own transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import SessionTransaction

from quiz.service import Service
from tests.unit.quiz.packages.helpers import open_pc, row_counts, setup_unit, take_exam


def test_a_failed_commit_reports_its_packages_and_merging_again_completes(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = setup_unit(service)
    office = open_pc(tmp_path, "chi-bo")
    setup = tmp_path / "setup.nqpkg"
    service.results.export(setup, include_document=True)
    office.results.import_packages([setup])
    for member in unit.member_ids:
        take_exam(office, member, unit.document_id, right=3)
    package = tmp_path / "ket-qua.nqpkg"
    office.results.export(package)
    before = row_counts(service)
    original = SessionTransaction.commit
    commits: list[bool] = []  # nested or not, in order

    def failing_first_commit_after_a_package(transaction: SessionTransaction, *arguments: Any, **keywords: Any) -> Any:
        # The package is merged in a savepoint (a nested commit); the commit of its transaction comes next.
        if not transaction.nested and commits[-1:] == [True]:
            commits.append(False)
            raise OperationalError("COMMIT", {}, Exception("đĩa đầy"))
        commits.append(transaction.nested)
        return original(transaction, *arguments, **keywords)

    monkeypatch.setattr(SessionTransaction, "commit", failing_first_commit_after_a_package)
    report = service.results.import_packages([package])
    monkeypatch.setattr(SessionTransaction, "commit", original)

    assert report.packages[0].refused is not None and "chưa được gộp" in report.packages[0].refused
    assert report.counts["attempts"].added == 0 and report.counts["attempts"].refused == len(unit.member_ids)
    assert row_counts(service) == before
    report = service.results.import_packages([package])
    assert report.packages[0].refused is None and report.counts["attempts"].added == len(unit.member_ids)
    assert row_counts(service)["answers"] - before["answers"] == 6 * len(unit.member_ids)
