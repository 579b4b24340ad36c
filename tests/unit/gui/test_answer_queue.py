"""Answering never waits for the database: the screen counts the answer at once, the writes follow in the order
given (a changed answer ends as the last choice), and a submit made straight after still counts every one."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from quiz.api.answers import Answer, ChoiceAnswer
from quiz.api.attempts import AnswerFeedback
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.test_exam_flow import start_exam
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def choice_positions(window: MainWindow) -> list[int]:
    attempt = window.study.quiz.attempt
    assert attempt is not None
    return [question.position for question in attempt.questions if question.type in ("single", "truefalse")]


def test_answers_are_written_in_the_order_given_and_submit_comes_after_them(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    panel = start_exam(window, study_data)
    assert panel.attempt is not None
    attempt_id = panel.attempt.id
    first, second = choice_positions(window)[:2]
    panel.go_to(first)
    widget = panel.question_widget
    assert widget is not None
    widget.choose(0)
    widget.choose(1)  # changed at once: the second write must win
    panel.go_to(second)
    assert panel.question_widget is not None
    panel.question_widget.choose(0)
    panel.submit()  # no wait in between, as a member clicking fast
    wait_for_operations()
    review = {item.position: item for item in window.service.quizzes.review(attempt_id)}
    assert review[first].response == ChoiceAnswer(1)
    assert review[second].response == ChoiceAnswer(0)
    result = window.service.quizzes.results(attempt_id)
    assert result.answered_count == 2
    assert panel.pages.currentWidget() is panel.results


def test_a_slow_write_leaves_the_quiz_usable_and_is_saved_when_it_ends(
    qtbot: QtBot, window: MainWindow, study_data: StudyData, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = start_exam(window, study_data)
    assert panel.attempt is not None
    attempt_id = panel.attempt.id
    quizzes = window.service.quizzes
    real_answer = quizzes.answer
    release = threading.Event()

    def slow_answer(attempt: str, position: int, response: Answer) -> AnswerFeedback:
        release.wait(30)  # a LAN server that takes its time
        return real_answer(attempt, position, response)

    monkeypatch.setattr(quizzes, "answer", slow_answer)
    first = choice_positions(window)[0]
    panel.go_to(first)
    widget = panel.question_widget
    assert widget is not None
    QTest.mouseClick(widget.buttons[0], Qt.MouseButton.LeftButton)
    # Counted on screen at once, while the write still waits.
    assert panel.attempt.answered_count == 1
    assert panel.navigator.buttons[first].property("answered") is True
    # The member goes on to the next question and back; the window keeps handling events.
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.position == first + 1
    panel.go_to(first)
    assert panel.question_widget is not None and panel.question_widget.buttons[0].isChecked()
    qtbot.waitUntil(lambda: window.busy_label.isVisible())  # a long write says so in the status bar
    assert window.service.quizzes.get_attempt(attempt_id).questions[first].response is None
    release.set()
    wait_for_operations()
    assert not window.busy_label.isVisible()
    assert window.service.quizzes.get_attempt(attempt_id).questions[first].response == ChoiceAnswer(0)


def test_a_second_press_on_start_opens_no_second_attempt(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    from sqlalchemy import func, select

    from quiz.storage.models.attempts import Attempt

    window.service.accounts.sign_in_member(study_data.member_id)
    window.sign_in_member(study_data.member_id)
    panel = window.study.quiz
    QTest.mouseClick(panel.start_page.practice_button, Qt.MouseButton.LeftButton)
    panel.start("practice")  # a second press before the first one's attempt came back
    wait_for_operations()
    assert panel.attempt is not None
    with window.service.context.session() as session:
        assert session.scalar(select(func.count()).select_from(Attempt)) == 1
