"""Results page: set the unit key, export a package from one database and merge it into another."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.results_page import ResultsPage
from gui.tasks import TaskRunner
from quiz.service import Service
from quiz.services.context import Actor
from tests.unit.gui.admin.sample_documents import import_sample, make_unit
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.waiting import wait_for_operations

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

PASSPHRASE = "khoa chung cua dang bo xa"


def results_page(desk: AdminDesk) -> ResultsPage:
    page = desk.show_page(ResultsPage)
    assert isinstance(page, ResultsPage)
    return page


def test_export_from_one_pc_and_merge_into_another(
    qtbot: QtBot,
    desk: AdminDesk,
    service: Service,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    task_runner: TaskRunner,
) -> None:
    other_folder = tmp_path / "may-khac"
    other_folder.mkdir()
    other = Service.open(f"sqlite:///{(other_folder / 'db.sqlite3').as_posix()}", actor=Actor.admin())
    try:
        import_sample(other, other_folder)
        make_unit(other, "Đảng bộ Xã Thử", {"Chi bộ Thôn Nam": ["Võ Thị Hạnh", "Đặng Văn Khoa"]})
        other_desk = AdminDesk(other, task_runner)
        qtbot.addWidget(other_desk)
        source_page = results_page(other_desk)
        source_page.key_edit.setText(PASSPHRASE)
        QTest.mouseClick(source_page.key_button, Qt.MouseButton.LeftButton)
        assert not source_page.is_error_shown(), source_page.message.text()
        package = tmp_path / "ket-qua.nqpkg"

        def save_here(on_chosen: Callable[[Path], None]) -> None:
            on_chosen(package)

        monkeypatch.setattr(source_page, "choose_save_path", save_here)
        source_page.include_document.setChecked(True)
        QTest.mouseClick(source_page.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not source_page.is_busy(), timeout=60000)
        assert not source_page.is_error_shown(), source_page.message.text()
        assert package.is_file() and "2 đảng viên" in source_page.message.text()
    finally:
        other.close()

    page = results_page(desk)
    page.key_edit.setText(PASSPHRASE)
    QTest.mouseClick(page.key_button, Qt.MouseButton.LeftButton)

    # Three files (two copies): from three on, the merge reads them in a second process, started here from the
    # window's worker thread while Qt runs.
    copies = [package] + [Path(shutil.copy2(package, tmp_path / f"ket-qua-{number}.nqpkg")) for number in (2, 3)]

    def choose_package(on_chosen: Callable[[list[Path]], None]) -> None:
        on_chosen(copies)

    monkeypatch.setattr(page, "choose_package_files", choose_package)
    QTest.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert "ket-qua.nqpkg" in page.preview_text.toPlainText()
    assert page.merge_button.isEnabled()
    QTest.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)

    assert not page.is_error_shown(), page.message.text()
    assert sorted(member.full_name for member in service.members.list_members()) == ["Võ Thị Hạnh", "Đặng Văn Khoa"]
    assert page.last_report is not None and page.last_report.counts["members"].added == 2
    # Which packages merged is said by name, not only the refused ones.
    assert all(f"✓ {path.name}" in page.preview_text.toPlainText() for path in copies)


def test_a_package_with_a_foreign_key_is_refused_and_nothing_changes(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "gia-mao.nqpkg"
    bogus.write_bytes(b"PK\x03\x04 this is not a real package")
    page = results_page(desk)
    page.key_edit.setText(PASSPHRASE)
    QTest.mouseClick(page.key_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(page, "choose_package_files", lambda on_chosen: on_chosen([bogus]))
    QTest.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert "✗ gia-mao.nqpkg" in page.preview_text.toPlainText()
    QTest.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert page.is_error_shown()
    assert service.members.list_members() == []


def test_export_without_a_unit_key_is_refused_in_vietnamese(
    qtbot: QtBot, desk: AdminDesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = results_page(desk)
    monkeypatch.setattr(page, "choose_save_path", lambda on_chosen: on_chosen(tmp_path / "x.nqpkg"))
    QTest.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert page.is_error_shown() and "khoá" in page.message.text()
    assert not (tmp_path / "x.nqpkg").exists()


def test_a_slow_chi_bo_list_leaves_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_unit(service, "Đảng bộ Xã Thử", {"Chi bộ Thôn Đông": ["Nguyễn Văn An"], "Chi bộ Thôn Tây": ["Phạm Dung"]})
    slow_read = SlowRead(monkeypatch, service.members, "list_units")
    page = desk.show_page(ResultsPage)
    assert isinstance(page, ResultsPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.export_scope.count() == 0
    slow_read.release()
    wait_for_operations()
    assert [page.export_scope.itemText(index) for index in range(1, page.export_scope.count())] == [
        "Chi bộ Thôn Đông",
        "Chi bộ Thôn Tây",
    ]
    assert page.key_label.text() == "Chưa đặt khoá."
