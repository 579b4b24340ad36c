"""The member profile form of the members page: fills a MemberDraft, shows a MemberProfile."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from gui.admin.common import parse_date, show_date
from quiz.api.members import MemberDraft, MemberProfile, UnitView


class MemberForm(QWidget):
    """Plain line edits (dates typed as dd/mm/yyyy, which elderly users read more easily than spin boxes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_name = self._line("member_full_name", self.tr("Họ và tên"))
        self.birth_date = self._line("member_birth_date", self.tr("Ngày sinh"), self.tr("ngày/tháng/năm"))
        self.party_position = self._line("member_party_position", self.tr("Chức vụ Đảng"))
        self.job_position = self._line("member_job_position", self.tr("Chức vụ chuyên môn"))
        self.workplace = self._line("member_workplace", self.tr("Đơn vị công tác"))
        self.chi_bo = QComboBox(self)
        self.chi_bo.setObjectName("member_chi_bo")
        self.chi_bo.setAccessibleName(self.tr("Chi bộ"))
        self.joined_party_on = self._line("member_joined_party_on", self.tr("Ngày vào Đảng"), self.tr("ngày/tháng/năm"))
        self.card_number = self._line("member_card_number", self.tr("Số thẻ đảng viên"))
        self.chi_bo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chi_bo.setMinimumContentsLength(12)
        rows = (
            (self.tr("&Họ và tên:"), self.full_name),
            (self.tr("Ngày &sinh:"), self.birth_date),
            (self.tr("Chức vụ Đả&ng:"), self.party_position),
            (self.tr("Chức vụ &chuyên môn:"), self.job_position),
            (self.tr("Đơn vị &công tác:"), self.workplace),
            (self.tr("Chi &bộ:"), self.chi_bo),
            (self.tr("Ngày &vào Đảng:"), self.joined_party_on),
            (self.tr("Số &thẻ đảng viên:"), self.card_number),
        )
        # Beside the member list: when the column is narrow (large font) each label goes above its field.
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in rows:
            layout.addRow(text, field)

    def _line(self, object_name: str, accessible_name: str, placeholder: str = "") -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(object_name)
        line.setAccessibleName(accessible_name)
        line.setPlaceholderText(placeholder)
        line.setMinimumHeight(34)
        line.setMinimumWidth(line.fontMetrics().averageCharWidth() * 10)
        return line

    def set_units(self, units: list[UnitView]) -> None:
        """Offer every chi bộ; keep the current choice when it still exists."""
        current = self.chi_bo.currentData()
        self.chi_bo.clear()
        self.chi_bo.addItem(self.tr("(chưa chọn chi bộ)"), None)
        for unit in units:
            if unit.kind == "chi_bo":
                self.chi_bo.addItem(unit.name, unit.id)
        self.select_chi_bo(current)

    def select_chi_bo(self, chi_bo_id: str | None) -> None:
        index = self.chi_bo.findData(chi_bo_id) if chi_bo_id is not None else 0
        self.chi_bo.setCurrentIndex(max(index, 0))

    def draft(self) -> MemberDraft:
        """The typed values as a draft; a badly typed date raises a Vietnamese UserError."""
        chi_bo_id = self.chi_bo.currentData()
        return MemberDraft(
            full_name=self.full_name.text(),
            chi_bo_id=str(chi_bo_id) if chi_bo_id else None,
            birth_date=parse_date(self.birth_date.text(), self.tr("Ngày sinh")),
            party_position=self.party_position.text(),
            job_position=self.job_position.text(),
            workplace=self.workplace.text(),
            joined_party_on=parse_date(self.joined_party_on.text(), self.tr("Ngày vào Đảng")),
            card_number=self.card_number.text(),
        )

    def show_profile(self, profile: MemberProfile) -> None:
        self.full_name.setText(profile.full_name)
        self.birth_date.setText(show_date(profile.birth_date))
        self.party_position.setText(profile.party_position)
        self.job_position.setText(profile.job_position)
        self.workplace.setText(profile.workplace)
        self.select_chi_bo(profile.chi_bo_id)
        self.joined_party_on.setText(show_date(profile.joined_party_on))
        self.card_number.setText(profile.card_number)

    def clear(self) -> None:
        for line in (
            self.full_name,
            self.birth_date,
            self.party_position,
            self.job_position,
            self.workplace,
            self.joined_party_on,
            self.card_number,
        ):
            line.clear()
