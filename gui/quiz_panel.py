"""The quiz beside the text: choose a mode, answer one question at a time, submit, then see the results."""

from __future__ import annotations

import datetime as dt
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
from gui.question_widgets import CHOICE_KEYS, QuestionWidget
from gui.quiz_start import QuizStartPage, mode_name
from gui.results_view import ResultsView
from gui.style import named, set_role
from quiz.engine.types import AnswerFeedback, AttemptView
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
        self.pages.addWidget(self.results)
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
        self.time_label = named(QLabel(), "time_label")
        self.progress = named(QProgressBar(), "quiz_progress")
        self.progress.setTextVisible(True)
        self.question_scroll = QScrollArea()
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.previous_button = named(QPushButton(), "previous_button")
        self.previous_button.clicked.connect(lambda: self.go_to(self.position - 1))
        self.flag_button = named(QPushButton(), "flag_button")
        self.flag_button.setCheckable(True)
        self.flag_button.toggled.connect(self._flag_toggled)
        self.next_button = named(QPushButton(), "next_button")
        set_role(self.next_button, "primary")
        self.next_button.clicked.connect(lambda: self.go_to(self.position + 1))
        self.submit_button = named(QPushButton(), "submit_button")
        self.submit_button.clicked.connect(self.ask_submit)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        set_role(self.keys_hint, "hint")
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.flag_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.header)
        layout.addWidget(self.time_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.question_scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.keys_hint)
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
        try:
            question_ids = None
            if mode == "review":
                question_ids = self._service.reviews.review_question_ids(self._member_id, document_id=self._document_id)
                if not question_ids:
                    raise UserError(self.tr("Hôm nay không có câu nào cần ôn tập."))
            attempt = self._service.quizzes.start_attempt(
                self._member_id,
                self._document_id,
                mode,
                section_id=self._section_id if mode == "section" else None,
                question_ids=question_ids,
            )
        except UserError as error:
            dialogs.show_error(self, error)
            return
        self._show_attempt(attempt)

    def resume(self, attempt_id: str) -> None:
        try:
            attempt = self._service.quizzes.get_attempt(attempt_id)
        except UserError as error:
            dialogs.show_error(self, error)
            return
        if attempt.submitted_at is not None:
            self._show_results(attempt.id)
            return
        first_open = next((question.position for question in attempt.questions if question.response is None), 0)
        self._show_attempt(attempt, first_open)

    def _show_attempt(self, attempt: AttemptView, position: int = 0) -> None:
        self.attempt = attempt
        self.pages.setCurrentIndex(1)
        self.exam_running.emit(attempt.mode == "exam")
        self.time_label.setVisible(attempt.deadline_at is not None)
        if attempt.deadline_at is not None:
            self._clock.start()
            self._tick()
        self.go_to(position)

    def go_to(self, position: int) -> None:
        if self.attempt is None or not 0 <= position < self.attempt.question_count:
            return
        if self.question_widget is not None:
            self.question_widget.flush()
        self.position = position
        question = self.attempt.questions[position]
        widget = QuestionWidget(question)
        widget.response_changed.connect(self._answer)
        widget.show_source_requested.connect(self._show_feedback_source)
        self.question_widget = widget
        self.question_scroll.setWidget(widget)
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(question.flagged)
        self.flag_button.blockSignals(False)
        self.previous_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < self.attempt.question_count - 1)
        self._update_header()
        widget.focus_answer()

    def _answer(self, response: dict[str, Any]) -> None:
        if self.attempt is None:
            return
        try:
            feedback = self._service.quizzes.answer(self.attempt.id, self.position, response)
        except UserError as error:
            self._handle_closed(error)
            return
        self._replace_question(response=response, feedback=feedback if feedback.revealed else None)
        if feedback.revealed and self.question_widget is not None:
            self.question_widget.show_feedback(feedback)
        self._update_header()

    def _flag_toggled(self, flagged: bool) -> None:
        if self.attempt is None:
            return
        try:
            self._service.quizzes.flag(self.attempt.id, self.position, flagged)
        except UserError as error:
            self._handle_closed(error)
            return
        self._replace_question(flagged=flagged)
        self._update_header()

    def _replace_question(self, **changes: Any) -> None:
        """Keep the local copy of the attempt in step with what the facade saved."""
        from dataclasses import replace

        assert self.attempt is not None
        questions = list(self.attempt.questions)
        questions[self.position] = replace(questions[self.position], **changes)
        self.attempt = replace(self.attempt, questions=tuple(questions))

    def _update_header(self) -> None:
        if self.attempt is None:
            return
        total = self.attempt.question_count
        flagged = sum(1 for question in self.attempt.questions if question.flagged)
        mode = mode_name(self.attempt.mode)
        text = self.tr("{mode} — Câu {number}/{total}").format(mode=mode, number=self.position + 1, total=total)
        self.header.setText(text)
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
        if self.attempt is None:
            return
        attempt_id = self.attempt.id
        try:
            self._service.quizzes.submit(attempt_id)
        except UserError as error:
            dialogs.show_error(self, error)
            return
        self._show_results(attempt_id)
        self.attempt_submitted.emit(attempt_id)

    def _show_results(self, attempt_id: str) -> None:
        self._clock.stop()
        self.attempt = None
        self.question_widget = None
        self.results.show_attempt(attempt_id)
        self.pages.setCurrentWidget(self.results)
        self.exam_running.emit(False)

    def _handle_closed(self, error: UserError) -> None:
        """An answer after the deadline: the facade has submitted the attempt; show its results."""
        if self.attempt is not None and self._service.quizzes.time_left(self.attempt.id) == dt.timedelta(0):
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
                    # Enter in a typed answer only saves it (practice then shows right or wrong).
                    if not isinstance(focused, QLineEdit):
                        self.go_to(self.position + 1)
                    return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Câu &trước"))
        self.previous_button.setAccessibleName(self.tr("Câu trước"))
        self.flag_button.setText(self.tr("⚑ Đánh &dấu xem lại"))
        self.flag_button.setAccessibleName(self.tr("Đánh dấu để xem lại"))
        self.next_button.setText(self.tr("Câu &sau ▶"))
        self.next_button.setAccessibleName(self.tr("Câu sau"))
        self.submit_button.setText(self.tr("&Nộp bài"))
        self.keys_hint.setText(
            self.tr(
                "Phím tắt: 1–4 hoặc A–D chọn đáp án; Enter hoặc Page Down: câu sau; "
                "Page Up: câu trước; Tab: chuyển giữa các nút."
            )
        )
        self.progress.setAccessibleName(self.tr("Tiến độ làm bài"))
        self._update_header()
