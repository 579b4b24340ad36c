"""The member's progress tab follows what the quiz beside the text changed (the facade's change notice)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.progress_view import ProgressView
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.test_exam_flow import start_exam
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_the_progress_tab_shows_an_exam_submitted_on_the_study_tab(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    panel = start_exam(window, study_data)
    progress = window.progress_page
    assert isinstance(progress, ProgressView)
    window.tabs.setCurrentWidget(progress)
    wait_for_operations()
    assert "Đã làm 0 bài kiểm tra" in progress.summary.text()
    window.tabs.setCurrentWidget(window.study)
    panel.submit()
    wait_for_operations()
    window.tabs.setCurrentWidget(progress)
    wait_for_operations()
    assert "Đã làm 1 bài kiểm tra" in progress.summary.text()
    assert progress.attempts.rowCount() == 1
