"""Unit progress: per chi bộ counts as a table and a bar chart, and the members not done by the deadline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from gui.admin.bar_chart import BarChart, ChartGroup
from gui.admin.common import AdminPage, make_button
from gui.admin.document_picker import DocumentPicker
from gui.admin.table_model import Column, RecordTableModel, make_table_view
from quiz.api.changes import Area
from quiz.api.unit import ChiBoProgress, MemberProgress, UnitProgress, percent
from quiz.formatting import format_date, format_percent

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service


def _score(value: float | None) -> str:
    return format_percent(value) if value is not None else ""


def _chart_counts(row: ChiBoProgress) -> tuple[int, ...]:
    return (row.studied, row.took_quiz, row.passed, row.pledged)


class UnitProgressPage(AdminPage):
    shown_areas = frozenset(Area) - {Area.ACCOUNTS, Area.PACKAGES, Area.SETTINGS}

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Tiến độ học tập của đơn vị"))
        self.progress: UnitProgress | None = None
        self.document_picker = DocumentPicker(self)
        self.document_picker.document_changed.connect(lambda _document_id: self.load_progress())
        self.reload_button = make_button(self.tr("Cập nhật số liệu"), "reload_progress", self)
        self.reload_button.clicked.connect(self.load_progress)
        row = QHBoxLayout()
        picker_label = QLabel(self.tr("&Văn bản:"), self)
        picker_label.setBuddy(self.document_picker)
        row.addWidget(picker_label)
        row.addWidget(self.document_picker, 1)
        row.addWidget(self.reload_button)
        self.page_layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setObjectName("progress_summary")
        self.summary.setWordWrap(True)
        self.page_layout.addWidget(self.summary)
        self.chi_bo_model: RecordTableModel[ChiBoProgress] = RecordTableModel(self._chi_bo_columns(), self)
        # Not sortable: the total row stays last.
        self.chi_bo_table = make_table_view(self.chi_bo_model, self.tr("Tiến độ theo chi bộ"), self, sortable=False)
        self.chi_bo_table.setObjectName("chi_bo_progress")
        self.chart = BarChart(self)
        self.chart.setAccessibleName(self.tr("Biểu đồ tiến độ theo chi bộ"))
        self.late_model: RecordTableModel[MemberProgress] = RecordTableModel(self._late_columns(), self)
        self.late_table = make_table_view(self.late_model, self.tr("Đảng viên chưa hoàn thành bài kiểm tra"), self)
        self.late_table.setObjectName("members_not_done")
        late_box = QGroupBox(self.tr("Đảng viên chưa hoàn thành bài kiểm tra"), self)
        QVBoxLayout(late_box).addWidget(self.late_table)
        for table in (self.chi_bo_table, self.late_table):
            table.setMinimumHeight(table.fontMetrics().height() * 3)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        self.chart.setMinimumHeight(self.chart.fontMetrics().height() * 4)
        splitter.addWidget(self.chi_bo_table)
        splitter.addWidget(self.chart)
        splitter.addWidget(late_box)
        splitter.setStretchFactor(1, 1)
        self.page_layout.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("Tiến độ đơn vị")

    def _chi_bo_columns(self) -> list[Column[ChiBoProgress]]:
        def count(header: str, pick: str) -> Column[ChiBoProgress]:
            return Column(
                header,
                lambda row: row.ratio(getattr(row, pick)),
                numeric=True,
                sort_key=lambda row: percent(getattr(row, pick), row.members),
            )

        return [
            Column(self.tr("Chi bộ"), lambda row: row.name),
            Column(self.tr("Đảng viên"), lambda row: str(row.members), numeric=True, sort_key=lambda row: row.members),
            count(self.tr("Đã học xong"), "studied"),
            count(self.tr("Đã làm bài"), "took_quiz"),
            count(self.tr("Đạt"), "passed"),
            count(self.tr("Đã cam kết"), "pledged"),
            Column(self.tr("Điểm trung bình"), lambda row: _score(row.average_score), numeric=True),
            Column(
                self.tr("Chưa xong đúng hạn"),
                lambda row: str(row.not_done_by_deadline),
                numeric=True,
                sort_key=lambda row: row.not_done_by_deadline,
            ),
        ]

    def _late_columns(self) -> list[Column[MemberProgress]]:
        return [
            Column(self.tr("Họ và tên"), lambda row: row.full_name),
            Column(self.tr("Chi bộ"), lambda row: row.chi_bo_name),
            Column(
                self.tr("Mục đã học"),
                lambda row: f"{row.sections_studied}/{row.sections_total}",
                numeric=True,
                sort_key=lambda row: row.sections_studied,
            ),
            Column(
                self.tr("Số lần làm bài"),
                lambda row: str(row.exam_attempts),
                numeric=True,
                sort_key=lambda row: row.exam_attempts,
            ),
        ]

    def refresh(self) -> None:
        self.document_picker.reload(self.service)

    def load_progress(self) -> None:
        document_id = self.document_picker.document_id()
        if document_id is None:
            self.progress = None
            self.chi_bo_model.set_rows([])
            self.late_model.set_rows([])
            self.chart.set_data((), [])
            self.summary.setText(self.tr("Chưa có văn bản nào; hãy nhập văn bản Nghị quyết trước."))
            return
        unit = self.service.unit
        # The heaviest read of the desk (every member of the đảng bộ): off the UI thread, newest choice wins.
        self.load(lambda: (unit.unit_progress(document_id), unit.members_not_done(document_id)), self._show_progress)

    def _show_progress(self, loaded: tuple[UnitProgress, list[MemberProgress]]) -> None:
        progress, late = loaded
        self.progress = progress
        self.chi_bo_model.set_rows([*progress.chi_bo, progress.total])
        self.chi_bo_table.resizeColumnsToContents()
        self.late_model.set_rows(late)
        self.late_table.resizeColumnsToContents()
        series = (self.tr("Đã học xong"), self.tr("Đã làm bài"), self.tr("Đạt"), self.tr("Đã cam kết"))
        groups = [
            ChartGroup(row.name, tuple(percent(count, row.members) for count in _chart_counts(row)))
            for row in progress.chi_bo
            if row.members
        ]
        self.chart.set_data(series, groups)
        total = progress.total
        deadline = (
            self.tr("Hạn hoàn thành: {0}.").format(format_date(progress.deadline))
            if progress.deadline
            else self.tr("Chưa đặt hạn hoàn thành.")
        )
        self.summary.setText(
            self.tr("{0}: {1} đảng viên, đã làm bài {2}, đạt {3}. {4}").format(
                total.name, total.members, total.ratio(total.took_quiz), total.ratio(total.passed), deadline
            )
        )
