"""A quiz run with the keyboard alone: type the name, Enter, keys 1–4/A–D, Page Down, Tab to submit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_keyboard_only_quiz(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    screen = window.start_screen
    window.activateWindow()
    screen.search_edit.setFocus()
    QTest.keyClicks(focused(), "nhung")
    qtbot.waitUntil(lambda: screen.names.count() == 1)
    QTest.keyClick(screen.search_edit, Qt.Key.Key_Return)
    assert window.member_id == study_data.member_id

    panel = window.study.quiz
    panel.start_page.practice_button.setFocus()
    QTest.keyClick(panel.start_page.practice_button, Qt.Key.Key_Space)
    wait_for_operations()
    assert panel.attempt is not None and panel.attempt.mode == "practice"

    for position in range(panel.attempt.question_count):
        assert panel.position == position
        widget = panel.question_widget
        assert widget is not None
        target = focused()
        assert widget.isAncestorOf(target)
        if widget.buttons:
            key = Qt.Key.Key_B if position % 2 else Qt.Key.Key_2
            QTest.keyClick(target, key)
            assert widget.buttons[1].isChecked()
        else:
            QTest.keyClicks(target, "310")
            QTest.keyClick(target, Qt.Key.Key_Return)
        assert panel.attempt.answered_count == position + 1
        wait_for_operations()
        # Practice shows right or wrong at once.
        assert widget.feedback_label.text()
        QTest.keyClick(focused(), Qt.Key.Key_PageDown)

    # Past the last question: the summary before submitting, its "Nộp bài" focused; Enter presses it and
    # the confirmation box answers to the keyboard too.
    assert panel.pages.currentWidget() is panel.summary
    assert focused() is panel.summary.submit_button
    QTest.keyClick(panel.summary.submit_button, Qt.Key.Key_Return)
    box = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert "tất cả các câu" in box.text()
    yes = next(button for button in box.buttons() if box.buttonRole(button) == QMessageBox.ButtonRole.YesRole)
    yes.setFocus()
    with qtbot.wait_signal(box.finished):
        QTest.keyClick(yes, Qt.Key.Key_Space)
    wait_for_operations()
    assert panel.pages.currentWidget() is panel.results
    result = panel.results.result
    assert result is not None and result.answered_count == result.question_count
    # Option B/2 is right for exactly the questions whose key is the second displayed option; the cloze is right.
    expected = sum(1 for item in panel.results.items if item.is_correct)
    assert result.correct_count == expected
    assert any(item.type == "cloze" and item.is_correct for item in panel.results.items)
