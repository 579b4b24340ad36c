"""A read-only table model over a list of frozen dataclasses, with columns given as (header, getter)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

RowType = TypeVar("RowType")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[RowType]):
    header: str
    text: Callable[[RowType], str]
    # Numbers are right-aligned, as in a printed table.
    numeric: bool = False
    # Optional value used to sort (defaults to the text).
    sort_key: Callable[[RowType], Any] | None = None


class RecordTableModel(QAbstractTableModel, Generic[RowType]):
    """Rows are plain dataclasses from the facade; the view never edits them in place."""

    def __init__(self, columns: Sequence[Column[RowType]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[RowType] = []

    def set_rows(self, rows: Sequence[RowType]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowType]:
        return list(self._rows)

    def row_at(self, row: int) -> RowType:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.text(row)
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return column.sort_key(row) if column.sort_key is not None else column.text(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None


def make_table_view(
    model: QAbstractTableModel, accessible_name: str, parent: QWidget | None = None, sortable: bool = True
) -> QTableView:
    """A whole-row, single-selection table; a header click sorts by the model's UserRole (numbers as numbers).

    Rows first appear in the facade's order (Vietnamese lists sort by the given name, which a plain text sort
    of the full name would break)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    if sortable:
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    return view


def selected_source_row(view: QTableView) -> int | None:
    """The model row selected in ``view`` (through its sort proxy), or None."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() is not None else []
    if not rows:
        return None
    proxy = view.model()
    index = rows[0]
    if isinstance(proxy, QSortFilterProxyModel):
        index = proxy.mapToSource(index)
    return index.row()
