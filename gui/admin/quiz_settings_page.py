"""Quiz settings of one document: number of questions, type mix, sections, time, pass mark, attempts, deadline."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.admin.common import AdminPage, make_button, parse_date, show_date, vertical_scroll, wrapped_label
from gui.admin.document_picker import DocumentPicker
from gui.operations import run_change
from quiz.api.attempts import MAXIMUM_QUESTIONS, QuizSettingsData
from quiz.api.changes import Area
from quiz.api.enums import QUESTION_TYPES, CountingRule

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.api.documents import SectionInfo
    from quiz.service import Service


def type_names(page: QWidget) -> dict[str, str]:
    """Question types as the admin reads them (one context, so both pages share the translations)."""
    return {
        "single": QCoreApplication.translate("AdminPage", "Chọn một đáp án"),
        "multi": QCoreApplication.translate("AdminPage", "Chọn nhiều đáp án"),
        "truefalse": QCoreApplication.translate("AdminPage", "Đúng / Sai"),
        "cloze": QCoreApplication.translate("AdminPage", "Điền vào chỗ trống"),
        "matching": QCoreApplication.translate("AdminPage", "Ghép cặp"),
    }


class QuizSettingsPage(AdminPage):
    shown_areas = frozenset({Area.DOCUMENTS, Area.QUESTIONS, Area.SETTINGS})

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Cài đặt bài kiểm tra"))
        self.settings: QuizSettingsData | None = None
        self.document_picker = DocumentPicker(self)
        self.document_picker.document_changed.connect(lambda _document_id: self.load_settings())
        picker_row = QHBoxLayout()
        picker_label = QLabel(self.tr("&Văn bản:"), self)
        picker_label.setBuddy(self.document_picker)
        picker_row.addWidget(picker_label)
        picker_row.addWidget(self.document_picker, 1)
        self.page_layout.addLayout(picker_row)
        content = QWidget(self)
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self._build_rules_box(), 1)
        columns.addWidget(self._build_content_box(), 1)
        # The boxes scroll at a large font; "Lưu cài đặt" stays below them, always in view.
        self.page_layout.addWidget(vertical_scroll(content, self), 1)
        self.save_button = make_button(self.tr("Lưu cài đặt"), "save_quiz_settings", self)
        self.save_button.clicked.connect(self.save_settings)
        self.page_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

    def title(self) -> str:
        return self.tr("Cài đặt bài kiểm tra")

    def _build_rules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quy định làm bài"), self)
        self.question_count = QSpinBox(box)
        self.question_count.setObjectName("question_count")
        self.question_count.setRange(1, MAXIMUM_QUESTIONS)
        self.time_limit = QSpinBox(box)
        self.time_limit.setObjectName("time_limit")
        self.time_limit.setRange(0, 600)
        self.time_limit.setSuffix(self.tr(" phút"))
        self.time_limit.setSpecialValueText(self.tr("Không giới hạn"))
        self.pass_mark = QDoubleSpinBox(box)
        self.pass_mark.setObjectName("pass_mark")
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setDecimals(0)
        self.pass_mark.setSuffix(" %")
        self.attempts_allowed = QSpinBox(box)
        self.attempts_allowed.setObjectName("attempts_allowed")
        self.attempts_allowed.setRange(0, 100)
        self.attempts_allowed.setSpecialValueText(self.tr("Không giới hạn"))
        self.counting = QComboBox(box)
        self.counting.setObjectName("counting")
        self.counting.addItem(self.tr("Lần có điểm cao nhất"), "best")
        self.counting.addItem(self.tr("Lần làm cuối cùng"), "last")
        self.deadline = QLineEdit(box)
        self.deadline.setObjectName("deadline")
        self.deadline.setPlaceholderText(self.tr("ngày/tháng/năm, để trống nếu không có hạn"))
        self.counting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.counting.setMinimumContentsLength(10)
        layout = QFormLayout(box)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows = (
            (self.tr("Số &câu hỏi:"), self.question_count, self.tr("Số câu hỏi mỗi bài")),
            (self.tr("&Thời gian làm bài:"), self.time_limit, self.tr("Thời gian làm bài")),
            (self.tr("Điểm đạ&t:"), self.pass_mark, self.tr("Điểm đạt")),
            (self.tr("Số lần được &làm:"), self.attempts_allowed, self.tr("Số lần được làm bài")),
            (self.tr("Tính &điểm theo:"), self.counting, self.tr("Lần làm bài được tính điểm")),
            (self.tr("&Hạn hoàn thành:"), self.deadline, self.tr("Hạn hoàn thành")),
        )
        for label, widget, accessible_name in rows:
            widget.setAccessibleName(accessible_name)
            widget.setMinimumHeight(34)
            layout.addRow(label, widget)
        return box

    def _build_content_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Nội dung bài"), self)
        self.type_weights: dict[str, QSpinBox] = {}
        weights = QGridLayout()
        for row, (kind, name) in enumerate(type_names(self).items()):
            spin = QSpinBox(box)
            spin.setObjectName(f"weight_{kind}")
            spin.setRange(0, 10)
            spin.setAccessibleName(self.tr("Tỉ lệ câu hỏi loại {0}").format(name))
            label = QLabel(name, box)
            label.setBuddy(spin)
            weights.addWidget(label, row, 0)
            weights.addWidget(spin, row, 1)
            self.type_weights[kind] = spin
        self.sections = QListWidget(box)
        self.sections.setObjectName("quiz_sections")
        self.sections.setAccessibleName(self.tr("Các phần của văn bản đưa vào bài; không chọn phần nào là lấy tất cả"))
        self.sections.setMinimumHeight(self.sections.fontMetrics().height() * 6)
        layout = QVBoxLayout(box)
        layout.addWidget(wrapped_label(self.tr("Tỉ lệ các loại câu hỏi (0 là không dùng):"), box))
        layout.addLayout(weights)
        layout.addWidget(wrapped_label(self.tr("Các phần đưa vào bài (không đánh dấu phần nào là lấy tất cả):"), box))
        layout.addWidget(self.sections, 1)
        return box

    # Loading and saving --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.document_picker.reload(self.service)

    def load_settings(self) -> None:
        document_id = self.document_picker.document_id()
        self.save_button.setEnabled(False)  # until this document's settings are shown
        if document_id is None:
            self.settings = None
        quizzes, documents = self.service.quizzes, self.service.documents

        def read() -> tuple[QuizSettingsData, list[SectionInfo]] | None:
            if document_id is None:  # still queued, so an older document's load cannot land after it
                return None
            return quizzes.get_settings(document_id), documents.sections(document_id)

        self.load(read, self._show_settings)

    def _show_settings(self, loaded: tuple[QuizSettingsData, list[SectionInfo]] | None) -> None:
        if loaded is None:
            return
        settings, sections = loaded
        self.settings = settings
        self.save_button.setEnabled(True)
        self.question_count.setValue(settings.question_count)
        self.time_limit.setValue(settings.time_limit_minutes or 0)
        self.pass_mark.setValue(settings.pass_mark_percent)
        self.attempts_allowed.setValue(settings.attempts_allowed or 0)
        self.counting.setCurrentIndex(max(self.counting.findData(settings.counting), 0))
        self.deadline.setText(show_date(settings.deadline))
        for kind, spin in self.type_weights.items():
            # An empty mix means every type, balanced: shown as weight 1 each.
            spin.setValue(settings.type_mix.get(kind, 0) if settings.type_mix else 1)
        self.sections.clear()
        chosen = set(settings.section_ids)
        for section in sections:
            item = QListWidgetItem("    " * max(section.level - 1, 0) + section.title, self.sections)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if section.id in chosen else Qt.CheckState.Unchecked)

    def form_settings(self, base: QuizSettingsData) -> QuizSettingsData:
        weights = {kind: spin.value() for kind, spin in self.type_weights.items()}
        balanced = len(set(weights.values())) == 1 and set(weights) == set(QUESTION_TYPES)
        sections = tuple(
            str(self.sections.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.sections.count())
            if self.sections.item(row).checkState() == Qt.CheckState.Checked
        )
        return replace(
            base,
            question_count=self.question_count.value(),
            type_mix={} if balanced and weights["single"] > 0 else weights,
            section_ids=sections,
            time_limit_minutes=self.time_limit.value() or None,
            pass_mark_percent=self.pass_mark.value(),
            attempts_allowed=self.attempts_allowed.value() or None,
            counting=CountingRule(str(self.counting.currentData())),
            deadline=parse_date(self.deadline.text(), self.tr("Hạn hoàn thành")),
        )

    def save_settings(self) -> None:
        base = self.settings
        if base is None:
            return
        try:
            wanted = self.form_settings(base)  # a badly typed date is refused here, before anything is sent
        except Exception as error:  # shown as a sentence, as every refusal on the page (logged by error_message)
            self.show_error(error)
            return
        quizzes = self.service.quizzes
        run_change(
            self,
            lambda: quizzes.save_settings(wanted),
            self._saved,
            on_failure=self.show_error,
            busy=[self.save_button],
        )

    def _saved(self, saved: QuizSettingsData) -> None:
        self.settings = saved
        self.show_message(self.tr("Đã lưu cài đặt bài kiểm tra."))
