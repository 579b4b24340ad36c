"""The question bank as a table model: one row per question with its item statistics; the "Dùng" box toggles it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from quiz.api.analysis import ItemStatistics
from quiz.api.bank import QuestionInfo
from quiz.formatting import format_number, format_percent

AnyIndex = QModelIndex | QPersistentModelIndex
ENABLED_COLUMN = 0
# Content (targets, tasks, deadlines) weighs more than logistics; exam draws prefer the heavier questions.
WEIGHT_COLUMN = 9


@dataclass(frozen=True)
class BankRow:
    question: QuestionInfo
    statistics: ItemStatistics | None
    section_title: str


class BankTableModel(QAbstractTableModel):
    """Read-only except the first column's check box, which asks ``on_toggle`` (the page calls the facade)."""

    def __init__(
        self,
        type_names: dict[str, str],
        on_toggle: Callable[[str, bool], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._type_names = type_names
        self._on_toggle = on_toggle
        self._rows: list[BankRow] = []
        self._headers = [
            self.tr("Dùng"),
            self.tr("Loại"),
            self.tr("Câu hỏi"),
            self.tr("Mục"),
            self.tr("Số lần hỏi"),
            self.tr("Tỉ lệ đúng"),
            self.tr("Độ phân biệt"),
            self.tr("Cảnh báo"),
            self.tr("Nguồn"),
            self.tr("Trọng số"),
        ]
        # Plain-words explanations of the statistics columns, shown when the pointer rests on the header.
        self._header_tips = {
            self.tr("Số lần hỏi"): self.tr("Số lần câu này đã có trong các bài kiểm tra đã nộp."),
            self.tr("Tỉ lệ đúng"): self.tr("Phần trăm số lần đảng viên trả lời đúng câu này."),
            self.tr("Độ phân biệt"): self.tr(
                "Câu tốt thì người làm bài tốt trả lời đúng nhiều hơn người làm bài kém; số gần 0 hoặc âm là câu"
                " cần xem lại."
            ),
            self.tr("Cảnh báo"): self.tr("Lý do thống kê cho thấy câu này có thể quá dễ, quá khó hoặc gây hiểu nhầm."),
        }

    def set_rows(self, rows: list[BankRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[BankRow]:
        return list(self._rows)

    def row_at(self, row: int) -> BankRow:
        return self._rows[row]

    def row_of(self, question_id: str) -> int | None:
        return next((index for index, row in enumerate(self._rows) if row.question.id == question_id), None)

    def replace_question(self, question: QuestionInfo) -> None:
        """Show an edited question in place (keeps the selection and the scroll position)."""
        index = self.row_of(question.id)
        if index is None:
            return
        old = self._rows[index]
        self._rows[index] = BankRow(question, old.statistics, old.section_title)
        self.dataChanged.emit(self.index(index, 0), self.index(index, self.columnCount() - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self._header_tips.get(self._headers[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == ENABLED_COLUMN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == ENABLED_COLUMN:
            return Qt.CheckState.Checked if row.question.enabled else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 7):
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5, 6, WEIGHT_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != ENABLED_COLUMN or role != Qt.ItemDataRole.CheckStateRole:
            return False
        enabled = Qt.CheckState(value) == Qt.CheckState.Checked
        return self._on_toggle(self._rows[index.row()].question.id, enabled)

    def _text(self, row: BankRow, column: int, accessible: bool) -> str:
        question, statistics = row.question, row.statistics
        if column == ENABLED_COLUMN:
            return (self.tr("đang dùng") if question.enabled else self.tr("đã tắt")) if accessible else ""
        if column == 1:
            return self._type_names.get(question.type, question.type)
        if column == 2:
            return " ".join(question.prompt.split())
        if column == 3:
            return row.section_title
        if column == WEIGHT_COLUMN:
            return format_number(question.weight, 1)
        if statistics is None:
            return ""
        if column == 4:
            return format_number(statistics.times_asked)
        if column == 5:
            return format_percent(100 * statistics.facility, 0)
        if column == 6:
            return format_number(statistics.discrimination, 2) if statistics.discrimination is not None else ""
        if column == 7:
            return "; ".join(label.split(" (")[0] for label in statistics.flag_labels)
        return self._origin(question)

    def _origin(self, question: QuestionInfo) -> str:
        origin = {"generated": self.tr("tự sinh"), "admin": self.tr("quản trị thêm"), "imported": self.tr("nhập GIFT")}
        text = origin.get(question.origin, question.origin)
        return text + (self.tr(", đã sửa") if question.edited and question.origin == "generated" else "")

    def _tooltip(self, row: BankRow, column: int) -> str | None:
        if column == 2:
            return row.question.prompt
        if row.statistics is not None and row.statistics.flags:
            return "\n".join(row.statistics.flag_labels)
        return None

    def _sort_key(self, row: BankRow, column: int) -> Any:
        statistics = row.statistics
        if column == ENABLED_COLUMN:
            return int(row.question.enabled)
        if column == 4:
            return statistics.times_asked if statistics else -1
        if column == 5:
            return statistics.facility if statistics else -1.0
        if column == 6:
            return statistics.discrimination if statistics and statistics.discrimination is not None else -2.0
        if column == WEIGHT_COLUMN:
            return row.question.weight
        return self._text(row, column, False)
