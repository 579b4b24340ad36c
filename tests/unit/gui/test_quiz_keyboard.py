"""A quiz run with the keyboard alone: type the name, Enter, keys 1–4/A–D, Page Down, Tab to submit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.unit.gui.study_data import StudyData

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def focused() -> object:
    return QApplication.focusWidget()


def test_keyboard_only_quiz(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    screen = window.start_screen
    window.activateWindow()
    screen.search_edit.setFocus()
    qtbot.keyClicks(focused(), "nhung")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.names.count() == 1)
    qtbot.keyClick(screen.search_edit, Qt.Key.Key_Return)
    assert window.member_id == study_data.member_id

    panel = window.study.quiz
    panel.start_page.practice_button.setFocus()
    qtbot.keyClick(panel.start_page.practice_button, Qt.Key.Key_Space)
    assert panel.attempt is not None and panel.attempt.mode == "practice"

    answered = 0
    for position in range(panel.attempt.question_count):
        assert panel.position == position
        widget = panel.question_widget
        assert widget is not None
        target = focused()
        assert target is not None and widget.isAncestorOf(target)  # type: ignore[arg-type]
        if widget.buttons:
            key = Qt.Key.Key_B if position % 2 else Qt.Key.Key_2
            qtbot.keyClick(target, key)  # type: ignore[arg-type]
            assert widget.buttons[1].isChecked()
        else:
            qtbot.keyClicks(target, "310")  # type: ignore[arg-type]
            qtbot.keyClick(target, Qt.Key.Key_Return)  # type: ignore[arg-type]
        answered += 1
        assert panel.attempt.answered_count == answered
        # Practice shows right or wrong at once.
        assert widget.feedback_label.text()
        qtbot.keyClick(focused(), Qt.Key.Key_PageDown)  # type: ignore[arg-type]

    # Tab to the submit button and press Enter; the confirmation box answers to the keyboard too.
    for _ in range(80):
        if focused() is panel.submit_button:
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # type: ignore[arg-type]
    assert focused() is panel.submit_button
    qtbot.keyClick(panel.submit_button, Qt.Key.Key_Return)
    box = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert "tất cả các câu" in box.text()
    yes = next(button for button in box.buttons() if box.buttonRole(button) == QMessageBox.ButtonRole.YesRole)
    yes.setFocus()
    with qtbot.wait_signal(box.finished):
        qtbot.keyClick(yes, Qt.Key.Key_Space)
    assert panel.pages.currentWidget() is panel.results
    result = panel.results.result
    assert result is not None and result.answered_count == result.question_count
    # Option B/2 is right for exactly the questions whose key is the second displayed option; the cloze is right.
    expected = sum(1 for item in panel.results.items if item.is_correct)
    assert result.correct_count == expected
    assert any(item.type == "cloze" and item.is_correct for item in panel.results.items)
