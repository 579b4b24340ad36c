"""Results packages: the unit key, export of this PC's results, preview and merge of packages from other PCs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.admin.common import AdminPage, make_button, show_date, wrapped_label
from gui.admin.work import PageTask, ProgressRow
from gui.flow_layout import FlowLayout
from gui.tasks import TaskRunner
from quiz.api.changes import Area
from quiz.api.packages import KIND_NAMES, ExportSummary, MemberMatch, MergeReport, PackagePreview

if TYPE_CHECKING:
    from quiz.api.members import UnitView
    from quiz.service import Service

PACKAGE_FILTER: str = QT_TRANSLATE_NOOP("ResultsPage", "Gói kết quả (*.nqpkg)")  # type: ignore[assignment]


class ResultsPage(AdminPage):
    shown_areas = frozenset({Area.MEMBERS, Area.SETTINGS})

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Tổng hợp kết quả giữa các máy"))
        self.chosen_paths: list[Path] = []
        self.matches: list[MemberMatch] = []
        self.last_report: MergeReport | None = None
        # The two small boxes side by side: the packages' preview below keeps the page's height.
        top = QHBoxLayout()
        top.addWidget(self._build_key_box(), 1)
        top.addWidget(self._build_export_box(), 1)
        self.page_layout.addLayout(top)
        self.page_layout.addWidget(self._build_import_box(), 1)
        self.progress_row = ProgressRow(self.tr("Tiến độ"), self)
        self.page_layout.addWidget(self.progress_row)
        self.work = PageTask(self, self.progress_row)
        self.work.state_changed.connect(self._update_buttons)

    def title(self) -> str:
        return self.tr("Tổng hợp kết quả")

    def _build_key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Khoá chung của đơn vị"), self)
        box.setToolTip(self.tr("Khoá chung giống nhau trên mọi máy của đơn vị."))
        self.key_edit = QLineEdit(box)
        self.key_edit.setObjectName("unit_key")
        self.key_edit.setAccessibleName(self.tr("Khoá chung của đơn vị"))
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_button = make_button(self.tr("Đặt khoá"), "set_unit_key", box)
        self.key_button.clicked.connect(self.set_unit_key)
        self.key_label = QLabel(box)
        self.key_label.setObjectName("unit_key_id")
        self.key_label.setWordWrap(True)
        layout = QGridLayout(box)
        layout.addWidget(self.key_edit, 0, 0)
        layout.addWidget(self.key_button, 0, 1)
        layout.addWidget(self.key_label, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        return box

    def _build_export_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gửi kết quả của máy này (ra USB)"), self)
        self.export_scope = QComboBox(box)
        self.export_scope.setObjectName("export_scope")
        self.export_scope.setAccessibleName(self.tr("Chi bộ cần xuất"))
        self.include_document = QCheckBox(self.tr("Kèm cả văn bản nghị quyết"), box)
        self.export_button = make_button(self.tr("Xuất gói kết quả…"), "export_package", box)
        self.export_button.clicked.connect(lambda: self.choose_save_path(self.export_package))
        self.export_scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.export_scope.setMinimumContentsLength(12)
        layout = QGridLayout(box)
        layout.addWidget(self.export_scope, 0, 0)
        layout.addWidget(self.include_document, 0, 1)
        layout.addWidget(self.export_button, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        layout.setColumnStretch(0, 1)
        return box

    def _build_import_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Nhận kết quả từ các máy khác"), self)
        self.choose_button = make_button(self.tr("Chọn gói kết quả…"), "choose_packages", box)
        self.choose_button.clicked.connect(lambda: self.choose_package_files(self.preview_packages))
        self.merge_button = make_button(self.tr("Gộp vào dữ liệu"), "merge_packages", box)
        self.merge_button.clicked.connect(self.merge_packages)
        self.merge_button.setEnabled(False)
        self.preview_text = QPlainTextEdit(box)
        self.preview_text.setObjectName("package_preview")
        self.preview_text.setAccessibleName(self.tr("Nội dung các gói và kết quả gộp"))
        self.preview_text.setReadOnly(True)
        self.preview_text.setTabChangesFocus(True)
        self.match_list = QListWidget(box)
        self.match_list.setObjectName("member_matches")
        self.match_list.setAccessibleName(
            self.tr("Đảng viên trùng họ tên và ngày sinh: đánh dấu nếu là cùng một người")
        )
        matches = QWidget(box)
        matches_layout = QVBoxLayout(matches)
        matches_layout.setContentsMargins(0, 0, 0, 0)
        matches_layout.addWidget(
            wrapped_label(self.tr("Trùng họ tên và ngày sinh — đánh dấu nếu là cùng một người:"), matches)
        )
        matches_layout.addWidget(self.match_list, 1)
        # The preview and the matches share the box's height; the admin drags the line between them.
        splitter = QSplitter(Qt.Orientation.Vertical, box)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.preview_text)
        splitter.addWidget(matches)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        for widget in (self.preview_text, self.match_list):
            widget.setMinimumHeight(widget.fontMetrics().height() * 3 // 2)
        layout = QVBoxLayout(box)
        layout.addLayout(FlowLayout().add_widgets(self.choose_button, self.merge_button))
        layout.addWidget(splitter, 1)
        return box

    def refresh(self) -> None:
        self.load(self.service.results.unit_key_id, self._show_key_id, key="key")
        self.load(self.service.members.list_units, self._show_units, key="units")

    def _show_key_id(self, key_id: str | None) -> None:
        self.key_label.setText(
            self.tr("Mã nhận diện khoá: {0}").format(key_id) if key_id else self.tr("Chưa đặt khoá.")
        )

    def _show_units(self, units: list[UnitView]) -> None:
        chosen = self.export_scope.currentData()
        self.export_scope.clear()
        self.export_scope.addItem(self.tr("Mọi chi bộ trên máy này"), None)
        for unit in units:
            if unit.kind == "chi_bo":
                self.export_scope.addItem(unit.name, unit.id)
        if chosen is not None:
            self.export_scope.setCurrentIndex(max(self.export_scope.findData(chosen), 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.work.busy
        for button in (self.key_button, self.export_button, self.choose_button):
            button.setEnabled(idle)
        self.merge_button.setEnabled(idle and bool(self.chosen_paths))

    def set_unit_key(self) -> None:
        passphrase = self.key_edit.text()
        key_id = self.attempt(lambda: self.service.results.set_unit_key(passphrase))
        if key_id is not None:
            self.key_edit.clear()
            self.show_message(self.tr("Đã đặt khoá; mã nhận diện {0} phải giống nhau trên mọi máy.").format(key_id))
            self.reload()

    # File choosers (tests replace these) ---------------------------------------------------------------------

    def choose_save_path(self, on_chosen: Callable[[Path], None]) -> None:
        dialogs.choose_save_file(
            self,
            self.tr("Lưu gói kết quả"),
            self.tr(PACKAGE_FILTER),
            "ket-qua.nqpkg",
            lambda path: on_chosen(Path(path)),
        )

    def choose_package_files(self, on_chosen: Callable[[list[Path]], None]) -> None:
        dialog = QFileDialog(self, self.tr("Chọn các gói kết quả"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilter(self.tr(PACKAGE_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda paths: on_chosen([Path(path) for path in paths]))
        dialog.open()

    # Work on the worker thread -------------------------------------------------------------------------------

    def _run(self, work: Callable[[], object], on_done: Callable[[object], None], text: str) -> None:
        # One transaction: it finishes or changes nothing, so there is no cancel.
        self.work.run(lambda _control, _gate: work(), on_done, text=text)

    def is_busy(self) -> bool:
        return self.work.busy

    def export_package(self, path: Path) -> None:
        chi_bo_id = self.export_scope.currentData()
        include = self.include_document.isChecked()
        results = self.service.results
        self._run(lambda: results.export(path, chi_bo_id, include), self._exported, self.tr("Đang xuất…"))

    def _exported(self, value: object) -> None:
        assert isinstance(value, ExportSummary)
        self.show_message(
            self.tr("Đã xuất {0}: {1} đảng viên, {2} bài làm, {3} bản cam kết.").format(
                value.path.name,
                value.counts.get("members", 0),
                value.counts.get("attempts", 0),
                value.counts.get("pledges", 0),
            )
        )

    def preview_packages(self, paths: list[Path]) -> None:
        results = self.service.results

        def work() -> list[tuple[Path, PackagePreview | str]]:
            previews: list[tuple[Path, PackagePreview | str]] = []
            for path in paths:
                try:
                    previews.append((path, results.preview(path)))
                except Exception as error:  # one bad package is reported, the others still shown
                    previews.append((path, dialogs.error_message(error)))
            return previews

        self.chosen_paths = list(paths)
        self._run(work, self._previewed, self.tr("Đang đọc các gói…"))

    def _previewed(self, value: object) -> None:
        assert isinstance(value, list)
        lines: list[str] = []
        self.matches = []
        for path, preview in value:
            if isinstance(preview, str):
                lines.append(self.tr("✗ {0}: {1}").format(path.name, preview))
                continue
            people = self.tr("{0} đảng viên mới, {1} đã có").format(
                len(preview.new_members), len(preview.known_members)
            )
            lines.append(self.tr("• {0} — từ {1}: {2}.").format(path.name, preview.source, people))
            if preview.already_imported:
                lines.append(self.tr("   Gói này đã được gộp trước đây; gộp lại không thay đổi gì."))
            if preview.problem:
                lines.append("   " + preview.problem)
            self.matches.extend(preview.matches)
        self.preview_text.setPlainText("\n".join(lines))
        self.match_list.clear()
        for match in self.matches:
            text = self.tr("{0} ({1}, sinh {2}) ↔ {3} ({4})").format(
                match.incoming_name,
                match.incoming_chi_bo,
                show_date(match.birth_date),
                match.local_name,
                match.local_chi_bo,
            )
            item = QListWidgetItem(text, self.match_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._update_buttons()

    def confirmed_pairs(self) -> list[tuple[str, str]]:
        return [
            (match.incoming_id, match.local_id)
            for row, match in enumerate(self.matches)
            if self.match_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def merge_packages(self) -> None:
        paths, pairs, results = list(self.chosen_paths), self.confirmed_pairs(), self.service.results
        self._run(lambda: results.import_packages(paths, pairs), self._merged, self.tr("Đang gộp kết quả…"))

    def _merged(self, value: object) -> None:
        assert isinstance(value, MergeReport)
        self.last_report = value
        self.chosen_paths = []
        lines = [self.tr("Kết quả gộp (thêm / cập nhật / bỏ qua / từ chối):")]
        for kind, name in KIND_NAMES.items():
            counts = value.counts[kind]
            if counts.added or counts.updated or counts.skipped or counts.refused:
                lines.append(f"  {name}: {counts.added} / {counts.updated} / {counts.skipped} / {counts.refused}")
        for outcome in value.packages:
            if outcome.refused is None:
                lines.append(self.tr("✓ {0} – {1}").format(outcome.file_name, outcome.source))
            else:
                lines.append(self.tr("✗ {0}: {1}").format(outcome.file_name, outcome.refused))
        lines.extend("  " + note for note in value.notes)
        self.preview_text.setPlainText("\n".join(lines))
        self.match_list.clear()
        self.matches = []
        if value.has_refusals:
            self.show_message(self.tr("Đã gộp xong, có phần bị từ chối; xem chi tiết bên dưới."), error=True)
        else:
            self.show_message(self.tr("Đã gộp xong các gói kết quả."))
        self._update_buttons()
