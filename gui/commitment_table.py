"""The commitment table: add, remove and reorder rows, and pick rows from the document's suggestions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.flow_layout import flow_row
from gui.style import named
from quiz.api.pledges import Commitment, CommitmentSuggestion

CATEGORY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 4


class CommitmentTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.table = named(QTableWidget(0, COLUMNS), "commitment_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(220)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = named(QPushButton(), "add_row")
        self.add_button.clicked.connect(lambda: self.add_row(Commitment("")))
        self.remove_button = named(QPushButton(), "remove_row")
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = named(QPushButton(), "row_up")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = named(QPushButton(), "row_down")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.suggestions_label = QLabel()
        self.suggestions_label.setWordWrap(True)
        self.suggestions = named(QListWidget(), "suggestions")
        self.suggestions.setWordWrap(True)
        self.suggestions.setMaximumHeight(200)
        self.suggestions.itemActivated.connect(self._pick)
        self.suggestions_label.setBuddy(self.suggestions)
        self.pick_button = named(QPushButton(), "pick_suggestion")
        self.pick_button.clicked.connect(lambda: self._pick(self.suggestions.currentItem()))
        row = flow_row(self.add_button, self.remove_button, self.up_button, self.down_button)
        pick_row = flow_row(self.pick_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions)
        layout.addLayout(pick_row)
        self.retranslate()

    def set_commitments(self, commitments: tuple[Commitment, ...], suggestions: list[CommitmentSuggestion]) -> None:
        """Show the saved commitments and the document's suggestions (both read by the editor off the UI thread)."""
        self._loading = True
        self.table.setRowCount(0)
        for commitment in commitments:
            self._insert(self.table.rowCount(), commitment)
        self._loading = False
        self.suggestions.clear()
        for suggestion in suggestions:
            item = QListWidgetItem(suggestion.content)
            item.setToolTip(suggestion.source_sentence)
            self.suggestions.addItem(item)
        self.suggestions_label.setVisible(bool(suggestions))
        self.suggestions.setVisible(bool(suggestions))
        self.pick_button.setVisible(bool(suggestions))

    def commitments(self) -> list[Commitment]:
        rows = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, column) for column in range(COLUMNS)]
            first = self.table.item(row, 0)
            category = str(first.data(CATEGORY_ROLE) or "") if first is not None else ""
            rows.append(Commitment(texts[0], texts[1], texts[2], texts[3], category))
        return rows

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _insert(self, row: int, commitment: Commitment) -> None:
        self.table.insertRow(row)
        values = (commitment.content, commitment.measures, commitment.due_text, commitment.note)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 0:
                item.setData(CATEGORY_ROLE, commitment.category)
            self.table.setItem(row, column, item)
        self.table.resizeRowToContents(row)

    def add_row(self, commitment: Commitment) -> None:
        row = self.table.rowCount()
        self._loading = True
        self._insert(row, commitment)
        self._loading = False
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
            self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.commitments()
        rows[row], rows[target] = rows[target], rows[row]
        self._loading = True
        self.table.setRowCount(0)
        for commitment in rows:
            self._insert(self.table.rowCount(), commitment)
        self._loading = False
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is not None and self.add_button.isEnabled():
            self.add_row(Commitment(item.text()))

    def set_locked(self, locked: bool) -> None:
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            triggers.NoEditTriggers
            if locked
            else (triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed | triggers.SelectedClicked)
        )
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button, self.pick_button):
            button.setEnabled(not locked)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading:
            self.table.resizeRowToContents(item.row())
            self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nội dung việc làm đăng ký"),
                self.tr("Biện pháp thực hiện"),
                self.tr("Thời gian hoàn thành"),
                self.tr("Ghi chú"),
            ]
        )
        self.table.setAccessibleName(self.tr("Bảng đăng ký cam kết (F2 để sửa ô)"))
        self.add_button.setText(self.tr("Thêm dòng"))
        self.remove_button.setText(self.tr("Xoá dòng"))
        self.up_button.setText(self.tr("Lên ▲"))
        self.up_button.setAccessibleName(self.tr("Chuyển dòng lên"))
        self.down_button.setText(self.tr("Xuống ▼"))
        self.down_button.setAccessibleName(self.tr("Chuyển dòng xuống"))
        self.suggestions_label.setText(
            self.tr(
                '&Gợi ý từ văn bản (chọn rồi bấm "Thêm gợi ý vào bảng", sau đó sửa '
                "lại cho phù hợp với công việc của mình):"
            )
        )
        self.suggestions.setAccessibleName(self.tr("Gợi ý việc làm"))
        self.pick_button.setText(self.tr("Thêm gợi ý vào bảng"))
