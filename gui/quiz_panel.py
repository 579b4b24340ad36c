"""The quiz beside the text: choose a mode, answer one question at a time, submit, then see the results."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.exam_navigator import QuestionNavigator, SubmitSummary
from gui.flow_layout import flow_row
from gui.operations import Operation, run_change
from gui.question_widgets import CHOICE_KEYS, QuestionWidget
from gui.quiz_saving import PendingAnswers
from gui.quiz_start import QuizStartPage, mode_name
from gui.results_view import ResultsView
from gui.style import named, set_role
from quiz.api.answers import Answer
from quiz.api.attempts import AnswerFeedback, AttemptClosed, AttemptView
from quiz.errors import UserError
from quiz.service import Service


class QuizPanel(QWidget):
    """``exam_running(bool)`` lets the window give the quiz the full width; ``source_requested`` carries
    (section_id, start, end) of a sentence to show in the reader."""

    exam_running = Signal(bool)
    source_requested = Signal(object, int, int)
    attempt_submitted = Signal(str)

    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._member_id: str | None = None
        self._document_id: str | None = None
        self._section_id: str | None = None
        self.attempt: AttemptView | None = None
        self.position = 0
        self.question_widget: QuestionWidget | None = None
        self._fresh_feedback = False  # practice just showed right/wrong: the next Enter leaves it on screen
        self._saving = PendingAnswers()
        self._submitting = False
        self._opening: Operation[Any] | None = None
        self.pages = QStackedWidget()
        self.start_page = QuizStartPage(service)
        self.start_page.start_requested.connect(self.start)
        self.start_page.resume_requested.connect(self.resume)
        self.pages.addWidget(self.start_page)
        question_page = self._build_question_page()
        self.pages.addWidget(question_page)
        # Shortcuts, not keyPressEvent: the scroll area around the question would eat Page Up/Down.
        for key, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(key), question_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.go_to(self.position + step))
        self.results = ResultsView(service)
        self.results.source_requested.connect(self.source_requested)
        self.results.done.connect(self.show_start)
        self.results.practice_requested.connect(self.practise_questions)
        self.pages.addWidget(self.results)
        self.summary = SubmitSummary()
        self.summary.back_requested.connect(lambda: self._back_to_questions(self.position))
        self.summary.question_chosen.connect(self._back_to_questions)
        self.summary.submit_requested.connect(self.ask_submit)
        self.pages.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self.retranslate()

    def _build_question_page(self) -> QWidget:
        page = QWidget()
        self.header = named(QLabel(), "quiz_header")
        set_role(self.header, "heading")
        self.header.setWordWrap(True)
        self.navigator = QuestionNavigator()
        self.navigator.chosen.connect(self.go_to)
        self.time_label = named(QLabel(), "time_label")
        self.progress = named(QProgressBar(), "quiz_progress")
        self.progress.setTextVisible(True)
        self.question_scroll = QScrollArea()
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Options and prompts word-wrap: the question never needs sideways scrolling.
        self.question_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.previous_button = named(QPushButton(), "previous_button")
        self.previous_button.clicked.connect(lambda: self.go_to(self.position - 1))
        self.flag_button = named(QPushButton(), "flag_button")
        self.flag_button.setCheckable(True)
        self.flag_button.toggled.connect(self._flag_toggled)
        self.next_button = named(QPushButton(), "next_button")
        set_role(self.next_button, "primary")
        self.next_button.clicked.connect(lambda: self.go_to(self.position + 1))
        self.submit_button = named(QPushButton(), "submit_button")
        self.submit_button.clicked.connect(self.show_summary)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        set_role(self.keys_hint, "hint")
        # The question and the keys hint scroll together; only the navigator and the buttons stay fixed, so a
        # 768 px screen at 20 pt still shows the options.
        self.question_holder = QWidget()
        self.question_holder_layout = QVBoxLayout(self.question_holder)
        self.question_holder_layout.setContentsMargins(0, 0, 0, 0)
        self.question_holder_layout.addStretch(1)
        self.question_holder_layout.addWidget(self.keys_hint)
        self.question_scroll.setWidget(self.question_holder)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.time_label)
        # Rows that wrap: at 20 pt or on a 1024 px screen the buttons move to a second line, never off screen.
        buttons = flow_row(self.previous_button, self.flag_button, self.next_button, trailing=(self.submit_button,))
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.navigator)
        layout.addWidget(self.question_scroll, 1)
        layout.addLayout(buttons)
        return page

    # Context -----------------------------------------------------------------------------------------------

    def set_context(self, member_id: str | None, document_id: str | None) -> None:
        self._member_id, self._document_id = member_id, document_id
        self.attempt = None
        self._clock.stop()
        self.show_start()

    def set_section(self, section_id: str | None) -> None:
        self._section_id = section_id
        self.start_page.set_section(section_id)

    def show_start(self) -> None:
        self.attempt = None
        self._clock.stop()
        self.start_page.refresh(self._member_id, self._document_id, self._section_id)
        self.pages.setCurrentWidget(self.start_page)
        self.exam_running.emit(False)

    # Attempt flow ------------------------------------------------------------------------------------------

    def start(self, mode: str) -> None:
        if self._member_id is None or self._document_id is None:
            return
        service, member_id, document_id = self._service, self._member_id, self._document_id
        section_id = self._section_id if mode == "section" else None
        nothing_to_review = self.tr("Hôm nay không có câu nào cần ôn tập.")

        def start_attempt() -> AttemptView:
            question_ids = None
            if mode == "review":
                question_ids = service.reviews.review_question_ids(member_id, document_id=document_id)
                if not question_ids:
                    raise UserError(nothing_to_review)
            return service.quizzes.start_attempt(
                member_id, document_id, mode, section_id=section_id, question_ids=question_ids
            )

        self._open(start_attempt, self._show_attempt, self.start_page)

    def resume(self, attempt_id: str) -> None:
        quizzes = self._service.quizzes
        self._open(lambda: quizzes.get_attempt(attempt_id), self._resumed, self.start_page)

    def _open(self, call: Callable[[], AttemptView], opened: Callable[[AttemptView], None], page: QWidget) -> None:
        """Start or read an attempt off the UI thread; a second click (a double click) meanwhile is ignored."""
        if self._opening is None or self._opening.done:
            self._opening = run_change(self, call, opened, busy=(page,))

    def _resumed(self, attempt: AttemptView) -> None:
        if attempt.submitted_at is not None:
            self._show_results(attempt.id)
            return
        first_open = next((question.position for question in attempt.questions if question.response is None), 0)
        self._show_attempt(attempt, first_open)

    def _show_attempt(self, attempt: AttemptView, position: int = 0) -> None:
        self.attempt = attempt
        self._saving, self._submitting = PendingAnswers(attempt.id), False
        self.pages.setCurrentIndex(1)
        self.exam_running.emit(attempt.mode == "exam")
        self.time_label.setVisible(attempt.deadline_at is not None)
        if attempt.deadline_at is not None:
            self._clock.start()
            self._tick()
        self.go_to(position)

    def go_to(self, position: int) -> None:
        """Show question ``position``; one past the last is the page before submitting."""
        if self.attempt is None or not 0 <= position <= self.attempt.question_count:
            return
        if position == self.attempt.question_count:
            self.show_summary()
            return
        if self.question_widget is not None:
            self.question_widget.flush()
        self.position = position
        self._fresh_feedback = False
        question = self.attempt.questions[position]
        widget = QuestionWidget(question)
        widget.response_changed.connect(self._answer)
        widget.show_source_requested.connect(self._show_feedback_source)
        self._drop_question_widget()
        self.question_widget = widget
        self.question_holder_layout.insertWidget(0, widget)
        self.question_scroll.verticalScrollBar().setValue(0)
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(question.flagged)
        self.flag_button.blockSignals(False)
        self.previous_button.setEnabled(position > 0)
        self._update_next_button()
        self._update_header()
        widget.focus_answer()

    def _drop_question_widget(self) -> None:
        old = self.question_widget
        if old is not None:
            # Its answer was flushed already; a late signal (focus leaving a typed answer) must not save it
            # to the question shown next.
            old.response_changed.disconnect(self._answer)
            self.question_holder_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
            self.question_widget = None

    def _update_next_button(self) -> None:
        last = self.attempt is not None and self.position == self.attempt.question_count - 1
        self.next_button.setText(self.tr("Xem lại và nộp bài ▶") if last else self.tr("Câu &sau ▶"))
        self.next_button.setAccessibleName(self.tr("Xem lại và nộp bài") if last else self.tr("Câu sau"))

    def show_summary(self) -> None:
        """The list of unanswered and flagged questions, with the submit button (Moodle's summary page)."""
        if self.attempt is None:
            return
        if self.question_widget is not None:
            self.question_widget.flush()
        self.summary.show_attempt(self.attempt)
        self.pages.setCurrentWidget(self.summary)

    def _back_to_questions(self, position: int) -> None:
        if self.attempt is None:
            return
        self.pages.setCurrentIndex(1)
        self.go_to(min(position, self.attempt.question_count - 1))

    def practise_questions(self, question_ids: list[str]) -> None:
        """Practice at once the questions missed in an exam (a review attempt over exactly those)."""
        if self._member_id is None or self._document_id is None or not question_ids:
            return
        quizzes, member_id, document_id = self._service.quizzes, self._member_id, self._document_id
        start = functools.partial(quizzes.start_attempt, member_id, document_id, "review", question_ids=question_ids)
        self._open(start, self._show_attempt, self.results)

    def _answer(self, response: Answer) -> None:
        """The screen counts the answer at once; the write waits its turn on the worker, in answering order, so
        a click never waits for the database (a LAN server) and the submit queued later comes after it."""
        if self.attempt is None:
            return
        attempt_id, position, quizzes = self.attempt.id, self.position, self._service.quizzes
        self._replace_question(position, response=response, feedback=None)
        self._fresh_feedback = False
        self._update_header()
        self._saving.add(position)
        run_change(
            self,
            lambda: quizzes.answer(attempt_id, position, response),
            lambda feedback: self._answer_saved(attempt_id, response, feedback),
            on_failure=lambda error: self._save_failed(attempt_id, position, error),
        )

    def _answer_saved(self, attempt_id: str, response: Answer, feedback: AnswerFeedback) -> None:
        position = feedback.position
        enter_waited = self._saving.confirm(attempt_id, position)
        if self.attempt is None or self.attempt.id != attempt_id:
            return
        if self.attempt.questions[position].response != response:
            return  # changed again meanwhile: the newer answer's feedback follows
        self._replace_question(position, feedback=feedback if feedback.revealed else None)
        current = position == self.position and self.pages.currentIndex() == 1
        if current and feedback.revealed and self.question_widget is not None:
            # The Enter that saved it already counted as "leave the feedback on screen".
            self._fresh_feedback = not enter_waited
            self.question_widget.show_feedback(feedback)
        elif current and enter_waited:
            self.go_to(position + 1)  # nothing to read in an exam: Enter moves on as it would have

    def _save_failed(self, attempt_id: str, position: int, error: BaseException) -> None:
        self._saving.confirm(attempt_id, position)
        if self._shows_attempt(attempt_id):
            self._handle_closed(error)

    def _flag_toggled(self, flagged: bool) -> None:
        if self.attempt is None:
            return
        attempt_id, position, quizzes = self.attempt.id, self.position, self._service.quizzes
        self._replace_question(position, flagged=flagged)
        self._update_header()
        run_change(
            self,
            lambda: quizzes.flag(attempt_id, position, flagged),
            on_failure=lambda error: self._handle_closed(error) if self._shows_attempt(attempt_id) else None,
        )

    def _shows_attempt(self, attempt_id: str) -> bool:
        return self.attempt is not None and self.attempt.id == attempt_id

    def _replace_question(self, position: int, **changes: Any) -> None:
        """Keep the local copy of the attempt in step with what was answered (the facade saves it in turn)."""
        assert self.attempt is not None
        questions = list(self.attempt.questions)
        questions[position] = replace(questions[position], **changes)
        self.attempt = replace(self.attempt, questions=tuple(questions))

    def _update_header(self) -> None:
        if self.attempt is None:
            return
        total = self.attempt.question_count
        flagged = sum(1 for question in self.attempt.questions if question.flagged)
        mode = mode_name(self.attempt.mode)
        text = self.tr("{mode} — Câu {number}/{total}").format(mode=mode, number=self.position + 1, total=total)
        self.header.setText(text)
        self.navigator.show_attempt(self.attempt, self.position)
        self.progress.setMaximum(total)
        self.progress.setValue(self.attempt.answered_count)
        self.progress.setFormat(
            self.tr("Đã trả lời {answered}/{total} câu").format(answered=self.attempt.answered_count, total=total)
            + (self.tr(" · {flagged} câu đánh dấu").format(flagged=flagged) if flagged else "")
        )

    def _tick(self) -> None:
        """Display only: the deadline lives in the database and the facade enforces it."""
        if self.attempt is None or self.attempt.deadline_at is None:
            self._clock.stop()
            return
        left = self.attempt.deadline_at - self._service.quizzes.clock()
        if left <= dt.timedelta(0):
            self._clock.stop()
            self.submit()
            return
        minutes, seconds = divmod(int(left.total_seconds()), 60)
        self.time_label.setText(
            self.tr("Thời gian còn lại: {minutes} phút {seconds:02d} giây").format(minutes=minutes, seconds=seconds)
        )

    def ask_submit(self) -> None:
        if self.attempt is None:
            return
        if self.question_widget is not None:
            self.question_widget.flush()
        missing = self.attempt.question_count - self.attempt.answered_count
        text = self.tr("Đồng chí đã trả lời tất cả các câu. Nộp bài bây giờ?")
        if missing:
            text = self.tr("Còn {missing} câu chưa trả lời. Đồng chí vẫn muốn nộp bài?").format(missing=missing)
        dialogs.ask(
            self,
            self.tr("Nộp bài"),
            text,
            lambda yes: self.submit() if yes else None,
            yes_text=self.tr("Nộp bài"),
            no_text=self.tr("Làm tiếp"),
        )

    def submit(self) -> None:
        """Queued after the answers still being written, so every one of them counts."""
        if self.attempt is None or self._submitting:
            return
        self._submitting = True
        attempt_id, quizzes = self.attempt.id, self._service.quizzes

        def failed(error: BaseException) -> None:
            self._submitting = False
            dialogs.show_error(self, error)

        run_change(
            self,
            lambda: quizzes.submit(attempt_id),
            lambda _result: self._submitted(attempt_id),
            on_failure=failed,
            busy=(self.summary, self.submit_button, self.next_button),
        )

    def _submitted(self, attempt_id: str) -> None:
        self._submitting = False
        self._show_results(attempt_id)
        self.attempt_submitted.emit(attempt_id)

    def _show_results(self, attempt_id: str) -> None:
        self._clock.stop()
        self.attempt = None
        self._drop_question_widget()
        self.results.show_attempt(attempt_id)
        self.pages.setCurrentWidget(self.results)
        self.exam_running.emit(False)

    def _handle_closed(self, error: BaseException) -> None:
        """An answer to an attempt already submitted (at its deadline, or elsewhere): show its results."""
        if isinstance(error, AttemptClosed) and self.attempt is not None:
            attempt_id = self.attempt.id
            dialogs.inform(self, self.tr("Hết giờ"), str(error))
            self._show_results(attempt_id)
            return
        dialogs.show_error(self, error)

    def _show_feedback_source(self, feedback: AnswerFeedback | None) -> None:
        if feedback is not None:
            self.source_requested.emit(feedback.section_id, feedback.sentence_start, feedback.sentence_end)

    # Keyboard ----------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focused_button = QApplication.focusWidget()
        if (
            self.pages.currentWidget() is self.summary
            and Qt.Key(event.key()) in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(focused_button, QPushButton)
        ):
            focused_button.click()
            return
        widget = self.question_widget
        if self.pages.currentIndex() == 1 and widget is not None:
            key = Qt.Key(event.key())
            if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                if key in CHOICE_KEYS and widget.choose(CHOICE_KEYS[key]):
                    return
                focused = QApplication.focusWidget()
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focused, QPushButton):
                    # Outside dialogs Qt buttons ignore Enter; keyboard users expect it to press the button.
                    focused.click()
                    return
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._enter_pressed(widget, focused)
                    return
        super().keyPressEvent(event)

    def _enter_pressed(self, widget: QuestionWidget, focused: QWidget | None) -> None:
        """Enter saves a typed answer and moves on, as the hint says; in practice a newly shown right/wrong
        stays on screen until the next Enter."""
        if isinstance(focused, QLineEdit):
            widget.flush()
            if widget.current_response() is None:
                return
            if self._saving.wait_for_enter(self.position):
                return  # its feedback is on the way: stay for it in practice, move on once saved in an exam
            if self._fresh_feedback:
                self._fresh_feedback = False
                return
        self.go_to(self.position + 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Câu &trước"))
        self.previous_button.setAccessibleName(self.tr("Câu trước"))
        self.flag_button.setText(self.tr("⚑ Đánh &dấu xem lại"))
        self.flag_button.setAccessibleName(self.tr("Đánh dấu để xem lại"))
        self._update_next_button()
        self.submit_button.setText(self.tr("&Nộp bài…"))
        self.submit_button.setToolTip(self.tr("Xem các câu chưa trả lời, rồi nộp bài"))
        self.keys_hint.setText(
            self.tr(
                "Phím tắt: 1–4 hoặc A–D chọn đáp án; Enter hoặc Page Down: câu sau; "
                "Page Up: câu trước; Tab: chuyển giữa các nút."
            )
        )
        self.progress.setAccessibleName(self.tr("Tiến độ làm bài"))
        self._update_header()
