"""Entering a paper's answers: one field per question that moves on by itself, then a review grid to save."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.admin.common import make_button
from quiz.api.answers import Answer, TextAnswer
from quiz.api.paper import PaperQuestion, PaperSheet
from quiz.api.paper_entry import BLANK, option_index, response_for, token_for
from quiz.errors import UserError
from quiz.text import fold_answer

Response = Answer | None
MAXIMUM_COLUMNS = 4


class AnswerField(QLineEdit):
    """A question's field: a key that makes a complete answer moves on; Backspace on an empty field goes back."""

    completed = Signal()
    back_requested = Signal()
    refused = Signal(str)

    def __init__(self, question: PaperQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"answer_{question.position + 1}")
        self.setAccessibleName(self.tr("Câu {0}").format(question.position + 1))
        if question.type != "cloze":
            self.setMaxLength(max(len(question.left_items), len(question.options), 1))
            self.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 8 + 24)

    def response(self) -> Response:
        return response_for(self.question, self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text().strip()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.completed.emit()
            return
        if key == Qt.Key.Key_Backspace and not self.text():
            self.back_requested.emit()
            return
        if self.question.type == "cloze" or not text or not text.isprintable():
            super().keyPressEvent(event)
            return
        key_text = text.upper()
        if self.question.type == "matching":
            if key_text != BLANK and option_index(key_text, len(self.question.options)) is None:
                self.refused.emit(self.tr("Câu ghép đôi: mỗi ý gõ một chữ cái có trong câu, hoặc - nếu bỏ trống."))
                return
            self.setText(self.text() + key_text)
            if len(self.text()) >= len(self.question.left_items):
                self.completed.emit()
            return
        try:
            response = response_for(self.question, key_text)
        except UserError as error:
            self.refused.emit(str(error))
            return
        token = token_for(self.question, response)
        if self.question.type == "multi":
            # A multiple choice takes several letters (a second press takes one back); Enter moves on.
            letters = self.text().replace(token, "") if token in self.text() else self.text() + token
            self.setText("".join(sorted(letters)))
            return
        self.setText(token)
        self.completed.emit()


class PaperEntry(QWidget):
    """Shows one paper's fields, then the review grid; ``save_requested`` carries responses and decisions."""

    save_requested = Signal(object, object)  # list of responses, {position: accepted} for typed answers
    message = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: PaperSheet | None = None
        self.fields: list[AnswerField] = []
        self.cells: list[tuple[QLabel, AnswerField, QLabel]] = []
        self.columns = 0
        self.heading = QLabel(self)
        self.heading.setObjectName("paper_entry_heading")
        self.heading.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.field_area = QScrollArea(self)
        self.field_area.setObjectName("paper_fields")
        self.field_area.setWidgetResizable(True)
        self.field_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.field_area.viewport().installEventFilter(self)
        self.review_button = make_button(self.tr("Xem lại trước khi lưu"), "paper_review", self)
        self.review_button.clicked.connect(self.show_review)
        fields_page = QWidget(self)
        fields_layout = QVBoxLayout(fields_page)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.field_area, 1)
        fields_layout.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignRight)
        self.grid = QTableWidget(0, 3, self)
        self.grid.setObjectName("paper_review_grid")
        self.grid.setAccessibleName(self.tr("Xem lại các câu trả lời đã nhập"))
        self.grid.setHorizontalHeaderLabels([self.tr("Câu"), self.tr("Đã nhập"), self.tr("Câu điền: chấp nhận?")])
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().hide()
        self.save_button = make_button(self.tr("&Lưu và chấm điểm"), "paper_save", self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.back_button = make_button(self.tr("&Sửa lại"), "paper_back", self)
        self.back_button.clicked.connect(lambda: self.show_fields(0))
        review_page = QWidget(self)
        review_layout = QVBoxLayout(review_page)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.grid, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        review_layout.addLayout(buttons)
        self.stack.addWidget(fields_page)
        self.stack.addWidget(review_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)

    def open(self, sheet: PaperSheet) -> None:
        """Show a fresh field per question of ``sheet`` and put the cursor in the first."""
        self.sheet = sheet
        self.heading.setText(
            self.tr("{name} — mã {code} — {count} câu").format(
                name=sheet.member_name, code=f"{sheet.code[:3]}-{sheet.code[3:]}", count=len(sheet.questions)
            )
        )
        holder = QWidget()
        self.fields = []
        self.cells = []
        for index, question in enumerate(sheet.questions):
            field = AnswerField(question, holder)
            label = QLabel(self.tr("Câu {0}").format(question.position + 1), holder)
            label.setBuddy(field)
            self.cells.append((label, field, QLabel(self._hint(question), holder)))
            field.completed.connect(lambda position=index: self.show_fields(position + 1))
            field.back_requested.connect(lambda position=index: self.show_fields(max(0, position - 1)))
            field.refused.connect(self.message)
            self.fields.append(field)
        self.columns = 0
        self.field_area.setWidget(holder)
        self.arrange()
        self.show_fields(0)

    def arrange(self) -> None:
        """As many columns of fields as the width takes (more of the paper in view), numbered down each column."""
        holder = self.field_area.widget()
        if not self.cells or holder is None:
            return
        spacing = 3 * 8 + 24
        widest = max(sum(widget.sizeHint().width() for widget in cell) + spacing for cell in self.cells)
        columns = max(1, min(MAXIMUM_COLUMNS, self.field_area.viewport().width() // widest))
        if columns == self.columns:
            return
        self.columns = columns
        grid = QGridLayout()
        rows = -(-len(self.cells) // columns)
        for index, cell in enumerate(self.cells):
            for offset, widget in enumerate(cell):
                grid.addWidget(widget, index % rows, index // rows * 3 + offset)
        for column in range(columns):
            grid.setColumnStretch(column * 3 + 2, 1)
        grid.setRowStretch(rows, 1)
        # A widget keeps one layout for life: the old one goes with a throw-away widget.
        old = holder.layout()
        if old is not None:
            QWidget().setLayout(old)
        holder.setLayout(grid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The fields' viewport changed size (window resized, font changed): re-count the columns.
        if watched is self.field_area.viewport() and event.type() == QEvent.Type.Resize:
            self.arrange()
        return False

    def _hint(self, question: PaperQuestion) -> str:
        if question.type == "cloze":
            return self.tr("câu điền, Enter")
        if question.type == "truefalse":
            return self.tr("Đ (D) / S")
        if question.type == "matching":
            return self.tr("{0} chữ cái").format(len(question.left_items))
        last = "ABCDEFGHIJ"[len(question.options) - 1]
        return f"A–{last}" + (self.tr(" (nhiều), Enter") if question.type == "multi" else "")

    def show_fields(self, position: int) -> None:
        """Go to the field at ``position``; past the last one, to the review grid."""
        if position >= len(self.fields):
            self.show_review()
            return
        self.stack.setCurrentIndex(0)
        field = self.fields[position]
        field.setFocus()
        field.selectAll()
        self.field_area.ensureWidgetVisible(field)

    def close_paper(self) -> None:
        """Clear the fields after saving, ready for the next paper."""
        self.sheet = None
        self.fields = []
        self.cells = []
        self.heading.clear()
        self.field_area.setWidget(QWidget())
        self.grid.setRowCount(0)
        self.stack.setCurrentIndex(0)

    def responses(self) -> list[Response]:
        return [field.response() for field in self.fields]

    def show_review(self) -> None:
        """The grid of what was entered; typed answers beside the accepted ones, ticked when they match."""
        try:
            responses = self.responses()
        except UserError as error:
            self.message.emit(str(error))
            return
        self.grid.setRowCount(len(self.fields))
        for row, (field, response) in enumerate(zip(self.fields, responses, strict=True)):
            question = field.question
            self.grid.setItem(row, 0, QTableWidgetItem(str(question.position + 1)))
            self.grid.setItem(row, 1, QTableWidgetItem(token_for(question, response)))
            decision = QTableWidgetItem("")
            decision.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if isinstance(response, TextAnswer):
                typed = fold_answer(response.text)
                matches = typed in {fold_answer(answer) for answer in question.accepted_answers}
                decision.setText(self.tr("Đáp án: {0}").format(" / ".join(question.accepted_answers)))
                decision.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                decision.setCheckState(Qt.CheckState.Checked if matches else Qt.CheckState.Unchecked)
            self.grid.setItem(row, 2, decision)
        self.grid.resizeColumnsToContents()
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.stack.setCurrentIndex(1)
        self.save_button.setFocus()

    def decisions(self) -> dict[int, bool]:
        found = {}
        for row, field in enumerate(self.fields):
            item = self.grid.item(row, 2)
            if field.question.type == "cloze" and item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                found[field.question.position] = item.checkState() == Qt.CheckState.Checked
        return found

    def save(self) -> None:
        try:
            responses = self.responses()
        except UserError as error:
            self.message.emit(str(error))
            return
        self.save_requested.emit(responses, self.decisions())
