"""The question form of the bank page: options typed one per line, right answers marked with a leading *."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from quiz.api.bank import TRUE_FALSE, QuestionEdit, QuestionInfo
from quiz.api.documents import SectionInfo
from quiz.api.enums import QuestionType

RIGHT_MARK = "*"
PAIR_SEPARATOR = "="


class QuestionEditor(QWidget):
    """Turns the typed text into the fields ``bank.update``/``bank.add`` take (the core validates them)."""

    def __init__(self, type_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = QComboBox(self)
        self.type.setObjectName("question_type")
        self.type.setAccessibleName(self.tr("Loại câu hỏi"))
        for kind, name in type_names.items():
            self.type.addItem(name, kind)
        self.type.currentIndexChanged.connect(lambda _index: self._update_hint())
        self.section = QComboBox(self)
        self.section.setObjectName("question_section")
        # Section titles can be a whole sentence: the combo may shrink; the open list shows them in full.
        for combo in (self.type, self.section):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.section.setAccessibleName(self.tr("Mục của văn bản"))
        self.prompt = self._text_box("question_prompt", self.tr("Nội dung câu hỏi"), 52)
        self.options = self._text_box("question_options", self.tr("Phương án hoặc đáp án, mỗi dòng một"), 80)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.explanation = self._text_box("question_explanation", self.tr("Giải thích"), 40)
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(self.tr("&Loại:"), self.type)
        layout.addRow(self.tr("&Mục:"), self.section)
        layout.addRow(self.tr("&Câu hỏi:"), self.prompt)
        layout.addRow(self.tr("&Phương án:"), self.options)
        layout.addRow("", self.hint)
        layout.addRow(self.tr("&Giải thích:"), self.explanation)
        self._update_hint()

    def _text_box(self, object_name: str, accessible_name: str, height: int) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setObjectName(object_name)
        box.setAccessibleName(accessible_name)
        box.setTabChangesFocus(True)  # Tab moves on, as in every other field
        box.setMinimumHeight(height)
        return box

    def set_sections(self, sections: list[SectionInfo]) -> None:
        self.section.clear()
        self.section.addItem(self.tr("(không gắn với mục nào)"), None)
        for section in sections:
            self.section.addItem("  " * max(section.level - 1, 0) + section.title, section.id)

    def kind(self) -> str:
        return str(self.type.currentData())

    def _update_hint(self) -> None:
        hints = {
            "single": self.tr("Mỗi dòng một phương án; đánh dấu * ở đầu dòng đáp án đúng."),
            "multi": self.tr("Mỗi dòng một phương án; đánh dấu * ở đầu mọi dòng đáp án đúng."),
            "truefalse": self.tr("Hai dòng “Đúng” và “Sai”; đánh dấu * ở dòng đúng."),
            "cloze": self.tr("Mỗi dòng một cách điền được chấp nhận."),
            "matching": self.tr("Mỗi dòng một cặp: vế trái = vế phải."),
        }
        self.hint.setText(hints.get(self.kind(), ""))
        if self.kind() == "truefalse" and not self.options.toPlainText().strip():
            self.options.setPlainText(f"{RIGHT_MARK}{TRUE_FALSE[0]}\n{TRUE_FALSE[1]}")

    def show_question(self, question: QuestionInfo) -> None:
        self.type.setCurrentIndex(max(self.type.findData(question.type), 0))
        index = self.section.findData(question.section_id) if question.section_id else 0
        self.section.setCurrentIndex(max(index, 0))
        self.prompt.setPlainText(question.prompt)
        if question.type == "cloze":
            lines = list(question.answers)
        elif question.type == "matching":
            lines = [f"{left} {PAIR_SEPARATOR} {right}" for left, right in question.pairs]
        else:
            lines = [
                (RIGHT_MARK if index in question.correct else "") + choice
                for index, choice in enumerate(question.choices)
            ]
        self.options.setPlainText("\n".join(lines))
        self.explanation.setPlainText(question.explanation)

    def clear(self) -> None:
        for box in (self.prompt, self.options, self.explanation):
            box.clear()
        self._update_hint()

    def edit(self) -> QuestionEdit:
        """The whole form as an edit (``bank.update``) or a new question (``bank.add_question``)."""
        kind = self.kind()
        lines = [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]
        section_id = self.section.currentData()
        choices: tuple[str, ...] = ()
        correct: tuple[int, ...] = ()
        answers: tuple[str, ...] = ()
        pairs: tuple[tuple[str, str], ...] = ()
        if kind == "cloze":
            answers = tuple(lines)
        elif kind == "matching":
            halves = [line.split(PAIR_SEPARATOR, 1) for line in lines if PAIR_SEPARATOR in line]
            pairs = tuple((left.strip(), right.strip()) for left, right in halves)
        else:
            choices = tuple(line.removeprefix(RIGHT_MARK).strip() for line in lines)
            correct = tuple(index for index, line in enumerate(lines) if line.startswith(RIGHT_MARK))
        return QuestionEdit(
            type=QuestionType(kind),
            prompt=self.prompt.toPlainText().strip(),
            choices=choices,
            correct=correct,
            answers=answers,
            pairs=pairs,
            explanation=self.explanation.toPlainText().strip(),
            section_id=section_id,
            clear_section=section_id is None,
        )
