"""Học tập: the sections tree with read marks, the text with facts marked, search, bookmarks, notes, studied."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.flow_layout import flow_row
from gui.operations import run_change, run_query
from gui.reader_content import ReaderContent, ReaderSection, list_documents, load_content
from gui.reader_text import ReaderText
from gui.style import named, set_role
from quiz.api.study import SectionProgressInfo
from quiz.errors import UserError
from quiz.service import Service

SECTION_ROLE = Qt.ItemDataRole.UserRole


class Reader(QWidget):
    section_changed = Signal(object)  # section id or None
    progress_changed = Signal()

    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._member_id: str | None = None
        self.content: ReaderContent | None = None
        self.current_section: ReaderSection | None = None
        self._items: dict[str, QTreeWidgetItem] = {}
        self._reading = QElapsedTimer()
        self.document_label = QLabel()
        self.document_choice = named(QComboBox(), "document_choice")
        self.document_label.setBuddy(self.document_choice)
        self.document_choice.activated.connect(lambda _index: self.load_document(self.document_choice.currentData()))
        self.tree = named(QTreeWidget(), "sections_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(True)
        # Section titles are phrases from the text (they word-wrap): keep the tree at least ~14 characters wide.
        self.tree.setMinimumWidth(self.tree.fontMetrics().averageCharWidth() * 14)
        self.tree.itemActivated.connect(self._tree_activated)
        self.tree.itemClicked.connect(self._tree_activated)
        self.search_label = QLabel()
        self.search_edit = named(QLineEdit(), "search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_next)
        self.hits_label = named(QLabel(), "hits_label")
        self.text = ReaderText()
        self._scroll_timer = QTimer(self, singleShot=True, interval=300)
        self.previous_hit = named(QPushButton("▲"), "previous_hit")
        self.previous_hit.clicked.connect(lambda: self.text.next_hit(-1))
        self.next_hit = named(QPushButton("▼"), "next_hit")
        self.next_hit.clicked.connect(lambda: self.text.next_hit(1))
        self.text.verticalScrollBar().valueChanged.connect(lambda _value: self._scroll_timer.start())
        self._scroll_timer.timeout.connect(self._follow_scroll)
        self.studied_box = named(QCheckBox(), "studied_box")
        self.studied_box.clicked.connect(self._studied_clicked)
        self.bookmark_box = named(QCheckBox(), "bookmark_box")
        self.bookmark_box.clicked.connect(self._bookmark_clicked)
        self.note_button = named(QPushButton(), "note_button")
        self.note_button.setCheckable(True)
        self.note_button.toggled.connect(self._toggle_note)
        self.facts_box = named(QCheckBox(), "facts_box")
        self.facts_box.setChecked(True)
        self.facts_box.toggled.connect(self._facts_toggled)
        # The legend sits beside the switch, in the same wrapping row: no extra line under the text.
        self.legend = named(QLabel(), "reader_legend")
        set_role(self.legend, "hint")
        self.note_edit = named(QPlainTextEdit(), "note_edit")
        self.note_edit.hide()
        self._note_timer = QTimer(self, singleShot=True, interval=800)
        self._note_timer.timeout.connect(self.save_note)
        self.note_edit.textChanged.connect(self._note_timer.start)
        self._note_section: str | None = None
        # The signed-in member's marks per section of the shown document (refresh_marks keeps them current).
        self._marks: dict[str, SectionProgressInfo] = {}
        self._split_done = False
        self._build_layout()
        self.retranslate()
        self._update_member_controls()

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.document_label)
        left_layout.addWidget(self.document_choice)
        left_layout.addWidget(self.tree, 1)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.hits_label)
        search_row.addWidget(self.previous_hit)
        search_row.addWidget(self.next_hit)
        # The search field may be narrower than its placeholder; the hit count is short.
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().averageCharWidth() * 8)
        actions = flow_row(self.studied_box, self.bookmark_box, self.note_button, self.facts_box, self.legend)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(search_row)
        middle_layout.addWidget(self.text, 1)
        middle_layout.addLayout(actions)
        middle_layout.addWidget(self.note_edit)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:
            self._split_done = True
            # After the layout settles: the section titles get about a third of the reader.
            QTimer.singleShot(0, self._first_split)

    def _first_split(self) -> None:
        width = self.splitter.width()
        self.splitter.setSizes([width * 3 // 10, width - width * 3 // 10])

    # Documents ---------------------------------------------------------------------------------------------

    def refresh_documents(self) -> None:
        """Fill the document choice and open the first document (or keep the current one)."""
        current = self.content.document_id if self.content is not None else None
        documents = list_documents(self._service)
        self.document_choice.clear()
        for document_id, title in documents:
            self.document_choice.addItem(title, document_id)
        self.document_choice.setVisible(len(documents) > 1)
        self.document_label.setVisible(len(documents) > 1)
        ids = [document_id for document_id, _title in documents]
        if ids:
            self.load_document(current if current in ids else ids[0])

    def load_document(self, document_id: str | None) -> None:
        if document_id is None:
            return
        self._flush_reading()
        try:
            self.content = load_content(self._service, document_id)
        except UserError as error:
            dialogs.show_error(self, error)
            return
        index = self.document_choice.findData(document_id)
        if index >= 0:
            self.document_choice.setCurrentIndex(index)
        self.text.set_document(self.content.text, self.content.headings, self.content.facts)
        self._fill_tree()
        self.current_section = None
        self._select_section(self.content.sections[0] if self.content.sections else None)
        if self.search_edit.text():
            self.run_search()

    @property
    def document_id(self) -> str | None:
        return self.content.document_id if self.content is not None else None

    def _fill_tree(self) -> None:
        assert self.content is not None
        self.tree.clear()
        self._items = {}
        for section in self.content.sections:
            parent = self._items.get(section.parent_id or "")
            item = QTreeWidgetItem(parent if parent is not None else self.tree)
            item.setData(0, SECTION_ROLE, section.id)
            self._items[section.id] = item
        self.tree.expandAll()
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Read marks: ✔ studied, ★ bookmarked, ✎ has a note (from the member's progress)."""
        if self.content is None:
            return
        if self._member_id is None:
            self._show_marks([])
            return
        progress, member_id, document_id = self._service.progress, self._member_id, self.content.document_id
        # A slow server never holds the text up: the marks follow when read (errors: no marks, as before).
        run_query(
            self,
            lambda: progress.section_progress(member_id, document_id),
            self._show_marks,
            on_failure=lambda _error: self._show_marks([]),
            key="marks",
        )

    def _show_marks(self, infos: Sequence[SectionProgressInfo]) -> None:
        if self.content is None:
            return
        progress = {info.section_id: info for info in infos}
        self._marks = progress
        for section in self.content.sections:
            info = progress.get(section.id)
            marks = ""
            if info is not None:
                marks = "".join(
                    mark
                    for mark, shown in (("✔ ", info.studied), ("★ ", info.bookmarked), ("✎ ", info.has_note))
                    if shown
                )
            item = self._items[section.id]
            item.setText(0, marks + section.title)
            item.setToolTip(0, section.title)
            status = []
            if info is not None and info.studied:
                status.append(self.tr("đã học"))
            if info is not None and info.bookmarked:
                status.append(self.tr("có đánh dấu trang"))
            spoken = section.title + (f" ({', '.join(status)})" if status else "")
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
        self._update_member_controls()

    # Sections ----------------------------------------------------------------------------------------------

    def _tree_activated(self, item: QTreeWidgetItem) -> None:
        section = self._section(item.data(0, SECTION_ROLE))
        if section is not None:
            self.text.scroll_to(section.heading_start)
            self._select_section(section)

    def _facts_toggled(self, shown: bool) -> None:
        self.text.set_facts_visible(shown)
        self.legend.setVisible(shown)

    def _section(self, section_id: object) -> ReaderSection | None:
        if self.content is None:
            return None
        return next((section for section in self.content.sections if section.id == section_id), None)

    def _follow_scroll(self) -> None:
        """After the member scrolls, the section being read becomes the current one.

        The current section stays while any of it is on screen: a click in the tree or "Xem trong văn bản"
        cannot always bring a section to the top (the last one, a sentence centred in the view), and the
        section at the top would then be its neighbour.
        """
        if self.content is None:
            return
        top, bottom = self.text.visible_range()
        current = self.current_section
        if current is not None and current.document_id == self.content.document_id:
            following = [
                section.heading_start
                for section in self.content.sections
                if section.heading_start > current.heading_start
            ]
            end = min(following, default=len(self.text.document_text))
            if current.heading_start <= bottom and end > top:
                return
        candidates = [section for section in self.content.sections if section.heading_start <= top]
        if candidates:
            self._select_section(candidates[-1])

    def _select_section(self, section: ReaderSection | None) -> None:
        if section is None or (self.current_section is not None and section.id == self.current_section.id):
            return
        self._flush_reading()
        self.save_note()
        self.current_section = section
        item = self._items.get(section.id)
        if item is not None:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
        if self._member_id is not None:
            progress, member_id = self._service.progress, self._member_id
            run_change(self, lambda: progress.open_section(member_id, section.id))
        self._reading.start()
        self._update_member_controls()
        self.section_changed.emit(section.id)

    def show_source(self, section_id: str | None, start: int, end: int) -> None:
        """Scroll to the sentence [start, end) of the current document and highlight it."""
        self.text.show_span(start, end)
        section = self._section(section_id)
        if section is not None:
            self._select_section(section)
        self.text.setFocus()

    # Member actions ----------------------------------------------------------------------------------------

    def set_member(self, member_id: str | None) -> None:
        self._flush_reading()
        self.save_note()
        self._note_section = None
        self.note_button.setChecked(False)
        self._member_id = member_id
        self.refresh_marks()

    def _update_member_controls(self) -> None:
        """The member's boxes for the current section, from the marks last loaded (refresh_marks runs after every
        change of them, so no query of its own)."""
        signed_in = self._member_id is not None and self.current_section is not None
        for widget in (self.studied_box, self.bookmark_box, self.note_button):
            widget.setVisible(self._member_id is not None)
            widget.setEnabled(signed_in)
        if not signed_in or self.current_section is None:
            return
        info = self._marks.get(self.current_section.id)
        self.studied_box.setChecked(bool(info and info.studied))
        self.bookmark_box.setChecked(bool(info and info.bookmarked))
        if self.note_button.isChecked():
            self._load_note()

    def _studied_clicked(self, checked: bool) -> None:
        if self._member_id is None or self.current_section is None:
            return
        progress, member_id, section_id = self._service.progress, self._member_id, self.current_section.id

        def saved(_info: object) -> None:
            self.refresh_marks()
            self.progress_changed.emit()

        run_change(self, lambda: progress.mark_studied(member_id, section_id, checked), saved)

    def toggle_studied(self) -> None:
        if self.studied_box.isEnabled():
            self.studied_box.click()

    def _bookmark_clicked(self, checked: bool) -> None:
        if self._member_id is None or self.current_section is None:
            return
        progress, member_id, section_id = self._service.progress, self._member_id, self.current_section.id
        run_change(self, lambda: progress.set_bookmark(member_id, section_id, checked), lambda _: self.refresh_marks())

    def toggle_bookmark(self) -> None:
        if self.bookmark_box.isEnabled():
            self.bookmark_box.click()

    def _toggle_note(self, shown: bool) -> None:
        if shown:
            self._load_note()
            self.note_edit.show()
            self.note_edit.setFocus()
        else:
            self.save_note()
            self._note_section = None
            self.note_edit.hide()

    def _load_note(self) -> None:
        if self._member_id is None or self.current_section is None:
            return
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(self._service.progress.get_note(self._member_id, self.current_section.id))
        self.note_edit.blockSignals(False)
        self._note_section = self.current_section.id

    def save_note(self) -> None:
        self._note_timer.stop()
        if self._member_id is None or self._note_section is None:
            return
        progress, member_id, section_id = self._service.progress, self._member_id, self._note_section
        text = self.note_edit.toPlainText()
        run_change(self, lambda: progress.save_note(member_id, section_id, text))

    def _flush_reading(self) -> None:
        """Count the time spent on the section just left (only for a signed-in member)."""
        if self._member_id is None or self.current_section is None or not self._reading.isValid():
            return
        seconds = self._reading.elapsed() / 1000
        self._reading.invalidate()
        if seconds >= 1:
            progress, member_id, section_id = self._service.progress, self._member_id, self.current_section.id

            def logged_only(error: BaseException) -> None:
                # Time read is a nicety; never interrupt reading over it (error_message logs an unexpected error).
                dialogs.error_message(error)

            run_change(self, lambda: progress.add_reading_time(member_id, section_id, seconds), on_failure=logged_only)

    def close_session(self) -> None:
        """Save what is pending (note, reading time) before a sign-out or the window closing."""
        self.save_note()
        self._flush_reading()

    # Search ------------------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        count = self.text.search(self.search_edit.text())
        if not self.search_edit.text().strip():
            self.hits_label.clear()
        elif count:
            self.hits_label.setText(self.tr("{count} kết quả").format(count=count))
        else:
            self.hits_label.setText(self.tr("Không tìm thấy"))

    def _search_next(self) -> None:
        if self._search_timer.isActive():
            self.run_search()
        else:
            self.text.next_hit(1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.document_label.setText(self.tr("&Văn bản:"))
        self.tree.setAccessibleName(self.tr("Các phần của văn bản"))
        self.search_label.setText(self.tr("&Tìm:"))
        self.search_edit.setPlaceholderText(self.tr("Tìm trong văn bản (Ctrl+F), không cần dấu"))
        self.search_edit.setAccessibleName(self.tr("Tìm trong văn bản"))
        self.previous_hit.setAccessibleName(self.tr("Kết quả trước"))
        self.previous_hit.setToolTip(self.tr("Kết quả trước"))
        self.next_hit.setAccessibleName(self.tr("Kết quả sau"))
        self.next_hit.setToolTip(self.tr("Kết quả sau (Enter)"))
        self.text.setAccessibleName(self.tr("Nội dung văn bản"))
        self.studied_box.setText(self.tr("Đã học xong phần này"))
        self.bookmark_box.setText(self.tr("Đánh dấu trang"))
        self.note_button.setText(self.tr("Ghi chú của tôi"))
        self.facts_box.setText(self.tr("Hiện các ý có câu hỏi"))
        self.facts_box.setToolTip(self.tr("Gạch chấm dưới những câu trong văn bản có câu hỏi kiểm tra"))
        self.legend.setText(self.tr("(gạch chấm dưới câu)"))
        self.legend.setToolTip(
            self.tr("Gạch chấm dưới: ý có câu hỏi · nền vàng: kết quả tìm · nền xanh: câu nguồn của câu hỏi")
        )
        self.note_edit.setAccessibleName(self.tr("Ghi chú cho phần này"))
        self.note_edit.setPlaceholderText(self.tr("Ghi chú riêng của đồng chí cho phần này (tự động lưu)."))
        self.refresh_marks()
