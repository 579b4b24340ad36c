"""Reports: the unit summary as PDF or XLSX, every form of a chi bộ in one PDF, one member's form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui import dialogs
from gui.admin.common import AdminPage, make_button, vertical_scroll
from gui.admin.document_picker import DocumentPicker
from gui.admin.work import CancelGate, PageTask, ProgressRow
from gui.flow_layout import FlowLayout
from gui.tasks import TaskControl, TaskRunner
from quiz.api.changes import Area

if TYPE_CHECKING:
    from quiz.api.members import MemberProfile, UnitView
    from quiz.service import Service

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


class ReportsPage(AdminPage):
    shown_areas = frozenset({Area.DOCUMENTS, Area.MEMBERS})

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Báo cáo và in ấn"))
        self.last_file: Path | None = None
        self.document_picker = DocumentPicker(self)
        self.document_picker.document_changed.connect(lambda _document_id: self._update_buttons())
        row = QHBoxLayout()
        label = QLabel(self.tr("&Văn bản:"), self)
        label.setBuddy(self.document_picker)
        row.addWidget(label)
        row.addWidget(self.document_picker, 1)
        self.page_layout.addLayout(row)
        content = QWidget(self)
        boxes = QVBoxLayout(content)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self._build_unit_box(content))
        boxes.addWidget(self._build_forms_box(content))
        boxes.addStretch(1)
        self.page_layout.addWidget(vertical_scroll(content, self), 1)
        self.progress_row = ProgressRow(self.tr("Tiến độ in"), self)
        self.progress_row.cancel_requested.connect(self.cancel)
        self.page_layout.addWidget(self.progress_row)
        self.work = PageTask(self, self.progress_row)
        self.work.state_changed.connect(self._update_buttons)

    def title(self) -> str:
        return self.tr("Báo cáo")

    def _combo(self, object_name: str, accessible_name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        combo.setAccessibleName(accessible_name)
        combo.setMinimumHeight(34)
        combo.setMinimumContentsLength(14)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _build_unit_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Báo cáo tổng hợp kết quả học tập"), parent)
        self.unit_scope = self._combo("report_scope", self.tr("Phạm vi báo cáo"))
        self.unit_pdf_button = make_button(self.tr("Lưu báo cáo PDF…"), "unit_report_pdf", box)
        self.unit_xlsx_button = make_button(self.tr("Lưu báo cáo Excel…"), "unit_report_xlsx", box)
        self.unit_pdf_button.clicked.connect(lambda: self._ask_unit_report(".pdf"))
        self.unit_xlsx_button.clicked.connect(lambda: self._ask_unit_report(".xlsx"))
        layout = QGridLayout(box)
        label = QLabel(self.tr("&Phạm vi:"), box)
        label.setBuddy(self.unit_scope)
        layout.addWidget(label, 0, 0)
        layout.addWidget(self.unit_scope, 0, 1)
        # Buttons on their own line, wrapping at a large font, never pushed past the page's edge.
        layout.addLayout(FlowLayout().add_widgets(self.unit_pdf_button, self.unit_xlsx_button), 1, 0, 1, 2)
        hint = QLabel(
            self.tr("Theo từng chi bộ và toàn đơn vị: số đảng viên đã học, đã làm bài, đạt, đã cam kết; biểu đồ; ")
            + self.tr("danh sách chưa hoàn thành đúng hạn; các câu hỏi khó nhất."),
            box,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint, 2, 0, 1, 2)
        layout.setColumnStretch(1, 1)
        return box

    def _build_forms_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Bản thu hoạch và cam kết"), parent)
        self.forms_chi_bo = self._combo("forms_chi_bo", self.tr("Chi bộ cần in"))
        self.forms_button = make_button(self.tr("In cả chi bộ ra một tệp PDF…"), "chi_bo_forms", box)
        self.forms_button.clicked.connect(self._ask_chi_bo_forms)
        self.member_choice = self._combo("form_member", self.tr("Đảng viên cần in"))
        self.member_button = make_button(self.tr("Lưu bản của đảng viên (PDF)…"), "member_form", box)
        self.member_button.clicked.connect(self._ask_member_form)
        layout = QGridLayout(box)
        for row, (text, combo, button) in enumerate(
            (
                (self.tr("&Chi bộ:"), self.forms_chi_bo, self.forms_button),
                (self.tr("Đảng &viên:"), self.member_choice, self.member_button),
            )
        ):
            label = QLabel(text, box)
            label.setBuddy(combo)
            layout.addWidget(label, 2 * row, 0)
            layout.addWidget(combo, 2 * row, 1)
            layout.addLayout(FlowLayout().add_widgets(button), 2 * row + 1, 1)
        layout.setColumnStretch(1, 1)
        return box

    def refresh(self) -> None:
        self.document_picker.reload(self.service)
        members = self.service.members
        self.load(lambda: (members.list_units(), members.list_members()), self._show_choices)

    def _show_choices(self, loaded: tuple[list[UnitView], list[MemberProfile]]) -> None:
        """Fill the chi bộ and member lists, keeping what was chosen in them before the reload."""
        units, members = loaded
        chi_bo = [unit for unit in units if unit.kind == "chi_bo"]
        kept = [(combo, combo.currentData()) for combo in (self.unit_scope, self.forms_chi_bo, self.member_choice)]
        self.unit_scope.clear()
        self.unit_scope.addItem(self.tr("Toàn đơn vị"), None)
        self.forms_chi_bo.clear()
        for unit in chi_bo:
            self.unit_scope.addItem(unit.name, unit.name)
            self.forms_chi_bo.addItem(unit.name, unit.name)
        self.member_choice.clear()
        for member in members:
            self.member_choice.addItem(f"{member.full_name} — {member.chi_bo_name}", member.id)
        for combo, data in kept:
            index = combo.findData(data) if data is not None else -1
            if index >= 0:
                combo.setCurrentIndex(index)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.work.busy
        has_document = self.document_picker.document_id() is not None
        self.unit_pdf_button.setEnabled(idle and has_document)
        self.unit_xlsx_button.setEnabled(idle and has_document)
        self.forms_button.setEnabled(idle and has_document and self.forms_chi_bo.count() > 0)
        self.member_button.setEnabled(idle and has_document and self.member_choice.count() > 0)

    # Choosing where to save (tests replace this method) ------------------------------------------------------

    def choose_save_path(self, suggested_name: str, on_chosen: Callable[[Path], None]) -> None:
        name_filter = XLSX_FILTER if suggested_name.endswith(".xlsx") else PDF_FILTER
        dialogs.choose_save_file(
            self, self.tr("Lưu tệp"), name_filter, suggested_name, lambda path: on_chosen(Path(path))
        )

    def _ask_unit_report(self, suffix: str) -> None:
        scope = self.unit_scope.currentData()
        self.choose_save_path(f"bao-cao-tong-hop{suffix}", lambda path: self.save_unit_report(path, scope))

    def _ask_chi_bo_forms(self) -> None:
        chi_bo = self.forms_chi_bo.currentData()
        if chi_bo:
            self.choose_save_path("ban-thu-hoach-chi-bo.pdf", lambda path: self.save_chi_bo_forms(path, str(chi_bo)))

    def _ask_member_form(self) -> None:
        member_id = self.member_choice.currentData()
        if member_id:
            self.choose_save_path("ban-thu-hoach.pdf", lambda path: self.save_member_form(path, str(member_id)))

    # The work, on the worker thread --------------------------------------------------------------------------

    def save_unit_report(self, path: Path, chi_bo: str | None) -> None:
        from reports.render import render_unit_report

        service, document_id = self.service, self.document_picker.document_id()
        self._run(lambda _control, _gate: render_unit_report(service, path, chi_bo, document_id), False)

    def save_member_form(self, path: Path, member_id: str) -> None:
        from reports.render import render_member_form

        service, document_id = self.service, self.document_picker.document_id()
        self._run(lambda _control, _gate: render_member_form(service, member_id, path, document_id), False)

    def save_chi_bo_forms(self, path: Path, chi_bo: str) -> None:
        from reports.render import render_chi_bo_forms

        service, document_id = self.service, self.document_picker.document_id()

        def work(control: TaskControl, gate: CancelGate) -> Path:
            def progress(done: int, total: int) -> None:
                control.report(done, total, "")
                if done >= total:
                    gate.commit()  # the pages are laid out; only writing the file is left

            return render_chi_bo_forms(service, chi_bo, path, progress, gate.is_cancelled, document_id)

        self._run(work, True)

    def _run(self, work: Callable[[TaskControl, CancelGate], Path], cancellable: bool) -> None:
        self.clear_message()
        self.work.run(
            work,
            self._finished,
            text=self.tr("Đang tạo tệp…"),
            cancellable=cancellable,
            cancelled_text=self.tr("Đã dừng; chưa có tệp nào được ghi."),
            on_error=self._failed,
        )

    def cancel(self) -> None:
        self.work.cancel(self.tr("Tệp đang được ghi, không dừng được nữa; xin chờ giây lát."))

    def is_busy(self) -> bool:
        return self.work.busy

    def _finished(self, path: Path) -> None:
        self.last_file = path
        self.show_message(self.tr("Đã lưu {0}.").format(path))

    def _failed(self, error: BaseException) -> None:
        from reports.batch import BatchCancelled  # reportlab loads only when a report is made

        if isinstance(error, BatchCancelled):
            self.show_message(str(error))
        else:
            self.show_error(error)
