"""The question bank browser: filter by section, type and flag; edit, disable, add; item statistics; GIFT."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.admin.bank_model import BankRow, BankTableModel
from gui.admin.common import AdminPage, make_button, vertical_scroll
from gui.admin.document_picker import DocumentPicker
from gui.admin.question_editor import QuestionEditor
from gui.admin.quiz_settings_page import type_names
from gui.flow_layout import FlowLayout
from quiz.api.analysis import ItemStatistics
from quiz.api.bank import QuestionInfo
from quiz.api.changes import Area
from quiz.api.documents import SectionInfo
from quiz.text import fold

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service

FLAG_FILTERS = ("all", "enabled", "disabled", "flagged", "admin")


class BankPage(AdminPage):
    shown_areas = frozenset({Area.DOCUMENTS, Area.QUESTIONS})

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Ngân hàng câu hỏi"))
        self.type_names = type_names(self)
        self.sections: list[SectionInfo] = []
        self.statistics: dict[str, ItemStatistics] = {}
        self.page_layout.addLayout(self._build_top_row())
        self.model = BankTableModel(self.type_names, self.toggle_question, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView(self)
        self.table.setObjectName("question_table")
        self.table.setAccessibleName(self.tr("Danh sách câu hỏi"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().selectionChanged.connect(lambda _new, _old: self._question_chosen())
        # Table and editor side by side: the table keeps the page's full height (many rows in view) and the
        # admin drags the splitter to trade the table's width for the editor's.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("bank_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_table_side())
        self.splitter.addWidget(self._build_editor_side())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        self.page_layout.addWidget(self.splitter, 1)
        # Below both halves: one line even at 20 pt, where the editor's column would stack them.
        self.page_layout.addLayout(FlowLayout().add_widgets(self.save_button, self.add_button, self.toggle_button))
        self._update_buttons()

    def _build_table_side(self) -> QWidget:
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_filter_row(side))
        layout.addWidget(self.table, 1)
        return side

    def _build_editor_side(self) -> QGroupBox:
        editor_box = QGroupBox(self.tr("Câu hỏi đang chọn"), self)
        self.editor = QuestionEditor(self.type_names, editor_box)
        self.save_button = make_button(self.tr("Lưu sửa đổi"), "save_question", editor_box)
        self.add_button = make_button(self.tr("Thêm thành câu hỏi mới"), "add_question", editor_box)
        self.toggle_button = make_button(self.tr("Tắt câu hỏi"), "toggle_question", editor_box)
        self.save_button.clicked.connect(self.save_question)
        self.add_button.clicked.connect(self.add_question)
        self.toggle_button.clicked.connect(self._toggle_selected)
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.addWidget(vertical_scroll(self.editor, editor_box, preferred=True), 1)
        return editor_box

    def title(self) -> str:
        return self.tr("Ngân hàng câu hỏi")

    def _build_top_row(self) -> QHBoxLayout:
        self.document_picker = DocumentPicker(self)
        self.document_picker.document_changed.connect(lambda _document_id: self.load_document())
        # Exchanging questions with Moodle files is rare and technical: it waits under "Nâng cao".
        self.advanced_button = make_button(self.tr("Nâng cao"), "bank_advanced", self)
        self.advanced_menu = QMenu(self.advanced_button)
        self.import_action = self.advanced_menu.addAction(self.tr("Nhập câu hỏi từ tệp GIFT (Moodle)…"))
        self.export_action = self.advanced_menu.addAction(self.tr("Xuất câu hỏi đang dùng ra tệp GIFT…"))
        self.import_action.triggered.connect(lambda: self.choose_gift_file(self.import_gift))
        self.export_action.triggered.connect(lambda: self.choose_export_path(self.export_gift))
        self.advanced_button.setMenu(self.advanced_menu)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Văn bản:"), self)
        label.setBuddy(self.document_picker)
        row.addWidget(label)
        row.addWidget(self.document_picker, 1)
        row.addWidget(self.advanced_button)
        return row

    def _build_filter_row(self, parent: QWidget) -> QHBoxLayout:
        self.section_filter = self._combo("section_filter", self.tr("Lọc theo mục"))
        self.type_filter = self._combo("type_filter", self.tr("Lọc theo loại câu hỏi"))
        self.type_filter.addItem(self.tr("Mọi loại"), None)
        for kind, name in self.type_names.items():
            self.type_filter.addItem(name, kind)
        self.flag_filter = self._combo("flag_filter", self.tr("Lọc theo trạng thái"))
        flag_names = (
            self.tr("Mọi trạng thái"),
            self.tr("Đang dùng"),
            self.tr("Đã tắt"),
            self.tr("Có cảnh báo thống kê"),
            self.tr("Do quản trị thêm hoặc sửa"),
        )
        for key, name in zip(FLAG_FILTERS, flag_names, strict=True):
            self.flag_filter.addItem(name, key)
        self.search_box = QLineEdit(parent)
        self.search_box.setObjectName("question_search")
        self.search_box.setAccessibleName(self.tr("Tìm trong nội dung câu hỏi"))
        self.search_box.setPlaceholderText(self.tr("Tìm trong câu hỏi (gõ không dấu cũng được)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self.apply_filters())
        for combo in (self.section_filter, self.type_filter, self.flag_filter):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filters())
        self.count_label = QLabel(parent)
        self.count_label.setObjectName("question_count_label")
        # One line of filters above the table, each combo free to shrink (the open list shows names in full):
        # the table keeps its height (ten rows and more at 1366×768) and its side stays narrow at 20 pt.
        self.search_box.setMinimumWidth(self.search_box.fontMetrics().averageCharWidth() * 8)
        row = QHBoxLayout()
        row.addWidget(self.section_filter, 2)
        row.addWidget(self.type_filter, 1)
        row.addWidget(self.flag_filter, 1)
        row.addWidget(self.search_box, 2)
        row.addWidget(self.count_label)
        return row

    def _combo(self, object_name: str, accessible_name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        combo.setAccessibleName(accessible_name)
        combo.setMinimumHeight(34)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    # Loading -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.document_picker.reload(self.service)

    def load_document(self) -> None:
        document_id = self.document_picker.document_id()
        documents, analysis = self.service.documents, self.service.analysis

        def read() -> tuple[list[SectionInfo], list[ItemStatistics]]:
            if document_id is None:  # still queued, so an older document's load cannot land after it
                return [], []
            return documents.sections(document_id), analysis.item_statistics(document_id)

        self.load(read, self._show_document, key="document")

    def _show_document(self, loaded: tuple[list[SectionInfo], list[ItemStatistics]]) -> None:
        self.sections, statistics = loaded
        self.section_filter.blockSignals(True)
        self.section_filter.clear()
        self.section_filter.addItem(self.tr("Mọi mục"), None)
        for section in self.sections:
            self.section_filter.addItem(section.title, section.id)
        self.section_filter.blockSignals(False)
        self.editor.set_sections(self.sections)
        self.statistics = {item.question_id: item for item in statistics}
        self.apply_filters()

    def apply_filters(self, keep_id: str | None = None) -> None:
        """Section and type are asked of the core; the flag and text filters narrow the rows it returned.

        The selected question (or ``keep_id``, a question just added) stays selected once the rows are shown."""
        document_id = self.document_picker.document_id()
        section_id, kind, flag = (
            self.section_filter.currentData(),
            self.type_filter.currentData(),
            self.flag_filter.currentData(),
        )
        enabled = {"enabled": True, "disabled": False}.get(str(flag))
        query = fold(self.search_box.text().strip())
        bank = self.service.bank
        self.load(
            lambda: bank.list_questions(document_id, section_id, kind, enabled) if document_id is not None else [],
            lambda questions: self._show_questions(questions, query, str(flag), keep_id),
            key="questions",
        )

    def _show_questions(self, questions: list[QuestionInfo], query: str, flag: str, keep_id: str | None) -> None:
        titles = {section.id: section.title for section in self.sections}
        rows = [
            BankRow(question, self.statistics.get(question.id), titles.get(question.section_id or "", ""))
            for question in questions
            if (not query or query in fold(question.prompt)) and self._flag_matches(question, flag)
        ]
        chosen = self.selected_question()
        self.model.set_rows(rows)
        self._after_reload(keep_id or (chosen.id if chosen else None))

    def _flag_matches(self, question: QuestionInfo, flag: str) -> bool:
        if flag == "flagged":
            statistics = self.statistics.get(question.id)
            return statistics is not None and bool(statistics.flags)
        if flag == "admin":
            return question.edited or question.origin != "generated"
        return True

    def _after_reload(self, keep_id: str | None) -> None:
        self.table.resizeColumnsToContents()
        # The prompt and the section title can be long: cap them so the statistics stay in view.
        self.table.setColumnWidth(2, min(max(self.table.columnWidth(2), 200), 380))
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 160))
        self.count_label.setText(self.tr("{0} câu").format(self.model.rowCount()))
        if keep_id is not None:
            self.select_question(keep_id)
        self._update_buttons()

    # Selection and edits -------------------------------------------------------------------------------------

    def select_question(self, question_id: str) -> None:
        row = self.model.row_of(question_id)
        if row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def selected_question(self) -> QuestionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()).question

    def _question_chosen(self) -> None:
        question = self.selected_question()
        if question is not None:
            self.editor.show_question(question)
        self._update_buttons()

    def _update_buttons(self) -> None:
        question = self.selected_question()
        has_document = self.document_picker.document_id() is not None
        self.save_button.setEnabled(question is not None)
        self.toggle_button.setEnabled(question is not None)
        self.toggle_button.setText(
            self.tr("Bật lại câu hỏi") if question and not question.enabled else self.tr("Tắt câu hỏi")
        )
        self.add_button.setEnabled(has_document)
        for action in (self.import_action, self.export_action):
            action.setEnabled(has_document)

    def toggle_question(self, question_id: str, enabled: bool) -> bool:
        message = self.tr("Đã bật lại câu hỏi.") if enabled else self.tr("Đã tắt câu hỏi; bài mới sẽ không có câu này.")
        updated = self.attempt(lambda: self.service.bank.set_enabled(question_id, enabled), message)
        if updated is None:
            return False
        self.model.replace_question(updated)
        if self.flag_filter.currentData() in ("enabled", "disabled"):
            self.apply_filters()
        self._update_buttons()
        return True

    def _toggle_selected(self) -> None:
        question = self.selected_question()
        if question is not None:
            self.toggle_question(question.id, not question.enabled)

    def save_question(self) -> None:
        question = self.selected_question()
        if question is None:
            return
        edit, bank = self.attempt(self.editor.edit), self.service.bank  # a refusal in the form is shown at once
        if edit is not None:
            self.change(
                lambda: bank.update(question.id, edit),
                self._question_saved,
                self.tr("Đã lưu câu hỏi."),
                busy=[self.save_button],
            )

    def _question_saved(self, updated: QuestionInfo) -> None:
        self.model.replace_question(updated)
        self._update_buttons()

    def add_question(self) -> None:
        document_id = self.document_picker.document_id()
        if document_id is None:
            return
        edit, bank = self.attempt(self.editor.edit), self.service.bank  # a refusal in the form is shown at once
        if edit is not None:
            self.change(
                lambda: bank.add_question(document_id, edit),
                lambda added: self.apply_filters(keep_id=added.id),
                self.tr("Đã thêm câu hỏi mới."),
                busy=[self.add_button],
            )

    # GIFT exchange -------------------------------------------------------------------------------------------

    def choose_gift_file(self, on_chosen: Callable[[Path], None]) -> None:
        """Ask for a GIFT file without blocking (tests replace this method)."""
        dialogs.choose_open_file(
            self,
            self.tr("Chọn tệp câu hỏi GIFT"),
            self.tr("Tệp GIFT (*.gift *.txt)"),
            lambda path: on_chosen(Path(path)),
        )

    def choose_export_path(self, on_chosen: Callable[[Path], None]) -> None:
        dialogs.choose_save_file(
            self,
            self.tr("Lưu câu hỏi"),
            self.tr("Tệp GIFT (*.gift)"),
            "cau-hoi.gift",
            lambda path: on_chosen(Path(path)),
        )

    def import_gift(self, path: Path) -> None:
        document_id = self.document_picker.document_id()
        if document_id is None:
            return
        added = self.attempt(lambda: self.service.bank.import_gift(path, document_id))
        if added is not None:
            self.show_message(self.tr("Đã nhập {0} câu hỏi từ {1}.").format(added, path.name))
            self.apply_filters()

    def export_gift(self, path: Path) -> None:
        written = self.attempt(lambda: self.service.bank.export("gift", path))
        if written is not None:
            self.show_message(self.tr("Đã xuất {0} câu hỏi đang dùng ra {1}.").format(written, path.name))
