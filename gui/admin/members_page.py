"""Members and chi bộ management: the unit tree on the left, the member list and profile form on the right."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.admin.common import AdminPage, make_button, show_date, vertical_scroll
from gui.admin.member_form import MemberForm
from gui.admin.table_model import Column, RecordTableModel, make_table_view, selected_source_row
from gui.flow_layout import FlowLayout
from quiz.api.changes import Area
from quiz.api.members import MemberDraft, MemberProfile, UnitView
from quiz.formatting import format_short_date

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole
FAILURES_SHOWN = 30


class MembersPage(AdminPage):
    shown_areas = frozenset({Area.MEMBERS, Area.ACCOUNTS})

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Đảng viên và chi bộ"))
        self.units: list[UnitView] = []
        self._unit_to_select: str | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("members_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_units_box())
        self.splitter.addWidget(self._build_members_box())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([270, 900])
        self.page_layout.addWidget(self.splitter, 1)

    def title(self) -> str:
        return self.tr("Đảng viên, chi bộ")

    # Building ------------------------------------------------------------------------------------------------

    def _build_units_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Đơn vị"), self)
        self.unit_tree = QTreeWidget(box)
        self.unit_tree.setObjectName("unit_tree")
        self.unit_tree.setAccessibleName(self.tr("Đảng bộ và chi bộ"))
        self.unit_tree.setHeaderHidden(True)
        self.unit_tree.currentItemChanged.connect(lambda _current, _previous: self._unit_chosen())
        self.unit_name = QLineEdit(box)
        self.unit_name.setObjectName("unit_name")
        self.unit_name.setAccessibleName(self.tr("Tên đơn vị mới hoặc tên mới"))
        self.unit_name.setPlaceholderText(self.tr("Tên đơn vị, ví dụ: Chi bộ Văn phòng"))
        self.add_dang_bo_button = make_button(self.tr("Thêm đảng bộ"), "add_dang_bo", box)
        self.add_chi_bo_button = make_button(self.tr("Thêm chi bộ"), "add_chi_bo", box)
        self.rename_unit_button = make_button(self.tr("Đổi tên"), "rename_unit", box)
        self.delete_unit_button = make_button(self.tr("Xoá đơn vị"), "delete_unit", box)
        self.add_dang_bo_button.clicked.connect(lambda: self.add_unit("dang_bo"))
        self.add_chi_bo_button.clicked.connect(lambda: self.add_unit("chi_bo"))
        self.rename_unit_button.clicked.connect(self.rename_unit)
        self.delete_unit_button.clicked.connect(self.delete_unit)
        buttons = FlowLayout().add_widgets(
            self.add_dang_bo_button, self.add_chi_bo_button, self.rename_unit_button, self.delete_unit_button
        )
        layout = QVBoxLayout(box)
        layout.addWidget(self.unit_tree, 1)
        layout.addWidget(self.unit_name)
        layout.addLayout(buttons)
        return box

    def _build_members_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Đảng viên"), self)
        self.search_box = QLineEdit(box)
        self.search_box.setObjectName("member_search")
        self.search_box.setAccessibleName(self.tr("Tìm đảng viên theo tên"))
        self.search_box.setPlaceholderText(self.tr("Tìm theo tên (gõ không dấu cũng được)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self.reload_members())
        self.member_model: RecordTableModel[MemberProfile] = RecordTableModel(
            [
                Column(self.tr("Họ và tên"), lambda member: member.full_name),
                Column(self.tr("Ngày sinh"), lambda member: show_date(member.birth_date), sort_key=_birth_key),
                Column(self.tr("Chức vụ"), lambda member: member.party_position or member.job_position),
                Column(self.tr("Chi bộ"), lambda member: member.chi_bo_name),
                Column(self.tr("Mã PIN"), lambda member: self.tr("có") if member.has_pin else ""),
                Column(self.tr("Trạng thái"), lambda member: self.tr("chờ duyệt") if member.pending else ""),
            ],
            self,
        )
        self.member_table = make_table_view(self.member_model, self.tr("Danh sách đảng viên"), box)
        self.member_table.setObjectName("member_table")
        self.member_table.selectionModel().selectionChanged.connect(lambda _new, _old: self._member_chosen())
        self.form = MemberForm(box)
        self.add_member_button = make_button(self.tr("Thêm đảng viên"), "add_member", box)
        self.save_member_button = make_button(self.tr("Lưu thay đổi"), "save_member", box)
        self.delete_member_button = make_button(self.tr("Xoá đảng viên"), "delete_member", box)
        self.clear_pin_button = make_button(self.tr("Bỏ mã PIN"), "clear_pin", box)
        self.new_member_button = make_button(self.tr("Làm trống"), "new_member", box)
        self.reopen_pledge_button = make_button(self.tr("Mở lại bản cam kết"), "reopen_pledge", box)
        self.confirm_member_button = make_button(self.tr("Duyệt"), "confirm_member", box)
        self.confirm_member_button.setToolTip(
            self.tr("Xác nhận đảng viên tự thêm tên ở màn hình đầu; từ đó kết quả của đồng chí được tính.")
        )
        self.confirm_member_button.clicked.connect(self.confirm_member)
        self.failures_button = make_button(self.tr("Lần đăng nhập sai"), "sign_in_failures", box)
        self.failures_button.setToolTip(self.tr("Những lần nhập sai mật khẩu quản trị hoặc mã PIN gần đây."))
        self.failures_button.clicked.connect(self.show_sign_in_failures)
        self.reopen_pledge_button.setToolTip(
            self.tr("Mở khoá bản thu hoạch, cam kết đã hoàn thành để đảng viên sửa lại (bản đã nộp vẫn được lưu).")
        )
        self.add_member_button.clicked.connect(self.add_member)
        self.reopen_pledge_button.clicked.connect(self.reopen_pledge)
        self.save_member_button.clicked.connect(self.save_member)
        self.delete_member_button.clicked.connect(self.delete_member)
        self.clear_pin_button.clicked.connect(self.clear_pin)
        self.new_member_button.clicked.connect(self._new_member)
        buttons = FlowLayout().add_widgets(
            self.confirm_member_button,
            self.add_member_button,
            self.save_member_button,
            self.delete_member_button,
            self.clear_pin_button,
            self.reopen_pledge_button,
        )
        # The profile beside the list (it scrolls at a large font), the buttons below both: the list keeps most
        # of the box's height (many rows in view) and the splitter lets the admin trade widths.
        profile_scroll = vertical_scroll(self.form, box)
        profile_scroll.setObjectName("member_profile_scroll")
        self.member_splitter = QSplitter(Qt.Orientation.Horizontal, box)
        self.member_splitter.setObjectName("member_splitter")
        self.member_splitter.setChildrenCollapsible(False)
        self.member_splitter.addWidget(self.member_table)
        self.member_splitter.addWidget(profile_scroll)
        self.member_splitter.setStretchFactor(0, 1)
        self.member_splitter.setStretchFactor(1, 1)
        # "Làm trống" starts a new profile and the failed sign-ins concern the whole PC: both sit beside the
        # search, so the row of member buttons below fits one line and the list keeps its rows.
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_member_button)
        top.addWidget(self.failures_button)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.member_splitter, 1)
        layout.addLayout(buttons)
        self._update_member_buttons()
        return box

    # Loading -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.load(self.service.members.list_units, self._show_units, key="units")

    def _show_units(self, units: list[UnitView]) -> None:
        self.units = units
        chosen = self._unit_to_select or self.selected_unit_id()
        self._unit_to_select = None
        # Filling the tree moves its current item many times: one members load after it, not one per move.
        items: dict[str, QTreeWidgetItem] = {}
        self.unit_tree.blockSignals(True)
        try:
            self.unit_tree.clear()
            for unit in units:
                if unit.kind == "dang_bo":
                    items[unit.id] = self._unit_item(unit, None)
            for unit in units:
                if unit.kind == "chi_bo":
                    items[unit.id] = self._unit_item(unit, items.get(unit.parent_id or ""))
            self.unit_tree.expandAll()
            self.unit_tree.resizeColumnToContents(0)
            if chosen in items:
                self.unit_tree.setCurrentItem(items[chosen])
        finally:
            self.unit_tree.blockSignals(False)
        self.form.set_units(units)
        if chosen in items:
            self._unit_chosen()
        else:
            self.reload_members()

    def _unit_item(self, unit: UnitView, parent: QTreeWidgetItem | None) -> QTreeWidgetItem:
        text = (
            self.tr("{0} ({1} đảng viên)").format(unit.name, unit.member_count) if unit.kind == "chi_bo" else unit.name
        )
        item = QTreeWidgetItem([text])
        item.setData(0, UNIT_ID_ROLE, unit.id)
        if parent is None:
            self.unit_tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def reload_members(self) -> None:
        """The members of the chosen chi bộ (all when none is chosen), narrowed by the folded name search."""
        unit = self.selected_unit()
        chi_bo_id = unit.id if unit is not None and unit.kind == "chi_bo" else None
        query = self.search_box.text().strip()
        members_service = self.service.members

        def read() -> list[MemberProfile]:
            members = members_service.list_members(chi_bo_id)
            if not query:
                return members
            matching = {summary.id for summary in members_service.search(query, 10_000)}
            return [member for member in members if member.id in matching]

        self.load(read, self._show_members, key="members")

    def _show_members(self, members: list[MemberProfile]) -> None:
        """Show the loaded rows, keeping the member that was selected (a save reloads the list)."""
        kept = self.selected_member()
        self.member_model.set_rows(members)
        self.member_table.resizeColumnsToContents()
        if kept is not None:
            row = next((index for index, member in enumerate(members) if member.id == kept.id), None)
            if row is not None:
                self.member_table.selectRow(self._view_row(row))
        self._update_member_buttons()

    def _view_row(self, source_row: int) -> int:
        """The table's row of a model row (the table sorts through a proxy when a header was clicked)."""
        proxy = self.member_table.model()
        if isinstance(proxy, QSortFilterProxyModel):
            return proxy.mapFromSource(self.member_model.index(source_row, 0)).row()
        return source_row

    # Units ---------------------------------------------------------------------------------------------------

    def selected_unit_id(self) -> str | None:
        item = self.unit_tree.currentItem()
        return str(item.data(0, UNIT_ID_ROLE)) if item is not None else None

    def selected_unit(self) -> UnitView | None:
        chosen = self.selected_unit_id()
        return next((unit for unit in self.units if unit.id == chosen), None)

    def select_unit(self, unit_id: str) -> None:
        for item in self.unit_tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive):
            if item.data(0, UNIT_ID_ROLE) == unit_id:
                self.unit_tree.setCurrentItem(item)

    def _unit_chosen(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self.unit_name.setText(unit.name)
            if unit.kind == "chi_bo":
                self.form.select_chi_bo(unit.id)
        self.reload_members()

    def add_unit(self, kind: str) -> None:
        """A đảng bộ at the top; a chi bộ under the chosen đảng bộ (or the chosen chi bộ's đảng bộ)."""
        chosen = self.selected_unit()
        parent_id = None
        if kind == "chi_bo" and chosen is not None:
            parent_id = chosen.id if chosen.kind == "dang_bo" else chosen.parent_id
        name = self.unit_name.text()
        members = self.service.members
        self.change(
            lambda: members.create_unit(name, kind, parent_id),
            self._unit_created,
            self.tr("Đã thêm {0}.").format(name),
            busy=[self.add_dang_bo_button, self.add_chi_bo_button],
        )

    def _unit_created(self, created: UnitView) -> None:
        self._unit_to_select = created.id  # chosen once the reloaded tree is shown
        self.reload()

    def rename_unit(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            self.show_message(self.tr("Hãy chọn đơn vị cần đổi tên."), error=True)
            return
        name, members = self.unit_name.text(), self.service.members
        self.change(lambda: members.rename_unit(unit.id, name), lambda _unit: self.reload(), self.tr("Đã đổi tên."))

    def delete_unit(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            self.show_message(self.tr("Hãy chọn đơn vị cần xoá."), error=True)
            return
        question = self.tr("Xoá đơn vị «{0}»?").format(unit.name)
        dialogs.ask(self, self.tr("Xoá đơn vị"), question, lambda yes: self._delete_unit_confirmed(unit, yes))

    def _delete_unit_confirmed(self, unit: UnitView, confirmed: bool) -> None:
        if not confirmed:
            return
        members = self.service.members
        message = self.tr("Đã xoá {0}.").format(unit.name)
        self.change(lambda: members.delete_unit(unit.id), lambda _none: self.reload(), message)

    # Members -------------------------------------------------------------------------------------------------

    def selected_member(self) -> MemberProfile | None:
        row = selected_source_row(self.member_table)
        return self.member_model.row_at(row) if row is not None else None

    def _member_chosen(self) -> None:
        member = self.selected_member()
        if member is not None:
            self.form.show_profile(member)
        self._update_member_buttons()

    def _update_member_buttons(self) -> None:
        member = self.selected_member()
        for button in (self.save_member_button, self.delete_member_button, self.reopen_pledge_button):
            button.setEnabled(member is not None)
        self.clear_pin_button.setEnabled(member is not None and member.has_pin)
        # Shown only for a member awaiting approval: most days there is none, and the row of buttons stays one line.
        pending = member is not None and member.pending
        self.confirm_member_button.setEnabled(pending)
        self.confirm_member_button.setVisible(pending)

    def _new_member(self) -> None:
        self.member_table.clearSelection()
        self.form.clear()
        self.form.full_name.setFocus()

    def _draft(self) -> MemberDraft | None:
        """The form's profile; a badly typed date is refused here, before anything is sent."""
        try:
            return self.form.draft()
        except Exception as error:  # shown as a sentence, as every refusal on the page (logged by error_message)
            self.show_error(error)
            return None

    def add_member(self) -> None:
        draft, members = self._draft(), self.service.members
        if draft is not None:
            self.change(lambda: members.add_member(draft), self._member_added, busy=[self.add_member_button])

    def _member_added(self, added: MemberProfile) -> None:
        self.show_message(self.tr("Đã thêm đảng viên {0}.").format(added.full_name))
        self.reload()
        self.form.clear()

    def confirm_member(self) -> None:
        """Confirm the selected member who added themself at the start screen (chờ duyệt)."""
        member = self.selected_member()
        if member is None or not member.pending:
            return
        message = self.tr("Đã duyệt {0}; kết quả của đồng chí từ nay được tính.").format(member.full_name)
        members = self.service.members
        self.change(lambda: members.confirm_member(member.id), lambda _member: self.reload(), message)

    def show_sign_in_failures(self) -> None:
        """The latest wrong passwords and PINs, newest first, so the secretary sees when a name was tried."""
        accounts = self.service.accounts

        def read() -> list[tuple[dt.datetime, bool, str]]:
            failures = accounts.sign_in_failures(limit=FAILURES_SHOWN)
            return [(failure.failed_at, failure.is_admin, failure.account_name) for failure in failures]

        self.load(read, self._show_sign_in_failures, key="failures")

    def _show_sign_in_failures(self, failures: list[tuple[dt.datetime, bool, str]]) -> None:
        lines = [
            f"{failed_at.astimezone():%H:%M} {format_short_date(failed_at.astimezone().date())} — "
            + (self.tr("quản trị") if is_admin else account_name)
            for failed_at, is_admin, account_name in failures
        ]
        text = "\n".join(lines) if lines else self.tr("Chưa có lần đăng nhập sai nào.")
        dialogs.inform(self, self.tr("Lần đăng nhập sai"), text)

    def save_member(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        draft, members = self._draft(), self.service.members
        if draft is not None:
            self.change(
                lambda: members.update_member(member.id, draft), self._member_saved, busy=[self.save_member_button]
            )

    def _member_saved(self, saved: MemberProfile) -> None:
        self.show_message(self.tr("Đã lưu hồ sơ của {0}.").format(saved.full_name))
        self.reload()

    def delete_member(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        question = self.tr("Xoá đảng viên {0} cùng các bài làm của đồng chí?").format(member.full_name)
        dialogs.ask(self, self.tr("Xoá đảng viên"), question, lambda yes: self._delete_member_confirmed(member, yes))

    def _delete_member_confirmed(self, member: MemberProfile, confirmed: bool) -> None:
        message = self.tr("Đã xoá đảng viên {0}.").format(member.full_name)
        members = self.service.members
        if confirmed:
            self.change(lambda: members.delete_member(member.id), lambda _none: self.reload(), message)

    def clear_pin(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        message = self.tr("Đã bỏ mã PIN của {0}.").format(member.full_name)
        accounts = self.service.accounts
        self.change(lambda: accounts.set_pin(member.id, None), lambda _none: self.reload(), message)

    def reopen_pledge(self) -> None:
        """Unlock the selected member's finalised pledge on the current document."""
        member = self.selected_member()
        if member is None:
            return

        service = self.service

        def reopen() -> bool:
            document_id = service.unit.current_document_id()
            if document_id is None:
                return False
            before = service.pledges.get(member.id, document_id)
            after = service.pledges.reopen(member.id, document_id)
            return before.state != after.state

        self.change(reopen, lambda reopened: self._reopened(member, reopened), busy=[self.reopen_pledge_button])

    def _reopened(self, member: MemberProfile, reopened: bool) -> None:
        if reopened:
            self.show_message(
                self.tr("Đã mở lại bản cam kết của {0}; đồng chí có thể sửa và hoàn thành lại.").format(
                    member.full_name
                )
            )
        else:
            self.show_message(
                self.tr("Bản cam kết của {0} chưa hoàn thành nên không cần mở lại.").format(member.full_name)
            )


def _birth_key(member: MemberProfile) -> str:
    return member.birth_date.isoformat() if member.birth_date else ""
