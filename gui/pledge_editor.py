"""Thu hoạch answers and the commitment table, autosaved; "Xem trước và in" renders the form on the worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.commitment_table import CommitmentTable
from gui.flow_layout import flow_row
from gui.operations import run_change, run_query
from gui.pdf_preview import PdfPreviewDialog, render_pages, save_pdf_with_dialog
from gui.style import named, set_role
from gui.tasks import TaskControl, TaskRunner
from quiz.api.pledges import CommitmentSuggestion, PledgeInfo, ReflectionAnswer
from quiz.errors import UserError
from quiz.service import Service
from quiz.text import fold

AUTOSAVE_DELAY_MS = 1000


def build_form_pdf(service: Service, member_id: str, document_id: str) -> bytes:
    """The member's form from the reports module (imported only when asked: reportlab is heavy)."""
    from reports.collect import collect_form
    from reports.form import build_member_form

    return build_member_form(collect_form(service, member_id, document_id))


class PledgeEditor(QWidget):
    def __init__(
        self,
        service: Service,
        runner: TaskRunner,
        member_id: str,
        document_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._member_id = member_id
        self._document_id = document_id
        self.pledge: PledgeInfo | None = None
        self.preview: PdfPreviewDialog | None = None
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save)
        self.title = QLabel()
        set_role(self.title, "heading")
        self.state_label = named(QLabel(), "pledge_state")
        self.state_label.setWordWrap(True)
        self.reflections_title, self.commitments_title = QLabel(), QLabel()
        for label in (self.reflections_title, self.commitments_title):
            set_role(label, "heading")
        self.reflections_box = QWidget()
        self.reflections_layout = QVBoxLayout(self.reflections_box)
        self.reflections_layout.setContentsMargins(0, 0, 0, 0)
        self.answer_edits: list[tuple[str, QPlainTextEdit]] = []
        self.table = CommitmentTable()
        self.table.changed.connect(self._autosave.start)
        self.finalise_button = named(QPushButton(), "finalise_button")
        self.finalise_button.clicked.connect(self._ask_finalise)
        self.preview_button = named(QPushButton(), "preview_button")
        set_role(self.preview_button, "primary")
        self.preview_button.clicked.connect(self.open_preview)
        self.save_pdf_button = named(QPushButton(), "pledge_save_pdf")
        self.save_pdf_button.clicked.connect(self.save_pdf)
        content = QWidget()
        layout = QVBoxLayout(content)
        for widget in (
            self.title,
            self.state_label,
            self.reflections_title,
            self.reflections_box,
            self.commitments_title,
            self.table,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = flow_row(self.preview_button, self.save_pdf_button, trailing=(self.finalise_button,))
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        self.retranslate()
        self.load()

    # Loading and saving ------------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the member's pledge and the document's suggestions off the UI thread, then fill the form."""
        if self._document_id is None:
            return
        pledges, member_id, document_id = self._service.pledges, self._member_id, self._document_id

        def read() -> tuple[PledgeInfo, list[CommitmentSuggestion]]:
            pledge = pledges.get(member_id, document_id)
            try:
                suggestions = pledges.suggestions(document_id)
            except UserError:  # the form works without suggestions
                suggestions = []
            return pledge, suggestions

        run_query(self, read, self._show_pledge, on_failure=self._show_failure, key="pledge")

    def _show_pledge(self, loaded: tuple[PledgeInfo, list[CommitmentSuggestion]]) -> None:
        self.pledge, suggestions = loaded
        self._fill_reflections(self.pledge.reflections)
        self.table.set_commitments(self.pledge.commitments, suggestions)
        self._apply_state()

    def _show_failure(self, error: BaseException) -> None:
        self.state_label.setText(dialogs.error_message(error))
        set_role(self.state_label, "error")

    def _fill_reflections(self, reflections: tuple[ReflectionAnswer, ...]) -> None:
        while self.reflections_layout.count():
            child = self.reflections_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.answer_edits = []
        for number, item in enumerate(reflections, 1):
            question = QLabel(f"{number}. {item.question}")
            question.setWordWrap(True)
            question.setTextFormat(Qt.TextFormat.PlainText)
            edit = named(QPlainTextEdit(item.answer), f"reflection_{number}")
            edit.setAccessibleName(self.tr("Trả lời câu hỏi {number}").format(number=number))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(120)
            edit.textChanged.connect(self._autosave.start)
            question.setBuddy(edit)
            self.reflections_layout.addWidget(question)
            self.reflections_layout.addWidget(edit)
            self.answer_edits.append((item.question, edit))

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the draft through the operation worker (the autosave timer calls this); ``then`` runs once it
        is saved, or at once when there is nothing to save; a refusal is shown and ``then`` does not run."""
        self._autosave.stop()
        if self._document_id is None or self.pledge is None or self.pledge.is_finalised:
            if then is not None:
                then()
            return
        reflections = [ReflectionAnswer(question, edit.toPlainText()) for question, edit in self.answer_edits]
        pledges, member_id, document_id = self._service.pledges, self._member_id, self._document_id
        commitments = self.table.commitments()

        def saved(pledge: PledgeInfo) -> None:
            self.pledge = pledge
            self._apply_state()
            if then is not None:
                then()

        run_change(
            self,
            lambda: pledges.save_draft(member_id, document_id, reflections, commitments),
            saved,
            on_failure=self._show_failure,
        )

    def flush(self) -> None:
        if self._autosave.isActive():
            self.save()

    def refresh(self) -> None:
        self.flush()

    def _apply_state(self) -> None:
        assert self.pledge is not None
        locked = self.pledge.is_finalised
        for _question, edit in self.answer_edits:
            edit.setReadOnly(locked)
        self.table.set_locked(locked)
        self.finalise_button.setEnabled(not locked)
        set_role(self.state_label, "hint")
        if locked:
            self.state_label.setText(
                self.tr(
                    "Bản thu hoạch và cam kết đã hoàn thành nên không sửa được nữa. "
                    "Muốn sửa, đề nghị bí thư chi bộ mở lại."
                )
            )
        elif self.pledge.modified_at is not None:
            saved = self.pledge.modified_at.astimezone().strftime("%H:%M")
            self.state_label.setText(self.tr("Bản nháp, tự động lưu (lần lưu gần nhất lúc {time}).").format(time=saved))
        else:
            self.state_label.setText(self.tr("Bản nháp: những gì đồng chí viết được tự động lưu."))

    def _ask_finalise(self) -> None:
        self.save(then=self._confirm_finalise)

    def _confirm_finalise(self) -> None:
        dialogs.ask(
            self,
            self.tr("Hoàn thành"),
            self.tr("Sau khi hoàn thành, bản thu hoạch và cam kết sẽ được khoá lại để nộp chi bộ. Đồng chí đồng ý?"),
            lambda yes: self._finalise() if yes else None,
            yes_text=self.tr("Hoàn thành"),
            no_text=self.tr("Chưa"),
        )

    def _finalise(self) -> None:
        if self._document_id is None:
            return
        pledges, member_id, document_id = self._service.pledges, self._member_id, self._document_id
        run_change(self, lambda: pledges.finalise(member_id, document_id), self._finalised, busy=[self.finalise_button])

    def _finalised(self, pledge: PledgeInfo) -> None:
        self.pledge = pledge
        self._apply_state()

    # PDF ---------------------------------------------------------------------------------------------------

    def _suggested_name(self) -> str:
        """In the member's Documents folder, named after the member (never the program folder)."""
        try:
            name = self._service.members.get_member(self._member_id).full_name
        except UserError:
            name = ""
        return str(documents_folder() / pdf_file_name(name))

    def open_preview(self) -> None:
        """Save the draft, render the form and its page images on the worker, then open the preview."""
        self.save(then=self._render_preview)

    def _render_preview(self) -> None:
        if self._document_id is None:
            return
        service, member_id, document_id = self._service, self._member_id, self._document_id
        making, drawing = self.tr("Đang tạo bản in..."), self.tr("Đang dựng trang xem trước...")

        def work(control: TaskControl) -> tuple[bytes, list[object]]:
            control.report(0, 2, making)
            pdf = build_form_pdf(service, member_id, document_id)
            control.check_cancelled()
            control.report(1, 2, drawing)
            return pdf, list(render_pages(pdf))

        self._runner.run(work, self._show_preview, label=self.tr("Đang tạo bản in..."))

    def _show_preview(self, result: tuple[bytes, list[object]]) -> None:
        from PySide6.QtGui import QImage

        pdf, images = result
        self.preview = PdfPreviewDialog(
            pdf, [image for image in images if isinstance(image, QImage)], self._suggested_name(), self
        )
        self.preview.open()

    def save_pdf(self) -> None:
        """Save the draft, render on the worker, then ask where to save."""
        self.save(then=self._render_pdf)

    def _render_pdf(self) -> None:
        if self._document_id is None:
            return
        service, member_id, document_id = self._service, self._member_id, self._document_id

        def ask_where(pdf: bytes) -> None:
            save_pdf_with_dialog(self, pdf, self._suggested_name(), self._saved)

        self._runner.run(
            lambda _control: build_form_pdf(service, member_id, document_id),
            ask_where,
            label=self.tr("Đang tạo bản in..."),
        )

    def _saved(self, path: str) -> None:
        self.state_label.setText(self.tr("Đã lưu tệp {path}.").format(path=path))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Bản thu hoạch và đăng ký cam kết"))
        self.reflections_title.setText(self.tr("I. Thu hoạch sau khi học tập"))
        self.commitments_title.setText(self.tr("II. Đăng ký cam kết (việc làm cụ thể)"))
        self.finalise_button.setText(self.tr("Hoàn thành và khoá"))
        self.preview_button.setText(self.tr("Xem trước và in"))
        self.save_pdf_button.setText(self.tr("Lưu thành tệp PDF"))
        if self.pledge is not None:
            self._apply_state()


def pdf_file_name(full_name: str) -> str:
    """``thu-hoach-cam-ket-nguyen-van-a.pdf``: the name without marks, so any PC and USB stick can hold it."""
    words = "".join(character if character.isalnum() else " " for character in fold(full_name)).split()
    return "-".join(["thu-hoach-cam-ket", *words]) + ".pdf"


def documents_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # A fresh account may have no Documents folder yet: the home folder, never the program's.
    return Path(location) if location and Path(location).is_dir() else Path.home()
