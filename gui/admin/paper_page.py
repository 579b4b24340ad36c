"""Admin desk → "Bài kiểm tra trên giấy": print personalised papers, enter their answers, tick paper forms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.admin.common import AdminPage, make_button
from gui.admin.document_picker import DocumentPicker
from gui.admin.paper_entry import PaperEntry
from gui.admin.work import PageTask
from gui.tasks import TaskRunner
from quiz.api.changes import Area
from quiz.api.paper_codes import CODE_LENGTH, display_code
from quiz.formatting import format_percent

if TYPE_CHECKING:
    from quiz.api.attempts import QuizSettingsData
    from quiz.api.members import MemberProfile, UnitView
    from quiz.api.paper import PaperFormState, PaperSummary
    from quiz.service import Service

PDF_FILTER = "PDF (*.pdf)"


@dataclass(frozen=True)
class _Lists:
    """What the page lists for one document and chi bộ, read together off the UI thread."""

    settings: QuizSettingsData | None
    members: list[MemberProfile]
    papers: list[PaperSummary]
    forms: list[PaperFormState]


def checked_ids(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


class PaperPage(AdminPage):
    shown_areas = frozenset({Area.DOCUMENTS, Area.MEMBERS, Area.PAPER, Area.ATTEMPTS, Area.SETTINGS})

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Bài kiểm tra trên giấy"))
        self.last_file: Path | None = None
        self.document_picker = DocumentPicker(self)
        self.document_picker.document_changed.connect(lambda _id: self.refresh_lists())
        self.chi_bo = QComboBox(self)
        self.chi_bo.setObjectName("paper_chi_bo")
        self.chi_bo.setAccessibleName(self.tr("Chi bộ"))
        self.chi_bo.setMinimumContentsLength(16)
        self.chi_bo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chi_bo.currentIndexChanged.connect(lambda _index: self.refresh_lists())
        choices = QGridLayout()
        for row, (text, widget) in enumerate(
            ((self.tr("&Văn bản:"), self.document_picker), (self.tr("C&hi bộ:"), self.chi_bo))
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            choices.addWidget(label, row, 0)
            choices.addWidget(widget, row, 1)
        choices.setColumnStretch(1, 1)
        self.page_layout.addLayout(choices)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paper_tabs")
        self.tabs.addTab(self._build_print_tab(), self.tr("In bài"))
        self.tabs.addTab(self._build_entry_tab(), self.tr("Nhập kết quả"))
        self.tabs.addTab(self._build_forms_tab(), self.tr("Bản thu hoạch giấy"))
        self.page_layout.addWidget(self.tabs, 1)
        self.work = PageTask(self)
        self.work.state_changed.connect(self._update_buttons)

    def title(self) -> str:
        return self.tr("Bài trên giấy")

    # Printing ------------------------------------------------------------------------------------------------

    def _build_print_tab(self) -> QWidget:
        tab = QWidget(self)
        self.members = QListWidget(tab)
        self.members.setObjectName("paper_members")
        self.members.setAccessibleName(self.tr("Đảng viên được in bài"))
        self.question_count = QSpinBox(tab)
        self.question_count.setObjectName("paper_question_count")
        self.question_count.setRange(1, 200)
        self.question_count.setAccessibleName(self.tr("Số câu hỏi"))
        self.blank_copies = QSpinBox(tab)
        self.blank_copies.setObjectName("paper_blank_copies")
        self.blank_copies.setRange(0, 500)
        self.blank_copies.setAccessibleName(self.tr("Số bản để trống tên"))
        self.with_typed = QCheckBox(self.tr("Có cả câu điền (cần người đọc khi nhập điểm)"), tab)
        self.with_typed.setObjectName("paper_with_typed")
        self.print_button = make_button(self.tr("In bài kiểm tra (PDF)…"), "paper_print", tab)
        self.print_button.clicked.connect(self._ask_print)
        options = QHBoxLayout()
        label = QLabel(self.tr("Số &câu:"), tab)
        label.setBuddy(self.question_count)
        options.addWidget(label)
        options.addWidget(self.question_count)
        blank_label = QLabel(self.tr("Bản để &trống:"), tab)
        blank_label.setBuddy(self.blank_copies)
        options.addWidget(blank_label)
        options.addWidget(self.blank_copies)
        options.addStretch(1)
        options.addWidget(self.print_button)
        explanation = QLabel(self.tr("Mỗi đảng viên được chọn có một bài riêng (xáo trộn riêng, mã riêng)."), tab)
        explanation.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(explanation)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.with_typed)
        layout.addLayout(options)
        return tab

    def choose_save_path(self, suggested_name: str, on_chosen: Callable[[Path], None]) -> None:
        """Ask where to save (tests replace this method)."""
        dialogs.choose_save_file(
            self, self.tr("Lưu tệp"), PDF_FILTER, suggested_name, lambda path: on_chosen(Path(path))
        )

    def _ask_print(self) -> None:
        members = checked_ids(self.members)
        if not members and not self.blank_copies.value():
            self.show_message(self.tr("Hãy đánh dấu ít nhất một đảng viên để in bài."), error=True)
            return
        self.choose_save_path("bai-kiem-tra-giay.pdf", lambda path: self.print_papers(path, members))

    def print_papers(self, path: Path, member_ids: list[str]) -> None:
        from reports.paper_render import render_paper_quiz

        service, document = self.service, self.document_picker.document_id()
        count, choice_only, blanks = (
            self.question_count.value(),
            not self.with_typed.isChecked(),
            self.blank_copies.value(),
        )
        self._run(
            lambda: render_paper_quiz(service, member_ids, path, document, count, choice_only, blank_copies=blanks),
            path,
        )

    def _run(self, work: Callable[[], object], path: Path) -> None:
        if self.work.busy:
            return
        self.clear_message()

        def finished(_result: object) -> None:
            self.last_file = path
            self.show_message(self.tr("Đã lưu {0}.").format(path))
            self.refresh_lists()

        self.work.run(lambda _control, _gate: work(), finished, text=self.tr("Đang in…"))

    def is_busy(self) -> bool:
        return self.work.busy

    # Entering results ----------------------------------------------------------------------------------------

    def _build_entry_tab(self) -> QWidget:
        tab = QWidget(self)
        self.code = QLineEdit(tab)
        self.code.setObjectName("paper_code")
        self.code.setAccessibleName(self.tr("Mã bài làm"))
        self.code.setPlaceholderText(self.tr("mã in trên bài, ví dụ K7M-3PX"))
        self.code.textEdited.connect(self._code_typed)
        self.code.returnPressed.connect(self._open_chosen)
        self.papers = QComboBox(tab)
        self.papers.setObjectName("paper_waiting")
        self.papers.setAccessibleName(self.tr("Bài chờ nhập"))
        self.papers.setMinimumContentsLength(16)
        self.papers.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.open_button = make_button(self.tr("&Mở bài"), "paper_open", tab)
        self.open_button.clicked.connect(self._open_chosen)
        self.reprint_button = make_button(self.tr("In lại…"), "paper_reprint", tab)
        self.reprint_button.clicked.connect(self._ask_reprint)
        self.blank_owner = QComboBox(tab)
        self.blank_owner.setObjectName("paper_blank_owner")
        self.blank_owner.setAccessibleName(self.tr("Đảng viên đã làm bài in để trống tên"))
        self.blank_owner.setMinimumContentsLength(16)
        self.blank_owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.entry = PaperEntry(tab)
        self.entry.message.connect(lambda text: self.show_message(text, error=True))
        self.entry.save_requested.connect(self.save_results)
        top = QGridLayout()
        label = QLabel(self.tr("Mã &bài:"), tab)
        label.setBuddy(self.code)
        top.addWidget(label, 0, 0)
        top.addWidget(self.code, 0, 1)
        top.addWidget(self.open_button, 0, 2)
        pick = QLabel(self.tr("hoặc &chọn:"), tab)
        pick.setBuddy(self.papers)
        top.addWidget(pick, 1, 0)
        top.addWidget(self.papers, 1, 1)
        top.addWidget(self.reprint_button, 1, 2)
        self.owner_label = QLabel(self.tr("Bài này &của:"), tab)
        self.owner_label.setBuddy(self.blank_owner)
        top.addWidget(self.owner_label, 2, 0)
        top.addWidget(self.blank_owner, 2, 1)
        self.owner_label.hide()
        self.blank_owner.hide()
        top.setColumnStretch(1, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.entry, 1)
        return tab

    def _code_typed(self, text: str) -> None:
        # Six characters make a whole code: open it at once (a wrong one is refused by its check character).
        if len("".join(character for character in text if character.isalnum())) == CODE_LENGTH:
            self.open_paper(text)

    def _open_chosen(self) -> None:
        typed = self.code.text().strip()
        chosen = self.papers.currentData()
        if typed:
            self.open_paper(typed)
        elif chosen:
            self.open_paper(str(chosen))

    def open_paper(self, code_or_id: str) -> None:
        sheet = self.attempt(lambda: self.service.paper.sheet(code_or_id))
        if sheet is None:
            return
        # A blank copy: the secretary says whose it is (the name the member wrote on it).
        self.owner_label.setVisible(sheet.is_blank)
        self.blank_owner.setVisible(sheet.is_blank)
        if sheet.is_blank:
            self.blank_owner.clear()
            for member in self.attempt(self.service.members.list_members) or []:
                self.blank_owner.addItem(f"{member.full_name} — {member.chi_bo_name}", member.id)
        if sheet.submitted_at is not None:
            self.show_message(self.tr("Bài của {0} đã được nhập điểm rồi.").format(sheet.member_name), error=True)
            return
        self.clear_message()
        self.entry.open(sheet)

    def save_results(self, responses: list[Any], decisions: dict[int, bool]) -> None:
        sheet = self.entry.sheet
        if sheet is None:
            return
        owner = str(self.blank_owner.currentData() or "") if sheet.is_blank else None
        if sheet.is_blank and not owner:
            self.show_message(self.tr("Hãy chọn đảng viên đã làm bài in để trống tên này."), error=True)
            return
        paper_id = sheet.paper_id
        result = self.attempt(lambda: self.service.paper.enter_results(paper_id, responses, decisions, owner))
        if result is None:
            return
        name = sheet.member_name or self.blank_owner.currentText().split(" — ")[0]
        self.show_message(
            self.tr("Đã lưu bài của {name}: {right}/{total} câu đúng ({percent}).").format(
                name=name,
                right=result.correct_count,
                total=result.question_count,
                percent=format_percent(result.score_percent),
            )
        )
        self.entry.close_paper()
        self.owner_label.hide()
        self.blank_owner.hide()
        self.code.clear()
        self.refresh_lists()
        self.code.setFocus()

    def _ask_reprint(self) -> None:
        chosen = self.papers.currentData()
        if chosen:
            self.choose_save_path("in-lai-bai-giay.pdf", lambda path: self.reprint(path, str(chosen)))

    def reprint(self, path: Path, paper_id: str) -> None:
        from reports.paper_render import render_paper_reprint

        service = self.service
        self._run(lambda: render_paper_reprint(service, [paper_id], path), path)

    # Paper forms ---------------------------------------------------------------------------------------------

    def _build_forms_tab(self) -> QWidget:
        tab = QWidget(self)
        self.forms = QListWidget(tab)
        self.forms.setObjectName("paper_forms")
        self.forms.setAccessibleName(self.tr("Đã nộp bản giấy"))
        self.forms.itemChanged.connect(self._form_ticked)
        self.blank_button = make_button(self.tr("In bản thu hoạch để viết tay (PDF)…"), "paper_blank_forms", tab)
        self.blank_button.clicked.connect(self._ask_blank_forms)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Đánh dấu những đồng chí đã nộp bản thu hoạch và cam kết trên giấy:"), tab))
        layout.addWidget(self.forms, 1)
        layout.addWidget(self.blank_button, 0, Qt.AlignmentFlag.AlignRight)
        return tab

    def _form_ticked(self, item: QListWidgetItem) -> None:
        document = self.document_picker.document_id()
        member = str(item.data(Qt.ItemDataRole.UserRole))
        if document:
            ticked = item.checkState() == Qt.CheckState.Checked
            self.perform(lambda: self.service.paper.set_form_handed_in(member, document, ticked))

    def _ask_blank_forms(self) -> None:
        members = [str(self.forms.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.forms.count())]
        if not members:
            self.show_message(self.tr("Chi bộ chưa có đảng viên nào."), error=True)
            return
        self.choose_save_path("ban-thu-hoach-giay.pdf", lambda path: self.print_blank_forms(path, members))

    def print_blank_forms(self, path: Path, member_ids: list[str]) -> None:
        from reports.paper_render import render_blank_forms

        service, document = self.service, self.document_picker.document_id()
        self._run(lambda: render_blank_forms(service, member_ids, path, document), path)

    # Loading -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.document_picker.reload(self.service)
        self.load(self.service.members.list_units, self._show_units, key="units")

    def _show_units(self, units: list[UnitView]) -> None:
        chosen = self.chi_bo.currentData()
        self.chi_bo.blockSignals(True)
        self.chi_bo.clear()
        for unit in units:
            if unit.kind == "chi_bo":
                self.chi_bo.addItem(unit.name, unit.id)
        index = self.chi_bo.findData(chosen)
        self.chi_bo.setCurrentIndex(max(index, 0))
        self.chi_bo.blockSignals(False)
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """The chi bộ's members, papers and paper forms on the chosen document, read in one call off the UI thread."""
        document, chi_bo = self.document_picker.document_id(), self.chi_bo.currentData()
        service = self.service

        def read() -> _Lists:
            settings = service.quizzes.get_settings(document) if document else None
            members = service.members.list_members(chi_bo) if chi_bo else []
            papers = service.paper.list_papers(document, chi_bo)
            forms = service.paper.form_states(document, chi_bo) if document else []
            return _Lists(settings, members, papers, forms)

        self.load(read, self._show_lists, key="lists")

    def _show_lists(self, lists: _Lists) -> None:
        if lists.settings is not None:
            self.question_count.setValue(lists.settings.question_count)
        self.members.clear()
        for member in lists.members:
            item = QListWidgetItem(member.full_name, self.members)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setCheckState(Qt.CheckState.Checked)
        chosen_paper = self.papers.currentData()
        self.papers.clear()
        for paper in lists.papers:
            status = self.tr("chờ nhập") if not paper.entered else format_percent(paper.score_percent or 0.0)
            owner = paper.member_name or self.tr("(để trống tên)")
            self.papers.addItem(f"{owner} — {display_code(paper.code)} — {status}", paper.paper_id)
        if chosen_paper is not None and self.papers.findData(chosen_paper) >= 0:
            self.papers.setCurrentIndex(self.papers.findData(chosen_paper))
        self.forms.blockSignals(True)
        self.forms.clear()
        for form in lists.forms:
            item = QListWidgetItem(form.member_name, self.forms)
            item.setData(Qt.ItemDataRole.UserRole, form.member_id)
            item.setCheckState(Qt.CheckState.Checked if form.handed_in else Qt.CheckState.Unchecked)
        self.forms.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.document_picker.document_id() is not None and not self.work.busy
        self.print_button.setEnabled(ready)
        self.blank_button.setEnabled(ready)
