"""Unit progress page: the per chi bộ table and the chart show the counts of data made through the facade."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.unit_progress_page import UnitProgressPage
from quiz.service import Service
from tests.unit.gui.admin.sample_documents import import_sample, make_unit, study_everything
from tests.unit.gui.waiting import wait_for_operations

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def cell(page: UnitProgressPage, row: int, column: int) -> str:
    return str(page.chi_bo_model.data(page.chi_bo_model.index(row, column)))


def test_progress_table_shows_the_counts_per_chi_bo(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path
) -> None:
    document = import_sample(service, tmp_path)
    ids = make_unit(
        service,
        "Đảng bộ Xã Thử",
        {"Chi bộ Thôn Đông": ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"], "Chi bộ Thôn Tây": ["Phạm Thị Dung"]},
    )
    study_everything(service, ids["Nguyễn Văn An"], document.id)
    study_everything(service, ids["Trần Thị Bình"], document.id)
    study_everything(service, ids["Phạm Thị Dung"], document.id)

    page = desk.show_page(UnitProgressPage)
    wait_for_operations()
    assert isinstance(page, UnitProgressPage)
    wait_for_operations()
    names = [cell(page, row, 0) for row in range(page.chi_bo_model.rowCount())]
    assert names == ["Chi bộ Thôn Đông", "Chi bộ Thôn Tây", "Đảng bộ Xã Thử"]
    assert [cell(page, row, 1) for row in range(3)] == ["3", "1", "4"]
    assert [cell(page, row, 2) for row in range(3)] == ["2/3 (66,67 %)", "1/1 (100,00 %)", "3/4 (75,00 %)"]
    assert [cell(page, row, 3) for row in range(3)] == ["0/3 (0,00 %)", "0/1 (0,00 %)", "0/4 (0,00 %)"]
    # The chart draws one group per chi bộ with the same shares.
    assert [(group.label, group.percents[0]) for group in page.chart.groups] == [
        ("Chi bộ Thôn Đông", 66.67),
        ("Chi bộ Thôn Tây", 100.0),
    ]
    # Nobody took the exam, so all four are listed as not done.
    assert sorted(row.full_name for row in page.late_model.rows()) == sorted(ids)
    assert "4 đảng viên" in page.summary.text()


def test_without_documents_the_page_says_what_to_do(desk: AdminDesk) -> None:
    page = desk.show_page(UnitProgressPage)
    wait_for_operations()
    assert isinstance(page, UnitProgressPage)
    assert page.chi_bo_model.rowCount() == 0
    assert "nhập văn bản" in page.summary.text()
