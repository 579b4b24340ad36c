"""The sections of an imported document as a tree, with rename and merge-with-next for the admin."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from gui.admin.common import make_button
from gui.flow_layout import FlowLayout
from quiz.api.documents import SectionInfo

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole


class SectionEditor(QWidget):
    """Emits ``rename_requested(section_id, title)`` and ``merge_requested(section_id)``; the page calls the core."""

    rename_requested = Signal(str, str)
    merge_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[SectionInfo] = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("section_tree")
        self.tree.setAccessibleName(self.tr("Các mục của văn bản"))
        self.tree.setHeaderLabels([self.tr("Tên mục"), self.tr("Độ dài (ký tự)")])
        self.tree.currentItemChanged.connect(lambda _current, _previous: self._section_chosen())
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("section_title")
        self.title_edit.setAccessibleName(self.tr("Tên mới của mục đang chọn"))
        self.title_edit.returnPressed.connect(self._request_rename)
        self.rename_button = make_button(self.tr("Đổi tên mục"), "rename_section", self)
        self.merge_button = make_button(self.tr("Gộp với mục sau"), "merge_section", self)
        self.rename_button.clicked.connect(self._request_rename)
        self.merge_button.clicked.connect(self._request_merge)
        buttons = FlowLayout().add_widgets(self.rename_button, self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.title_edit)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_sections(self, sections: list[SectionInfo], keep: str | None = None) -> None:
        """Show ``sections`` nested by their parents; re-select ``keep`` (or the current one) when present."""
        keep = keep or self.selected_section_id()
        self.sections = sections
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for section in sections:
            item = QTreeWidgetItem([section.title, f"{len(section.text):,}".replace(",", ".")])
            item.setData(0, SECTION_ID_ROLE, section.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent = items.get(section.parent_position) if section.parent_position is not None else None
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[section.position] = item
            if section.id == keep:
                self.tree.setCurrentItem(item)
        # Flat lists need no expand arrows (and no indent that would look like one).
        self.tree.setRootIsDecorated(any(section.parent_position is not None for section in sections))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._section_chosen()

    def titles(self) -> list[str]:
        return [section.title for section in self.sections]

    def selected_section_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, SECTION_ID_ROLE)) if item is not None else None

    def select_section(self, section_id: str) -> None:
        self._walk(lambda item: self.tree.setCurrentItem(item) if item.data(0, SECTION_ID_ROLE) == section_id else None)

    def _walk(self, visit: Callable[[QTreeWidgetItem], object]) -> None:
        pending = [self.tree.topLevelItem(index) for index in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            if item is None:
                continue
            visit(item)
            pending.extend(item.child(index) for index in range(item.childCount()))

    def _section_chosen(self) -> None:
        chosen = self.selected_section_id()
        section = next((section for section in self.sections if section.id == chosen), None)
        self.title_edit.setText(section.title if section is not None else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_section_id() is not None
        for widget in (self.title_edit, self.rename_button, self.merge_button):
            widget.setEnabled(chosen)

    def _request_rename(self) -> None:
        chosen = self.selected_section_id()
        if chosen is not None:
            self.rename_requested.emit(chosen, self.title_edit.text())

    def _request_merge(self) -> None:
        chosen = self.selected_section_id()
        if chosen is not None:
            self.merge_requested.emit(chosen)
