"""The exam's question navigator (numbered buttons: answered, flagged, current) and the page before submitting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from gui.flow_layout import FlowLayout, flow_row
from gui.style import named, set_role
from quiz.api.attempts import AttemptView


def unanswered_numbers(attempt: AttemptView) -> list[int]:
    return [question.position + 1 for question in attempt.questions if question.response is None]


def flagged_numbers(attempt: AttemptView) -> list[int]:
    return [question.position + 1 for question in attempt.questions if question.flagged]


class QuestionNavigator(QWidget):
    """One small button per question; ``chosen(position)`` when the member clicks one."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("question_navigator")
        self.buttons: list[QPushButton] = []
        self._layout = FlowLayout(self, spacing=4)

    def show_attempt(self, attempt: AttemptView, current: int | None) -> None:
        """Rebuild or update the buttons for ``attempt``; ``current`` is the question on screen (None: none)."""
        if len(self.buttons) != attempt.question_count:
            for button in self.buttons:
                self._layout.removeWidget(button)
                button.hide()  # at once: deleteLater waits for the event loop
                button.deleteLater()
            self.buttons = []
            for position in range(attempt.question_count):
                button = named(QPushButton(), f"navigator_button_{position}")
                button.setProperty("navigator", True)
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                button.clicked.connect(lambda _checked=False, chosen=position: self.chosen.emit(chosen))
                self._layout.addWidget(button)
                self.buttons.append(button)
        for question, button in zip(attempt.questions, self.buttons, strict=True):
            answered = question.response is not None
            button.setText(f"{question.position + 1}{' ⚑' if question.flagged else ''}")
            button.setChecked(question.position == current)
            if button.property("answered") != answered:
                button.setProperty("answered", answered)
                button.style().unpolish(button)
                button.style().polish(button)
            states = [self.tr("đã trả lời") if answered else self.tr("chưa trả lời")]
            if question.flagged:
                states.append(self.tr("đánh dấu xem lại"))
            if question.position == current:
                states.append(self.tr("đang xem"))
            description = self.tr("Câu {number}: {states}").format(
                number=question.position + 1, states=", ".join(states)
            )
            button.setToolTip(description)
            button.setAccessibleName(description)


class SubmitSummary(QWidget):
    """Before submitting, as Moodle does: what is unanswered or flagged, back to any question, or submit."""

    back_requested = Signal()
    submit_requested = Signal()
    question_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attempt: AttemptView | None = None
        self.heading = named(QLabel(), "summary_heading")
        set_role(self.heading, "heading")
        self.heading.setWordWrap(True)
        self.status = named(QLabel(), "summary_status")
        self.status.setWordWrap(True)
        self.unanswered = named(QLabel(), "summary_unanswered")
        self.unanswered.setWordWrap(True)
        set_role(self.unanswered, "bad")
        self.flagged = named(QLabel(), "summary_flagged")
        self.flagged.setWordWrap(True)
        self.navigator_hint = QLabel()
        self.navigator_hint.setWordWrap(True)
        set_role(self.navigator_hint, "hint")
        self.navigator = QuestionNavigator()
        self.navigator.setObjectName("summary_navigator")
        self.navigator.chosen.connect(self.question_chosen)
        self.back_button = named(QPushButton(), "summary_back")
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button = named(QPushButton(), "summary_submit")
        set_role(self.submit_button, "primary")
        self.submit_button.clicked.connect(self.submit_requested)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        for widget in (self.status, self.unanswered, self.flagged, self.navigator_hint, self.navigator):
            content_layout.addWidget(widget)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(flow_row(self.back_button, trailing=(self.submit_button,)))
        self.retranslate()

    def show_attempt(self, attempt: AttemptView) -> None:
        self.attempt = attempt
        self.navigator.show_attempt(attempt, None)
        self.retranslate()
        self.submit_button.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Xem lại bài làm trước khi nộp"))
        self.back_button.setText(self.tr("◀ Quay lại làm bài"))
        self.submit_button.setText(self.tr("Nộp bài"))
        self.navigator_hint.setText(self.tr("Bấm vào số câu để quay lại câu đó."))
        attempt = self.attempt
        if attempt is None:
            return
        self.status.setText(
            self.tr("Đồng chí đã trả lời {answered}/{total} câu.").format(
                answered=attempt.answered_count, total=attempt.question_count
            )
        )
        missing = unanswered_numbers(attempt)
        self.unanswered.setVisible(bool(missing))
        self.unanswered.setText(
            self.tr("Chưa trả lời ({count} câu): câu {numbers}.").format(
                count=len(missing), numbers=", ".join(str(number) for number in missing)
            )
        )
        flagged = flagged_numbers(attempt)
        self.flagged.setVisible(bool(flagged))
        self.flagged.setText(
            self.tr("Đánh dấu xem lại ({count} câu): câu {numbers}.").format(
                count=len(flagged), numbers=", ".join(str(number) for number in flagged)
            )
        )
