"""One question on screen: big radio/check buttons, a typed answer, or matching drop-downs; emits responses."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.style import named, set_role
from quiz.api.answers import Answer, ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer
from quiz.api.attempts import AnswerFeedback, AttemptQuestion

LETTERS = "ABCDEFGH"
CHOICE_KEYS = {
    **{getattr(Qt.Key, f"Key_{number}"): number - 1 for number in range(1, 9)},
    **{getattr(Qt.Key, f"Key_{letter}"): index for index, letter in enumerate(LETTERS)},
}


class QuestionWidget(QWidget):
    """Shows ``question``; ``response_changed(Answer)`` fires when the member answers or changes the answer."""

    response_changed = Signal(object)
    show_source_requested = Signal(object)  # the AnswerFeedback whose sentence to show

    def __init__(self, question: AttemptQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._loading = False
        self.prompt = named(QLabel(question.prompt), "question_prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.prompt, "question")
        self.hint = QLabel()
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        self.feedback_label = named(QLabel(), "feedback_label")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback_label.hide()
        self.source_button = named(QPushButton(), "feedback_source_button")
        self.source_button.hide()
        self._feedback: AnswerFeedback | None = None
        self.source_button.clicked.connect(lambda: self.show_source_requested.emit(self._feedback))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.hint)
        self.buttons: list[QAbstractButton] = []
        self.group: QButtonGroup | None = None
        self.text_edit: QLineEdit | None = None
        self.combos: list[QComboBox] = []
        self._text_timer = QTimer(self, singleShot=True, interval=700)
        self._text_timer.timeout.connect(self._emit_text)
        if question.type in ("single", "truefalse", "multi"):
            self._build_choices(layout, exclusive=question.type != "multi")
        elif question.type == "cloze":
            self._build_cloze(layout)
        else:
            self._build_matching(layout)
        layout.addWidget(self.feedback_label)
        layout.addWidget(self.source_button)
        layout.addStretch(1)
        self.retranslate()
        self.set_response(question.response)
        if question.feedback is not None:
            self.show_feedback(question.feedback)

    # Building ----------------------------------------------------------------------------------------------

    def _build_choices(self, layout: QVBoxLayout, exclusive: bool) -> None:
        self.group = QButtonGroup(self)
        self.group.setExclusive(exclusive)
        self.option_labels: list[QLabel] = []
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for index, option in enumerate(self.question.options):
            letter = LETTERS[index] if index < len(LETTERS) else str(index + 1)
            # The button carries the letter; the option's text is a word-wrapping label beside it (a radio
            # button's own text never wraps, and a long option would run off a 1024 px screen).
            button: QAbstractButton = QRadioButton() if exclusive else QCheckBox()
            button.setText(f"{letter}.")
            button.setObjectName(f"option_{index}")
            button.setAccessibleName(f"{letter}. {option}")
            label = named(OptionLabel(option, button), f"option_text_{index}")
            self.group.addButton(button, index)
            self.buttons.append(button)
            self.option_labels.append(label)
            grid.addWidget(button, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, index, 1)
        layout.addLayout(grid)
        self.group.idToggled.connect(self._choice_toggled)

    def _build_cloze(self, layout: QVBoxLayout) -> None:
        self.text_edit = named(QLineEdit(), "cloze_answer")
        self.text_edit.textEdited.connect(lambda _text: self._text_timer.start())
        self.text_edit.editingFinished.connect(self._emit_text)
        layout.addWidget(self.text_edit)

    def _build_matching(self, layout: QVBoxLayout) -> None:
        grid = QGridLayout()
        for row, left in enumerate(self.question.left_items):
            label = QLabel(left)
            label.setWordWrap(True)
            combo = named(QComboBox(), f"match_{row}")
            # Long options must not widen the window: the box shrinks, its list still shows them whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.addItem("—", None)
            for index, option in enumerate(self.question.options):
                combo.addItem(option, index)
            combo.setAccessibleName(left)
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _index: self._emit_pairs())
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.combos.append(combo)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

    # Responses ---------------------------------------------------------------------------------------------

    def set_response(self, response: Answer | None) -> None:
        """Show a saved answer without emitting it again."""
        self._loading = True
        try:
            if self.group is not None:
                chosen: set[int] = set()
                if isinstance(response, ChoicesAnswer):
                    chosen = set(response.choices)
                elif isinstance(response, ChoiceAnswer):
                    chosen = {response.choice}
                for index, button in enumerate(self.buttons):
                    button.setChecked(index in chosen)
            elif self.text_edit is not None:
                self.text_edit.setText(response.text if isinstance(response, TextAnswer) else "")
            else:
                pairs = response.pairs if isinstance(response, PairsAnswer) else (None,) * len(self.combos)
                for combo, chosen_index in zip(self.combos, pairs, strict=False):
                    combo.setCurrentIndex(0 if chosen_index is None else int(chosen_index) + 1)
        finally:
            self._loading = False

    def current_response(self) -> Answer | None:
        if self.group is not None:
            chosen = tuple(index for index, button in enumerate(self.buttons) if button.isChecked())
            if self.question.type == "multi":
                return ChoicesAnswer(chosen) if chosen else None
            return ChoiceAnswer(chosen[0]) if chosen else None
        if self.text_edit is not None:
            text = self.text_edit.text().strip()
            return TextAnswer(text) if text else None
        pairs = self._pairs()
        return PairsAnswer(pairs) if any(value is not None for value in pairs) else None

    def _pairs(self) -> tuple[int | None, ...]:
        return tuple(combo.currentData() for combo in self.combos)

    def choose(self, index: int) -> bool:
        """Pick (or for multi, toggle) option ``index`` as keys 1–4 / A–D do; False if there is none."""
        if self.group is None or not 0 <= index < len(self.buttons):
            return False
        button = self.buttons[index]
        button.setChecked(not button.isChecked() if self.question.type == "multi" else True)
        button.setFocus()
        return True

    def focus_answer(self) -> None:
        target: QWidget | None = None
        if self.buttons:
            checked = [button for button in self.buttons if button.isChecked()]
            target = checked[0] if checked else self.buttons[0]
        elif self.text_edit is not None:
            target = self.text_edit
        elif self.combos:
            target = self.combos[0]
        if target is not None:
            target.setFocus()

    def flush(self) -> None:
        """Save a typed answer that is still waiting for its debounce timer."""
        if self._text_timer.isActive():
            self._text_timer.stop()
            self._emit_text()

    def _choice_toggled(self, _index: int, checked: bool) -> None:
        if self._loading or (self.question.type != "multi" and not checked):
            return
        response = self.current_response()
        if response is not None:
            self.response_changed.emit(response)

    def _emit_text(self) -> None:
        if self._loading or self.text_edit is None:
            return
        self._text_timer.stop()
        response = self.current_response()
        if response is not None and response != self.question.response:
            self.response_changed.emit(response)

    def _emit_pairs(self) -> None:
        if not self._loading:
            self.response_changed.emit(PairsAnswer(self._pairs()))

    # Feedback (practice) -----------------------------------------------------------------------------------

    def show_feedback(self, feedback: AnswerFeedback) -> None:
        if not feedback.revealed:
            return
        self._feedback = feedback
        verdict = self.tr("Đúng!") if feedback.is_correct else self.tr("Chưa đúng.")
        lines = [verdict]
        if not feedback.is_correct and feedback.key_texts:
            lines.append(self.tr("Đáp án: {key}").format(key="; ".join(feedback.key_texts)))
        if feedback.explanation:
            lines.append(feedback.explanation)
        self.feedback_label.setText("\n".join(lines))
        set_role(self.feedback_label, "good" if feedback.is_correct else "bad")
        self.feedback_label.show()
        self.source_button.setVisible(feedback.sentence_end > feedback.sentence_start)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        hints = {
            "single": self.tr("Chọn một đáp án (phím 1–4 hoặc A–D)."),
            "truefalse": self.tr("Chọn Đúng hoặc Sai (phím 1 hoặc 2)."),
            "multi": self.tr("Chọn tất cả đáp án đúng (phím 1–4 hoặc A–D để chọn/bỏ)."),
            "cloze": self.tr("Gõ câu trả lời vào ô dưới đây (không cần dấu)."),
            "matching": self.tr("Ghép mỗi dòng bên trái với một mục ở danh sách bên phải."),
        }
        self.hint.setText(hints.get(self.question.type, ""))
        self.prompt.setAccessibleName(self.tr("Câu hỏi"))
        if self.text_edit is not None:
            self.text_edit.setAccessibleName(self.tr("Câu trả lời"))
            self.text_edit.setPlaceholderText(self.tr("Câu trả lời của đồng chí"))
        self.source_button.setText(self.tr("Xem trong văn bản"))


class OptionLabel(QLabel):
    """An option's text: wraps, and a click on it presses its button, as a click on a button's own text does."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(button)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.button.click()
            self.button.setFocus()
            return
        super().mouseReleaseEvent(event)
