"""Import page: a document imported through the widgets on the worker; removed lines, sections, rename, refusals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.import_page import ImportPage, import_progress
from gui.admin.work import CancelGate
from gui.tasks import TaskCancelled, TaskControl
from quiz.api.documents import DocumentInfo
from quiz.service import Service
from tests.unit.gui.admin.sample_documents import write_sample
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.waiting import wait_for_operations

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_import_page(desk: AdminDesk, monkeypatch: pytest.MonkeyPatch, path: Path) -> ImportPage:
    page = desk.show_page(ImportPage)
    assert isinstance(page, ImportPage)
    wait_for_operations()

    def choose_file(on_chosen: Callable[[Path], None]) -> None:
        on_chosen(path)

    monkeypatch.setattr(page, "choose_file", choose_file)
    return page


def import_through_page(qtbot: QtBot, page: ImportPage) -> None:
    QTest.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30000)
    wait_for_operations()  # the document list reloads after the import


def test_admin_imports_a_document_and_sees_removed_lines_and_sections(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_import_page(desk, monkeypatch, write_sample(tmp_path))
    import_through_page(qtbot, page)

    assert not page.is_error_shown(), page.message.text()
    documents = service.documents.list_documents()
    assert len(documents) == 1
    assert page.document_picker.document_id() == documents[0].id
    stored_titles = [section.title for section in service.documents.sections(documents[0].id)]
    assert len(stored_titles) >= 2
    assert page.section_editor.titles() == stored_titles
    assert page.section_editor.tree.topLevelItemCount() >= 1
    assert "Trang 1" in page.removed_lines_shown()
    assert "Trang 2" in page.removed_lines_shown()
    assert documents[0].title in page.message.text()


def test_admin_renames_and_merges_sections(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_import_page(desk, monkeypatch, write_sample(tmp_path))
    import_through_page(qtbot, page)
    document_id = service.documents.list_documents()[0].id
    first = service.documents.sections(document_id)[0]

    page.section_editor.select_section(first.id)
    # QTest types ASCII only; the Vietnamese title is set directly, then Enter renames.
    page.section_editor.title_edit.setText("Kết quả nhiệm kỳ qua")
    QTest.keyClick(page.section_editor.title_edit, Qt.Key.Key_Return)
    wait_for_operations()

    assert service.documents.sections(document_id)[0].title == "Kết quả nhiệm kỳ qua"
    assert page.section_editor.titles()[0] == "Kết quả nhiệm kỳ qua"
    assert page.section_editor.selected_section_id() == first.id

    count_before = len(service.documents.sections(document_id))
    QTest.mouseClick(page.section_editor.merge_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert not page.is_error_shown(), page.message.text()
    assert len(service.documents.sections(document_id)) == count_before - 1
    assert len(page.section_editor.titles()) == count_before - 1


def test_an_empty_title_is_refused_in_vietnamese(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_import_page(desk, monkeypatch, write_sample(tmp_path))
    import_through_page(qtbot, page)
    document_id = service.documents.list_documents()[0].id
    before = [section.title for section in service.documents.sections(document_id)]
    page.section_editor.select_section(service.documents.sections(document_id)[0].id)
    page.section_editor.title_edit.setText("   ")
    QTest.mouseClick(page.section_editor.rename_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert page.is_error_shown()
    assert "không được để trống" in page.message.text()
    assert [section.title for section in service.documents.sections(document_id)] == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("anh-chup.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 40),
        ("bang-tinh.xlsx", b"PK\x03\x04 not a resolution"),
        ("rong.txt", b""),
    ],
)
def test_a_bad_file_shows_a_vietnamese_error_and_leaves_the_database_unchanged(
    qtbot: QtBot,
    desk: AdminDesk,
    service: Service,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
) -> None:
    good = open_import_page(desk, monkeypatch, write_sample(tmp_path))
    import_through_page(qtbot, good)
    before = [(document.id, document.section_count) for document in service.documents.list_documents()]

    bad = tmp_path / name
    bad.write_bytes(content)
    page = open_import_page(desk, monkeypatch, bad)
    import_through_page(qtbot, page)

    assert page.is_error_shown()
    message = page.message.text()
    assert message and "Traceback" not in message
    # A Vietnamese sentence: it carries Vietnamese letters, not an English exception text.
    assert any(letter in message for letter in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹý"), message
    assert [(document.id, document.section_count) for document in service.documents.list_documents()] == before
    assert page.import_button.isEnabled()


def test_importing_the_same_text_twice_is_refused(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_sample(tmp_path)
    page = open_import_page(desk, monkeypatch, path)
    import_through_page(qtbot, page)
    import_through_page(qtbot, page)
    assert page.is_error_shown()
    assert "đã có" in page.message.text()
    assert len(service.documents.list_documents()) == 1


def test_cancel_before_writing_stops_the_import_and_stores_nothing(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_import_page(desk, monkeypatch, write_sample(tmp_path))
    release = threading.Event()
    real_import = service.documents.import_file

    def held_import(path: Path, progress: Callable[[float], None] | None = None) -> DocumentInfo:
        # Holds the worker until the test has pressed cancel, then runs the real import.
        release.wait(10)
        return real_import(path, progress)

    monkeypatch.setattr(service.documents, "import_file", held_import)
    QTest.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.is_busy() and page.cancel_button.isVisibleTo(page)
    QTest.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30000)

    assert service.documents.list_documents() == []
    assert "dừng" in page.message.text()
    assert not page.is_error_shown()


def test_cancel_gate_refuses_once_the_import_is_writing() -> None:
    reports: list[tuple[int, int, str]] = []
    control = TaskControl(lambda done, total, text: reports.append((done, total, text)))
    gate = CancelGate()
    import_progress(gate, control, 0.0)
    import_progress(gate, control, 0.5)
    assert not gate.try_cancel()
    import_progress(gate, control, 1.0)
    assert reports == [(0, 100, ""), (50, 100, ""), (100, 100, "")]

    early = CancelGate()
    assert early.try_cancel()
    with pytest.raises(TaskCancelled):
        import_progress(early, control, 0.0)
    with pytest.raises(TaskCancelled):
        early.commit()


def test_slow_sections_leave_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = service.documents.import_text(
        "Nghị quyết thử nghiệm\n\nI. Phần một\n\nChi bộ phấn đấu hoàn thành 5 nhiệm vụ.\n\n"
        "II. Phần hai\n\nMỗi năm kết nạp 2 đảng viên.",
        "thu.txt",
    )
    slow_read = SlowRead(monkeypatch, service.documents, "sections")
    page = desk.show_page(ImportPage)
    assert isinstance(page, ImportPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.section_editor.titles() == []
    slow_read.release()
    wait_for_operations()
    assert page.section_editor.titles() == [section.title for section in service.documents.sections(document.id)]
    assert page.section_editor.titles()
