"""The exam as Moodle runs it: a navigator always on screen, "Xem lại và nộp bài" on the last question, a
summary of unanswered and flagged questions before submitting, Enter in a typed answer moves on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.quiz_panel import QuizPanel
from quiz.api.answers import ChoiceAnswer, TextAnswer
from quiz.api.enums import QuestionType
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.test_member_flow import answer_shown_question
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def start_exam(window: MainWindow, data: StudyData) -> QuizPanel:
    window.service.accounts.sign_in_member(data.member_id)
    window.sign_in_member(data.member_id)
    panel = window.study.quiz
    QTest.mouseClick(panel.start_page.exam_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert panel.attempt is not None and panel.attempt.mode == "exam"
    return panel


def test_navigator_shows_answered_flagged_and_current(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    panel = start_exam(window, study_data)
    assert panel.attempt is not None
    buttons = panel.navigator.buttons
    assert len(buttons) == panel.attempt.question_count
    assert panel.navigator.isVisible()
    assert buttons[0].isChecked() and not any(button.isChecked() for button in buttons[1:])
    answer_shown_question(panel)
    assert panel.attempt.answered_count == 1
    assert buttons[0].property("answered") is True
    assert "đã trả lời" in buttons[0].accessibleName()
    QTest.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert panel.position == 2 and buttons[2].isChecked() and not buttons[0].isChecked()
    QTest.mouseClick(panel.flag_button, Qt.MouseButton.LeftButton)
    assert buttons[2].text() == "3 ⚑"
    assert buttons[1].property("answered") is not True


def test_last_question_leads_to_the_summary_and_submit(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    panel = start_exam(window, study_data)
    assert panel.attempt is not None
    count = panel.attempt.question_count
    panel.go_to(1)
    QTest.mouseClick(panel.flag_button, Qt.MouseButton.LeftButton)
    panel.go_to(count - 1)
    assert panel.next_button.isEnabled()
    assert panel.next_button.text() == "Xem lại và nộp bài ▶"
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    summary = panel.summary
    assert panel.pages.currentWidget() is summary
    assert summary.unanswered.text() == f"Chưa trả lời ({count} câu): câu {', '.join(map(str, range(1, count + 1)))}."
    assert summary.flagged.text() == "Đánh dấu xem lại (1 câu): câu 2."
    # Back to a question from the summary's own navigator.
    QTest.mouseClick(summary.navigator.buttons[3], Qt.MouseButton.LeftButton)
    assert panel.pages.currentIndex() == 1 and panel.position == 3
    panel.go_to(count - 1)
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(summary.submit_button, Qt.MouseButton.LeftButton)
    box = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert f"Còn {count} câu chưa trả lời" in box.text()
    yes = next(button for button in box.buttons() if box.buttonRole(button) == QMessageBox.ButtonRole.YesRole)
    with qtbot.wait_signal(box.finished):
        yes.click()
    wait_for_operations()
    assert panel.pages.currentWidget() is panel.results
    assert panel.results.result is not None and panel.results.result.answered_count == 0


def test_enter_in_a_typed_answer_saves_it_and_moves_on(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    panel = start_exam(window, study_data)
    assert panel.attempt is not None
    cloze = next(question.position for question in panel.attempt.questions if question.type == "cloze")
    panel.go_to(cloze)
    window.activateWindow()
    widget = panel.question_widget
    assert widget is not None and widget.text_edit is not None
    widget.text_edit.setFocus()
    QTest.keyClicks(widget.text_edit, "310")
    QTest.keyClick(widget.text_edit, Qt.Key.Key_Return)
    wait_for_operations()
    stored = window.service.quizzes.get_attempt(panel.attempt.id).questions[cloze]
    assert stored.response == TextAnswer("310")
    if cloze < panel.attempt.question_count - 1:
        assert panel.position == cloze + 1
    else:
        assert panel.pages.currentWidget() is panel.summary


def test_failed_exam_offers_practice_of_the_missed_questions(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    panel = start_exam(window, study_data)
    panel.submit()
    wait_for_operations()
    results = panel.results
    assert results.result is not None and not results.result.passed
    assert results.practice_button.isVisible()
    missed = {item.question_id for item in results.items if not item.is_correct}
    assert results.practice_button.text() == f"Luyện lại {len(missed)} câu chưa đúng"
    QTest.mouseClick(results.practice_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert panel.attempt is not None and panel.attempt.mode == "review"
    assert {question.question_id for question in panel.attempt.questions} == missed
    # The navigator has one button per question of the new attempt, none left over from the exam.
    assert len(panel.navigator.buttons) == len(missed)
    qtbot.waitUntil(
        lambda: sum(1 for button in panel.navigator.findChildren(QPushButton) if button.isVisible()) == len(missed)
    )
    assert QApplication.focusWidget() is not None


def test_long_options_wrap_instead_of_widening_the_question(qtbot: QtBot) -> None:
    from gui.question_widgets import QuestionWidget
    from quiz.api.attempts import AttemptQuestion

    long_option = "Xây dựng tổ chức bộ máy chính quyền địa phương tinh gọn, trong sạch, vững mạnh, " * 3
    question = AttemptQuestion(
        position=0,
        question_id="q",
        type=QuestionType.SINGLE,
        prompt="Câu hỏi có đáp án rất dài?",
        options=(long_option, "Ngắn"),
        left_items=(),
        section_id=None,
        flagged=False,
        response=None,
    )
    widget = QuestionWidget(question)
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    assert widget.minimumSizeHint().width() <= 420
    label = widget.option_labels[0]
    assert label.width() <= 420 and label.height() > 2 * label.fontMetrics().height()
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)
    assert widget.buttons[0].isChecked()
    assert widget.current_response() == ChoiceAnswer(0)
