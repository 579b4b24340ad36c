"""What survives a restart: an unfinished attempt (resume offer), the font size, the language, the geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quiz.api.answers import ChoiceAnswer
from tests.unit.gui.conftest import open_window
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.test_member_flow import sign_in
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_unfinished_exam_is_offered_again_after_a_restart(qtbot: QtBot, study_data: StudyData) -> None:
    first = open_window(qtbot, study_data.url)
    sign_in(qtbot, first)
    panel = first.study.quiz
    QTest.mouseClick(panel.start_page.exam_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert panel.attempt is not None
    attempt_id = panel.attempt.id
    chosen: dict[str, int] = {}
    for position in range(2):
        widget = panel.question_widget
        assert widget is not None
        if widget.buttons:
            widget.choose(position % len(widget.buttons))
            chosen[widget.question.question_id] = position % len(widget.buttons)
        panel.go_to(position + 1)
    # The app is killed: no submit, the window just goes away.
    first.close()
    first.service.close()

    second = open_window(qtbot, study_data.url)
    sign_in(qtbot, second)
    start = second.study.quiz.start_page
    assert start.resume_box.isVisible()
    assert "đã trả lời" in start.resume_label.text()
    assert not start.exam_button.isEnabled()
    QTest.mouseClick(start.resume_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    resumed = second.study.quiz.attempt
    assert resumed is not None and resumed.id == attempt_id
    for question in resumed.questions:
        if question.question_id in chosen:
            assert question.response == ChoiceAnswer(chosen[question.question_id])
    assert not second.study.reader.isVisible()  # still an exam: full width
    second.close()
    second.service.close()


def test_font_size_is_remembered(qtbot: QtBot, study_data: StudyData) -> None:
    first = open_window(qtbot, study_data.url)
    assert first.font_sizer.size == 14
    # Steps big enough to matter: 14 → 16 → 18 → 20 → 24, and back one step.
    for expected in (16, 18, 20, 24):
        first.larger_action.trigger()
        assert first.font_sizer.size == expected
    first.smaller_action.trigger()
    assert first.font_sizer.size == 20
    assert QApplication.font().pointSize() == 20
    assert first.font_label.text() == "Cỡ chữ: 20"
    first.close()
    first.service.close()

    second = open_window(qtbot, study_data.url)
    assert second.font_sizer.size == 20
    assert QApplication.font().pointSize() == 20
    second.font_sizer.reset()
    assert second.study.reader.facts_box.isChecked()
    second.study.reader.facts_box.click()  # hide the fact underline: remembered like the font size
    second.close()
    second.service.close()

    third = open_window(qtbot, study_data.url)
    assert not third.study.reader.facts_box.isChecked()
    assert not third.study.reader.text.facts_visible
    third.close()
    third.service.close()


def test_language_switch_changes_visible_labels_and_is_remembered(qtbot: QtBot, study_data: StudyData) -> None:
    window = open_window(qtbot, study_data.url)
    screen = window.start_screen
    assert screen.enter_button.text() == "Vào học"
    window.english_action.trigger()
    # Qt delivers LanguageChange to the widgets through the event loop.
    qtbot.waitUntil(lambda: screen.enter_button.text() == "Start studying")
    assert window.windowTitle() == "Resolution Study"
    assert window.file_menu.title() == "&File"
    sign_in(qtbot, window)
    assert window.study.quiz.start_page.exam_button.text() == "Start the exam"
    assert window.tabs.tabText(1) == "Reflection and commitment"
    window.close()
    window.service.close()

    again = open_window(qtbot, study_data.url)
    assert again.start_screen.enter_button.text() == "Start studying"
    again.vietnamese_action.trigger()
    qtbot.waitUntil(lambda: again.start_screen.enter_button.text() == "Vào học")
    again.close()
    again.service.close()


def test_window_geometry_is_saved_and_restored(qtbot: QtBot, study_data: StudyData) -> None:
    first = open_window(qtbot, study_data.url)
    default = first.saveGeometry()
    first.resize(first.minimumSizeHint())
    qtbot.waitUntil(lambda: first.size() == first.minimumSizeHint())
    first.close()
    first.service.close()
    saved = first.preferences.bytes_value("window/geometry")
    assert saved is not None and saved != default

    second = open_window(qtbot, study_data.url)
    assert second.size() == first.size()
    second.close()
    second.service.close()
