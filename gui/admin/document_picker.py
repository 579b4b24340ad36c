"""A drop-down of the imported documents, shared by the pages that work on one document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from gui.operations import run_query
from quiz.errors import UserError

if TYPE_CHECKING:
    from quiz.api.documents import DocumentInfo
    from quiz.service import Service


def list_documents(service: Service) -> list[DocumentInfo]:
    """The imported documents, oldest first; a refusal reads as no documents (pages show their own errors)."""
    try:
        return service.documents.list_documents()
    except UserError:
        return []


class DocumentPicker(QComboBox):
    """Keeps the chosen document across reloads; ``document_changed`` carries its id ("" for none)."""

    document_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_picker")
        self.setAccessibleName(self.tr("Văn bản"))
        # Short enough to fit beside a label and a button at 20 pt; the full title is in the tooltip.
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.currentIndexChanged.connect(lambda _index: self._chosen())

    def reload(self, service: Service, select_id: str | None = None) -> None:
        """List the documents off the UI thread; ``document_changed`` follows once they are shown (the newest
        reload wins, and the choice made meanwhile, or ``select_id``, is kept)."""
        run_query(self, lambda: list_documents(service), lambda documents: self._show(documents, select_id), key="list")

    def _show(self, documents: list[DocumentInfo], select_id: str | None) -> None:
        chosen = select_id or self.document_id()
        self.blockSignals(True)
        self.clear()
        for document in documents:
            self.addItem(document.title, document.id)
        if not documents:
            self.addItem(self.tr("(chưa có văn bản nào — hãy nhập văn bản trước)"), None)
        index = self.findData(chosen) if chosen else -1
        # A new import is listed last; default to the newest document.
        self.setCurrentIndex(index if index >= 0 else self.count() - 1)
        self.blockSignals(False)
        self._chosen()

    def _chosen(self) -> None:
        self.setToolTip(self.currentText())
        self.document_changed.emit(self.document_id() or "")

    def document_id(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None
