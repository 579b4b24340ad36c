"""First start, after the admin password: the names every printed paper needs (committee, chi bộ, place, deadline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from gui.admin.common import AdminPage, make_button, parse_date, show_date, vertical_scroll, wrapped_label
from gui.flow_layout import FlowLayout
from gui.style import set_role
from quiz.api.unit_details import UnitDetails

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service


class FirstStartPage(AdminPage):
    """Shown by the desk instead of its pages while the printed header is incomplete; ``finished`` when saved
    (or put off with "Để sau"). The same values stay editable on the settings page."""

    finished = Signal()

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.setObjectName("first_start_page")
        self.set_heading(self.tr("Thông tin in trên giấy tờ của đơn vị"))
        content = QWidget(self)
        intro = wrapped_label(
            self.tr(
                "Mỗi bản thu hoạch, bản cam kết và báo cáo đều in phần đầu theo thể thức văn bản của Đảng. "
                "Xin đồng chí nhập một lần các tên dưới đây; sau này có thể sửa trong «Cài đặt chung»."
            ),
            content,
        )
        self.party_committee = self._line(
            "first_party_committee", self.tr("Đảng bộ cấp trên"), self.tr("ví dụ: Đảng bộ xã Thanh Hà")
        )
        self.unit_name = self._line(
            "first_unit_name", self.tr("Tên chi bộ hoặc đảng bộ"), self.tr("ví dụ: Chi bộ thôn Đồng Tâm")
        )
        self.place_name = self._line(
            "first_place_name", self.tr("Địa danh ghi ở dòng ngày tháng"), self.tr("ví dụ: Thanh Hà")
        )
        self.forms_deadline = self._line(
            "first_forms_deadline",
            self.tr("Hạn nộp bản thu hoạch, cam kết"),
            self.tr("ngày/tháng/năm, có thể để trống"),
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Đảng bộ &cấp trên:"), self.party_committee)
        form.addRow(self.tr("Tên &chi bộ (đảng bộ):"), self.unit_name)
        form.addRow(self.tr("Đị&a danh:"), self.place_name)
        form.addRow(self.tr("&Hạn nộp thu hoạch, cam kết:"), self.forms_deadline)
        self.example = wrapped_label("", content)
        self.example.setObjectName("header_example")
        set_role(self.example, "hint")
        for line in (self.party_committee, self.unit_name, self.place_name):
            line.textChanged.connect(lambda _text: self._show_example())
        self.save_button = make_button(self.tr("Lưu và bắt đầu"), "save_unit_details", content)
        set_role(self.save_button, "primary")
        self.later_button = make_button(self.tr("Để sau"), "unit_details_later", content)
        self.save_button.clicked.connect(self.save)
        self.later_button.clicked.connect(self.finished)
        # One column of readable width, the buttons right under the fields they save.
        content.setMaximumWidth(content.fontMetrics().averageCharWidth() * 110)
        column = QVBoxLayout(content)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.example)
        column.addLayout(FlowLayout().add_widgets(self.save_button, self.later_button))
        column.addStretch(1)
        self.page_layout.addWidget(vertical_scroll(content, self), 1)
        self.refresh()

    def _line(self, object_name: str, accessible_name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(object_name)
        line.setAccessibleName(accessible_name)
        line.setPlaceholderText(placeholder)
        line.returnPressed.connect(self.save)
        return line

    def title(self) -> str:
        return self.tr("Thông tin đơn vị")

    def refresh(self) -> None:
        values = self.attempt(self.service.settings.all)
        if values is None:
            return
        details = UnitDetails.from_settings(values)
        self.party_committee.setText(details.party_committee)
        self.unit_name.setText(details.unit_name)
        self.place_name.setText(details.place_name)
        self.forms_deadline.setText(show_date(details.forms_deadline))
        self._show_example()
        self.party_committee.setFocus(Qt.FocusReason.OtherFocusReason)

    def details(self) -> UnitDetails:
        """The typed values; a badly typed date raises a Vietnamese UserError."""
        return UnitDetails(
            party_committee=self.party_committee.text().strip(),
            unit_name=self.unit_name.text().strip(),
            place_name=self.place_name.text().strip(),
            forms_deadline=parse_date(self.forms_deadline.text(), self.tr("Hạn nộp")),
        )

    def save(self) -> None:
        details = self.attempt(self.details)
        if details is None:
            return
        missing = details.missing()
        if missing:
            self.show_message(self.tr("Xin nhập {0}.").format(", ".join(missing)), error=True)
            return

        if self.perform(lambda: self.service.settings.save_unit_details(details), self.tr("Đã lưu thông tin đơn vị.")):
            self.finished.emit()

    def _show_example(self) -> None:
        committee = self.party_committee.text().strip().upper() or "…"
        unit = self.unit_name.text().strip().upper() or "…"
        place = self.place_name.text().strip() or "…"
        self.example.setText(
            self.tr("Phần đầu sẽ in: {0} / {1} / * — {2}, ngày … tháng … năm …").format(committee, unit, place)
        )
