"""Reports page: unit report PDF/XLSX and a chi bộ's forms made on the worker; cancel leaves no file."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.reports_page import ReportsPage
from gui.tasks import TaskRunner
from quiz.service import Service
from tests.unit.gui.admin.sample_documents import import_sample, make_unit, study_everything
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.waiting import wait_for_operations

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def prepared_page(desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ReportsPage:
    document = import_sample(service, tmp_path)
    ids = make_unit(
        service,
        "Đảng bộ Xã Thử",
        {"Chi bộ Thôn Đông": ["Nguyễn Văn An", "Trần Thị Bình"], "Chi bộ Thôn Tây": ["Phạm Dung"]},
    )
    study_everything(service, ids["Nguyễn Văn An"], document.id)
    page = desk.show_page(ReportsPage)
    wait_for_operations()
    assert isinstance(page, ReportsPage)
    targets = iter([tmp_path / "out" / name for name in ("a.pdf", "b.xlsx", "c.pdf", "d.pdf", "e.pdf")])
    (tmp_path / "out").mkdir()

    def choose_save_path(suggested_name: str, on_chosen: Callable[[Path], None]) -> None:
        target = next(targets)
        on_chosen(target.with_suffix(Path(suggested_name).suffix))

    monkeypatch.setattr(page, "choose_save_path", choose_save_path)
    return page


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_unit_report_pdf_and_xlsx_are_written_on_the_worker(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    QTest.mouseClick(page.unit_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert not page.is_error_shown(), page.message.text()
    assert page.last_file == tmp_path / "out" / "a.pdf"
    text = pdf_text(page.last_file)
    assert "Chi bộ Thôn Đông" in text and "Chi bộ Thôn Tây" in text

    QTest.mouseClick(page.unit_xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert page.last_file == tmp_path / "out" / "b.xlsx"
    assert page.last_file.read_bytes()[:2] == b"PK"


def test_chi_bo_forms_in_one_pdf(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    page.forms_chi_bo.setCurrentIndex(page.forms_chi_bo.findData("Chi bộ Thôn Đông"))
    QTest.mouseClick(page.forms_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert not page.is_error_shown(), page.message.text()
    assert page.last_file is not None
    text = pdf_text(page.last_file)
    assert "Nguyễn Văn An" in text and "Trần Thị Bình" in text and "Phạm Dung" not in text


def test_cancelling_the_batch_writes_nothing(
    qtbot: QtBot,
    desk: AdminDesk,
    service: Service,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    task_runner: TaskRunner,
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    release = threading.Event()
    # Keep the single worker busy so the batch waits in the queue until the test has pressed Stop.
    task_runner.run(lambda _control: release.wait(10), lambda _value: None)
    page.forms_chi_bo.setCurrentIndex(page.forms_chi_bo.findData("Chi bộ Thôn Đông"))
    QTest.mouseClick(page.forms_button, Qt.MouseButton.LeftButton)
    assert page.is_busy() and page.progress_row.isVisibleTo(page)
    QTest.mouseClick(page.progress_row.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert not page.is_error_shown()
    assert "dừng" in page.message.text().lower()
    assert list((tmp_path / "out").iterdir()) == []


def test_a_refused_report_shows_the_reason(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    page.save_unit_report(tmp_path / "out" / "bao-cao.docx", None)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert page.is_error_shown()
    assert ".pdf" in page.message.text()
    assert not (tmp_path / "out" / "bao-cao.docx").exists()


def test_a_slow_member_list_leaves_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_sample(service, tmp_path)
    make_unit(service, "Đảng bộ Xã Thử", {"Chi bộ Thôn Đông": ["Nguyễn Văn An", "Trần Thị Bình"]})
    slow_read = SlowRead(monkeypatch, service.members, "list_members")
    page = desk.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.member_choice.count() == 0
    slow_read.release()
    wait_for_operations()
    assert page.member_choice.count() == 2
    assert page.forms_chi_bo.findData("Chi bộ Thôn Đông") >= 0
    assert page.member_button.isEnabled()
