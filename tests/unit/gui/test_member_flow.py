"""The whole member flow through the widgets: name → section → search → exam → review → source sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.pledge_editor import PledgeEditor
from gui.quiz_panel import QuizPanel
from quiz.text import fold
from tests.unit.gui.study_data import MEMBER_NAME, StudyData
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def sign_in(qtbot: QtBot, window: MainWindow, typed: str = "nhung tran") -> None:
    screen = window.start_screen
    QTest.keyClicks(screen.search_edit, typed)
    qtbot.waitUntil(lambda: screen.names.count() == 1)
    assert screen.names.item(0).text().startswith(MEMBER_NAME)
    QTest.mouseClick(screen.enter_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.tabs


def answer_box(qtbot: QtBot, window: MainWindow, yes: bool) -> None:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    wanted = QMessageBox.ButtonRole.YesRole if yes else QMessageBox.ButtonRole.NoRole
    button = next(button for button in box.buttons() if box.buttonRole(button) == wanted)
    with qtbot.wait_signal(box.finished):
        button.click()


def answer_shown_question(panel: QuizPanel) -> None:
    """Click the first option of the question on screen, or type an answer when it asks for one."""
    widget = panel.question_widget
    assert widget is not None
    if widget.buttons:
        QTest.mouseClick(widget.buttons[0], Qt.MouseButton.LeftButton)
    else:
        assert widget.text_edit is not None
        QTest.keyClicks(widget.text_edit, "310")
        widget.flush()


def set_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    item = table.item(row, column)
    assert item is not None
    item.setText(text)


def type_file_name(parent: QWidget, path: Path) -> None:
    """Type the path into the open file dialog's name box and accept, as a user does."""
    chooser = next(dialog for dialog in parent.findChildren(QFileDialog) if dialog.isVisible())
    name_box = chooser.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name_box, QLineEdit)
    name_box.setText(str(path))
    chooser.accept()


def test_member_reads_searches_takes_exam_and_jumps_to_the_source(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    sign_in(qtbot, window)
    reader = window.study.reader
    assert window.member_id == study_data.member_id
    assert reader.document_id == study_data.document_id
    assert MEMBER_NAME in window.user_label.text()

    # Open the second section from the tree: the text scrolls to it and the quiz knows the section.
    target = reader._items[study_data.section_ids[1]]
    reader.tree.setCurrentItem(target)
    reader._tree_activated(target)
    assert reader.current_section is not None
    assert reader.current_section.id == target.data(0, Qt.ItemDataRole.UserRole)
    reader.toggle_studied()
    wait_for_operations()
    assert reader.studied_box.isChecked()
    assert target.text(0).startswith("✔")

    # Folded search: no diacritics typed, every hit is highlighted and really matches.
    QTest.keyClicks(reader.search_edit, "dang vien")
    reader.run_search()
    hits = reader.text.hits
    assert len(hits) >= 2
    text = reader.text.document_text
    assert all(fold(text[start:end]) == "dang vien" for start, end in hits)
    assert {text[start:end].lower() for start, end in hits} == {"đảng viên"}
    assert len(reader.text.extraSelections()) == len(hits)

    # The exam takes the full width; answer the first question right, leave one unanswered.
    panel = window.study.quiz
    QTest.mouseClick(panel.start_page.exam_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert panel.attempt is not None
    assert not reader.isVisible()
    count = panel.attempt.question_count
    assert count == len(study_data.question_ids)
    for position in range(count - 1):
        answer_shown_question(panel)
        if position < count - 2:
            QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.attempt.answered_count == count - 1

    # "Nộp bài…" first shows the summary (Moodle's): the unanswered question is named there.
    QTest.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentWidget() is panel.summary
    assert panel.summary.unanswered.isVisible()
    assert f"câu {count}." in panel.summary.unanswered.text()
    QTest.mouseClick(panel.summary.submit_button, Qt.MouseButton.LeftButton)
    box = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert "1 câu chưa trả lời" in box.text()
    answer_box(qtbot, window, yes=True)
    wait_for_operations()
    results = panel.results
    assert panel.pages.currentWidget() is results
    assert results.result is not None and results.result.question_count == count
    assert results.verdict.text() in ("ĐẠT", "CHƯA ĐẠT")
    assert reader.isVisible()

    # "Xem trong văn bản" selects the question's source sentence in the reader.
    item = results.items[2]
    button = next(
        button
        for button in results.findChildren(QPushButton)
        if button.objectName() == f"source_button_{item.position}"
    )
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    cursor = reader.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (item.sentence_start, item.sentence_end)
    assert cursor.selectedText() == item.sentence
    assert reader.current_section is not None and reader.current_section.id == item.section_id


def test_member_writes_the_pledge_and_saves_the_pdf(
    qtbot: QtBot, window: MainWindow, study_data: StudyData, tmp_path: Path
) -> None:
    sign_in(qtbot, window)
    editor = window.pledge_page
    assert isinstance(editor, PledgeEditor)
    window.tabs.setCurrentWidget(editor)
    wait_for_operations()
    assert len(editor.answer_edits) >= 1
    for number, (_question, edit) in enumerate(editor.answer_edits, 1):
        edit.setFocus()
        # QTest can only type ASCII keys; Vietnamese arrives through the input method as inserted text.
        edit.insertPlainText(f"Trả lời số {number}: vận dụng vào công việc <b>& chi bộ</b>.")
    table = editor.table
    QTest.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    set_cell(table.table, 0, 0, "Hướng dẫn bà con bán chè trên mạng")
    set_cell(table.table, 0, 1, "Mở lớp tập huấn mỗi quý")
    set_cell(table.table, 0, 2, "Quý IV/2026")
    QTest.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    set_cell(table.table, 1, 0, "Gương mẫu trong sinh hoạt chi bộ")
    QTest.mouseClick(table.up_button, Qt.MouseButton.LeftButton)
    assert [row.content for row in table.commitments()] == [
        "Gương mẫu trong sinh hoạt chi bộ",
        "Hướng dẫn bà con bán chè trên mạng",
    ]

    # Autosave after a short pause: the facade has the draft without any save button.
    qtbot.waitUntil(lambda: editor.pledge is not None and len(editor.pledge.commitments) == 2, timeout=5000)
    stored = window.service.pledges.get(study_data.member_id, study_data.document_id)
    assert stored.commitments[0].content == "Gương mẫu trong sinh hoạt chi bộ"
    assert stored.reflections[0].answer.startswith("Trả lời số 1")

    target = tmp_path / "cam-ket.pdf"
    QTest.mouseClick(editor.save_pdf_button, Qt.MouseButton.LeftButton)
    wait_for_operations()  # the draft is saved first, then the form is rendered
    assert window.task_runner.wait_idle()
    type_file_name(editor, target)
    assert target.is_file()
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert MEMBER_NAME.upper() in text.upper()
    assert "Gương mẫu trong sinh hoạt chi bộ" in text
    assert "Hướng dẫn bà con bán chè trên mạng" in text
    assert "<b>& chi bộ</b>" in text
