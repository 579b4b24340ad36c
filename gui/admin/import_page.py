"""Import a document on the worker thread, then review what the importer removed and the sections it found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.admin.common import AdminPage, make_button
from gui.admin.document_picker import DocumentPicker
from gui.admin.section_editor import SectionEditor
from gui.admin.work import CancelGate, PageTask
from gui.tasks import TaskControl, TaskRunner
from quiz.api.changes import Area
from quiz.api.documents import PARSED_FRACTION, SUPPORTED_EXTENSIONS, DocumentInfo, SectionInfo

if TYPE_CHECKING:
    from quiz.service import Service


def import_progress(gate: CancelGate, control: TaskControl, fraction: float) -> None:
    """The core's progress callback, on the worker: stop while still reading, else commit to finishing."""
    if fraction >= PARSED_FRACTION:
        gate.commit()
    else:
        gate.check()
    control.report(round(fraction * 100), 100, "")


class ImportPage(AdminPage):
    shown_areas = frozenset({Area.DOCUMENTS})

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Nhập văn bản nghị quyết"))
        self.import_button = make_button(self.tr("&Nhập văn bản từ tệp…"), "import_file", self)
        self.import_button.clicked.connect(self.start_import_from_chooser)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.progress.setAccessibleName(self.tr("Tiến độ nhập văn bản"))
        self.progress.setRange(0, 100)
        self.cancel_button = make_button(self.tr("Dừng"), "cancel_import", self)
        self.cancel_button.clicked.connect(self.cancel_import)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        top.addStretch(0)
        self.page_layout.addLayout(top)
        hint = QLabel(
            self.tr("Nhận tệp .txt, .docx, .pdf có chữ và trang web đã lưu (.html); không nhận bản quét ảnh."), self
        )
        hint.setWordWrap(True)
        self.page_layout.addWidget(hint)
        self.document_picker = DocumentPicker(self)
        self.document_picker.document_changed.connect(lambda _document_id: self.show_document())
        self.delete_button = make_button(self.tr("Xoá văn bản"), "delete_document", self)
        self.delete_button.clicked.connect(self.delete_document)
        picker_row = QHBoxLayout()
        picker_label = QLabel(self.tr("&Văn bản đã nhập:"), self)
        picker_label.setBuddy(self.document_picker)
        picker_row.addWidget(picker_label)
        picker_row.addWidget(self.document_picker, 1)
        picker_row.addWidget(self.delete_button)
        self.page_layout.addLayout(picker_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_sections_box())
        splitter.addWidget(self._build_removed_box())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.page_layout.addWidget(splitter, 1)
        self.work = PageTask(self)
        self.work.state_changed.connect(lambda: self._set_busy(self.work.busy))
        self._set_busy(False)

    def title(self) -> str:
        return self.tr("Nhập văn bản")

    def _build_sections_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Các mục (đề mục) tìm thấy"), self)
        self.section_editor = SectionEditor(box)
        self.section_editor.rename_requested.connect(self.rename_section)
        self.section_editor.merge_requested.connect(self.merge_section)
        layout = QVBoxLayout(box)
        layout.addWidget(self.section_editor)
        return box

    def _build_removed_box(self) -> QGroupBox:
        # A short title: a group box is never narrower than its title, and the two boxes share one row.
        box = QGroupBox(self.tr("Các dòng đã loại bỏ"), self)
        box.setToolTip(self.tr("Số trang, đầu trang, chân trang… mà chương trình đã bỏ khi nhập."))
        self.removed_table = QTableWidget(0, 2, box)
        self.removed_table.setObjectName("removed_lines")
        self.removed_table.setAccessibleName(self.tr("Các dòng đã loại bỏ khi nhập"))
        self.removed_table.setHorizontalHeaderLabels([self.tr("Dòng"), self.tr("Lý do")])
        self.removed_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.removed_table.setTabKeyNavigation(False)
        self.removed_table.verticalHeader().setVisible(False)
        self.removed_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.removed_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(box)
        layout.addWidget(self.removed_table)
        return box

    # Import on the worker ------------------------------------------------------------------------------------

    def choose_file(self, on_chosen: Callable[[Path], None]) -> None:
        """Ask for a file without blocking (tests replace this method and call ``on_chosen`` directly)."""
        patterns = " ".join(f"*{extension}" for extension in sorted(SUPPORTED_EXTENSIONS))
        dialogs.choose_open_file(
            self,
            self.tr("Chọn văn bản nghị quyết"),
            self.tr("Văn bản ({0})").format(patterns),
            lambda path: on_chosen(Path(path)),
        )

    def start_import_from_chooser(self) -> None:
        self.choose_file(self.start_import)

    def start_import(self, path: Path) -> None:
        if self.work.busy:
            return
        self.show_message(self.tr("Đang đọc {0}…").format(path.name))
        self.progress.setValue(0)
        documents = self.service.documents

        def work(control: TaskControl, gate: CancelGate) -> DocumentInfo:
            return documents.import_file(path, lambda fraction: import_progress(gate, control, fraction))

        self.work.run(
            work,
            self._import_finished,
            text=self.tr("Đang nhập văn bản…"),
            cancellable=True,
            cancelled_text=self.tr("Đã dừng nhập văn bản; dữ liệu không thay đổi."),
            on_progress=lambda done, _total: self.progress.setValue(done),
        )

    def cancel_import(self) -> None:
        self.work.cancel(self.tr("Văn bản đang được lưu, không dừng được nữa; xin chờ giây lát."))

    def is_busy(self) -> bool:
        return self.work.busy

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        self.delete_button.setEnabled(not busy and self.document_picker.document_id() is not None)

    def _import_finished(self, info: DocumentInfo) -> None:
        self.show_message(
            self.tr("Đã nhập «{0}»: {1} mục. Hãy xem lại các mục và các dòng đã loại bỏ bên dưới.").format(
                info.title, info.section_count
            )
        )
        self.document_picker.reload(self.service, info.id)

    # The chosen document -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.document_picker.reload(self.service)

    def show_document(self, keep_section: str | None = None) -> None:
        """The chosen document's sections and removed lines, read off the UI thread (``keep_section`` stays chosen)."""
        document_id = self.document_picker.document_id()
        self.delete_button.setEnabled(document_id is not None and not self.work.busy)
        documents = self.service.documents

        def read() -> tuple[list[SectionInfo], list[tuple[str, str]]]:
            if document_id is None:  # still queued, so an older document's load cannot land after it
                return [], []
            removed = [(line.line, line.reason) for line in documents.removed_lines(document_id)]
            return documents.sections(document_id), removed

        self.load(read, lambda loaded: self._show_loaded(loaded, keep_section))

    def _show_loaded(self, loaded: tuple[list[SectionInfo], list[tuple[str, str]]], keep_section: str | None) -> None:
        sections, removed = loaded
        self.section_editor.set_sections(sections, keep_section)
        self.removed_table.setRowCount(len(removed))
        for row, (line, reason) in enumerate(removed):
            self.removed_table.setItem(row, 0, QTableWidgetItem(line))
            self.removed_table.setItem(row, 1, QTableWidgetItem(reason))

    def removed_lines_shown(self) -> list[str]:
        return [self._cell(row) for row in range(self.removed_table.rowCount())]

    def _cell(self, row: int) -> str:
        item = self.removed_table.item(row, 0)
        return item.text() if item is not None else ""

    def rename_section(self, section_id: str, title: str) -> None:
        documents = self.service.documents
        self.change(
            lambda: documents.rename_section(section_id, title),
            lambda _result: self.show_document(section_id),
            self.tr("Đã đổi tên mục."),
        )

    def merge_section(self, section_id: str) -> None:
        message, documents = self.tr("Đã gộp mục với mục sau."), self.service.documents
        self.change(
            lambda: documents.merge_with_next(section_id), lambda _result: self.show_document(section_id), message
        )

    def delete_document(self) -> None:
        document_id = self.document_picker.document_id()
        if document_id is None:
            return
        question = self.tr("Xoá văn bản «{0}» cùng câu hỏi và bài làm gắn với nó?").format(
            self.document_picker.currentText()
        )
        dialogs.ask(self, self.tr("Xoá văn bản"), question, lambda yes: self._delete_confirmed(document_id, yes))

    def _delete_confirmed(self, document_id: str, confirmed: bool) -> None:
        if confirmed:
            documents = self.service.documents
            self.change(
                lambda: documents.delete(document_id),
                lambda _result: self.document_picker.reload(self.service),
                self.tr("Đã xoá văn bản."),
                busy=[self.delete_button],
            )
