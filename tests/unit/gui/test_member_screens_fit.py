"""Every member screen on a 1366×768 laptop (default font and 20 pt) and a 1024×768 monitor: all reachable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.pledge_editor import PledgeEditor
from tests.unit.gui.screen_fit import (
    DEFAULT_FONT,
    LARGE_FONT_SIZE,
    OLD_MONITOR,
    SMALL_LAPTOP,
    assert_fits_screen,
    set_font_point_size,
)
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

CONFIGURATIONS = [(SMALL_LAPTOP, DEFAULT_FONT), (SMALL_LAPTOP, LARGE_FONT_SIZE), (OLD_MONITOR, DEFAULT_FONT)]


def open_study(window: MainWindow, data: StudyData) -> list[QWidget]:
    window.service.accounts.sign_in_member(data.member_id)  # as the start screen does after the name (and PIN)
    window.sign_in_member(data.member_id)
    return [window.statusBar()]


def open_exam_question(window: MainWindow, data: StudyData) -> list[QWidget]:
    open_study(window, data)
    panel = window.study.quiz
    panel.start_page.exam_button.click()
    wait_for_operations()
    assert panel.attempt is not None
    return [window.statusBar(), panel.navigator, panel.submit_button, panel.next_button]


def open_last_question(window: MainWindow, data: StudyData) -> list[QWidget]:
    extra = open_exam_question(window, data)
    panel = window.study.quiz
    assert panel.attempt is not None
    panel.go_to(panel.attempt.question_count - 1)
    return extra


def open_summary(window: MainWindow, data: StudyData) -> list[QWidget]:
    open_exam_question(window, data)
    panel = window.study.quiz
    panel.submit_button.click()
    assert panel.pages.currentWidget() is panel.summary
    return [window.statusBar(), panel.summary.submit_button, panel.summary.back_button]


def open_results(window: MainWindow, data: StudyData) -> list[QWidget]:
    open_exam_question(window, data)
    panel = window.study.quiz
    panel.submit()
    wait_for_operations()
    assert panel.pages.currentWidget() is panel.results
    return [window.statusBar(), panel.results.back_button]


def open_review_practice(window: MainWindow, data: StudyData) -> list[QWidget]:
    """Ôn tập: the missed questions of a failed exam, practised at once."""
    open_results(window, data)
    panel = window.study.quiz
    panel.results.practice_button.click()
    wait_for_operations()
    assert panel.attempt is not None and panel.attempt.mode == "review"
    return [window.statusBar(), panel.navigator, panel.submit_button]


def open_pledge(window: MainWindow, data: StudyData) -> list[QWidget]:
    open_study(window, data)
    assert isinstance(window.pledge_page, PledgeEditor)
    window.tabs.setCurrentWidget(window.pledge_page)
    page = window.pledge_page
    return [window.statusBar(), page.finalise_button, page.preview_button, page.save_pdf_button]


def open_progress(window: MainWindow, data: StudyData) -> list[QWidget]:
    open_study(window, data)
    assert window.progress_page is not None
    window.tabs.setCurrentWidget(window.progress_page)
    return [window.statusBar()]


def open_start(window: MainWindow, data: StudyData) -> list[QWidget]:
    return [window.statusBar(), window.start_screen.enter_button, window.start_screen.admin_button]


def open_add_member(window: MainWindow, data: StudyData) -> list[QWidget]:
    window.start_screen.add_button.click()
    return [window.start_screen.add_ok, window.start_screen.add_back]


def open_pin(window: MainWindow, data: StudyData) -> list[QWidget]:
    screen = window.start_screen
    screen.search_edit.setText("tam")
    screen.refresh_names()
    screen.names.setCurrentRow(0)
    screen.enter_button.click()
    assert screen.pages.currentIndex() == 1 and screen.pin_label.text().endswith("xin nhập mã PIN:")
    return [screen.pin_ok, screen.pin_back]


SCREENS: dict[str, Callable[[MainWindow, StudyData], list[QWidget]]] = {
    "start": open_start,
    "add-member": open_add_member,
    "pin": open_pin,
    "study": open_study,
    "exam-question": open_exam_question,
    "exam-last-question": open_last_question,
    "exam-summary": open_summary,
    "results": open_results,
    "review-practice": open_review_practice,
    "pledge": open_pledge,
    "progress": open_progress,
}


@pytest.mark.parametrize("screen_name", list(SCREENS))
def test_member_screen_fits_small_screens(
    qtbot: QtBot, window: MainWindow, study_data: StudyData, screen_name: str
) -> None:
    """1366×768 at the default font and at 20 pt, 1024×768 at the default font (the window's minimum size
    included); the font changes while the screen is open, as Ctrl+= does."""
    extra = SCREENS[screen_name](window, study_data)
    for screen, font_size in CONFIGURATIONS:
        set_font_point_size(window, font_size)
        assert_fits_screen(window, screen, extra_widgets=extra)


def test_print_preview_fits_small_screens(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    open_pledge(window, study_data)
    editor = window.pledge_page
    assert isinstance(editor, PledgeEditor)
    editor.open_preview()
    wait_for_operations()  # the draft is saved first, then the form is rendered
    assert window.task_runner.wait_idle(60000)
    qtbot.waitUntil(lambda: editor.preview is not None and editor.preview.isVisible(), timeout=10000)
    preview = editor.preview
    assert preview is not None
    for screen, font_size in CONFIGURATIONS:
        set_font_point_size(window, font_size)
        assert_fits_screen(
            preview, screen, extra_widgets=[preview.print_button, preview.save_button, preview.close_button]
        )
    preview.close()
