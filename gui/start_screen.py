"""The first screen: find your name (folded search as you type), add yourself, PIN; the admin's password."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.flow_layout import flow_row
from gui.style import named, set_role
from quiz.api.members import MemberDraft, MemberSummary
from quiz.errors import UserError

if TYPE_CHECKING:
    from quiz.service import Service

MEMBER_ROLE = Qt.ItemDataRole.UserRole
# Names read without the facade (quiz.start_names): None when they cannot be read that way.
NameSource = Callable[[str], list[MemberSummary] | None]


class StartScreen(QWidget):
    """Emits who signed in; all checks (PIN, password) are the facade's.

    It can be on screen before the facade is open (``service`` None): the names then come from ``light_names``,
    and a step that needs the facade (signing in, adding a name, the admin's password) waits for
    ``attach_service`` and then goes on by itself.
    """

    member_signed_in = Signal(str)
    admin_signed_in = Signal()
    read_only_chosen = Signal()

    def __init__(
        self, service: Service | None, parent: QWidget | None = None, light_names: NameSource | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._light_names = light_names
        self._waiting: Callable[[], None] | None = None
        self._chosen: MemberSummary | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh_names)
        self.title = QLabel()
        set_role(self.title, "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label = QLabel()
        self.error_label.setObjectName("start_error")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_pin_page())
        self.pages.addWidget(self._build_add_page())
        self.pages.addWidget(self._build_admin_page())
        self.pages.addWidget(self._build_create_admin_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.error_label)
        layout.addWidget(self._build_opening_row())
        layout.addWidget(self.pages, 1)
        self.retranslate()
        self.reset()

    def _build_opening_row(self) -> QWidget:
        """Says the data is still opening (with a moving bar) until the facade is there."""
        self.opening_row = named(QWidget(), "start_opening")
        self.opening_label = named(QLabel(), "start_opening_message")
        self.opening_label.setWordWrap(True)
        bar = named(QProgressBar(), "start_opening_bar")
        bar.setRange(0, 0)  # no known length: Qt animates it by itself
        bar.setTextVisible(False)
        bar.setMaximumWidth(160)
        row = QHBoxLayout(self.opening_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.opening_label, 1)
        row.addWidget(bar)
        # Its room stays when it is hidden, so nothing moves under the pointer when the facade arrives.
        policy = self.opening_row.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.opening_row.setSizePolicy(policy)
        self.opening_row.setVisible(self._service is None)
        return self.opening_row

    def attach_service(self, service: Service) -> None:
        """The facade is open: list its names (keeping the search and the choice), then do what was asked."""
        self._service = service
        self.opening_row.setVisible(False)
        waiting, self._waiting = self._waiting, None
        if not service.accounts.admin_exists():
            self.reset()  # the very first start: nothing to keep, the admin's password comes first
            return
        chosen = self.names.currentItem()
        chosen_id = chosen.data(MEMBER_ROLE).id if chosen is not None else None
        self.refresh_names()
        for row in range(self.names.count()):
            if self.names.item(row).data(MEMBER_ROLE).id == chosen_id:
                self.names.setCurrentRow(row)
                break
        if waiting is not None:
            waiting()

    def _when_open(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or as soon as the facade is open (the latest wish wins)."""
        if self._service is not None:
            action()
            return
        self._waiting = action

    # Pages -------------------------------------------------------------------------------------------------

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        self.search_label = QLabel()
        set_role(self.search_label, "heading")
        self.search_edit = named(QLineEdit(), "member_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._enter_chosen)
        self.search_label.setBuddy(self.search_edit)
        self.names = named(QListWidget(), "member_list")
        self.names.itemActivated.connect(lambda _item: self._enter_chosen())
        self.names.currentItemChanged.connect(lambda _now, _before: self._update_enter_button())
        self.enter_button = named(QPushButton(), "enter_button")
        set_role(self.enter_button, "primary")
        self.enter_button.clicked.connect(self._enter_chosen)
        self.add_button = named(QPushButton(), "add_member_button")
        self.add_button.clicked.connect(lambda: self._when_open(lambda: self._show_page(2)))
        self.read_button = named(QPushButton(), "read_only_button")
        self.read_button.clicked.connect(lambda: self._when_open(self.read_only_chosen.emit))
        self.admin_button = named(QPushButton(), "admin_button")
        self.admin_button.clicked.connect(lambda: self._when_open(self._open_admin))
        buttons = flow_row(self.enter_button, self.add_button, self.read_button, trailing=(self.admin_button,))
        layout = QVBoxLayout(page)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.names, 1)
        layout.addLayout(buttons)
        return page

    def _build_pin_page(self) -> QWidget:
        page = QWidget()
        self.pin_label = QLabel()
        set_role(self.pin_label, "heading")
        self.pin_edit = named(QLineEdit(), "pin_edit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(100)
        self.pin_edit.returnPressed.connect(self._sign_in_with_pin)
        self.pin_label.setBuddy(self.pin_edit)
        self.pin_ok = named(QPushButton(), "pin_ok")
        set_role(self.pin_ok, "primary")
        self.pin_ok.clicked.connect(self._sign_in_with_pin)
        self.pin_back = named(QPushButton(), "pin_back")
        self.pin_back.clicked.connect(self.reset)
        return _page(page, [self.pin_label, self.pin_edit], [self.pin_ok, self.pin_back])

    def _build_add_page(self) -> QWidget:
        page = QWidget()
        self.add_title = QLabel()
        set_role(self.add_title, "heading")
        self.new_name = named(QLineEdit(), "new_member_name")
        self.new_chi_bo = named(QComboBox(), "new_member_chi_bo")
        self.new_pin = named(QLineEdit(), "new_member_pin")
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin.setMaxLength(100)
        self.new_name.returnPressed.connect(self._add_member)
        self.new_pin.returnPressed.connect(self._add_member)
        self.add_form = QFormLayout()
        # Long labels (the PIN's) go above their field when the window is narrow or the font large.
        self.add_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.add_name_label, self.add_chi_bo_label, self.add_pin_label = QLabel(), QLabel(), QLabel()
        for label, field in (
            (self.add_name_label, self.new_name),
            (self.add_chi_bo_label, self.new_chi_bo),
            (self.add_pin_label, self.new_pin),
        ):
            label.setBuddy(field)
            self.add_form.addRow(label, field)
        self.add_ok = named(QPushButton(), "add_member_ok")
        set_role(self.add_ok, "primary")
        self.add_ok.clicked.connect(self._add_member)
        self.add_back = named(QPushButton(), "add_member_back")
        self.add_back.clicked.connect(self.reset)
        form_holder = QWidget()
        form_holder.setLayout(self.add_form)
        return _page(page, [self.add_title, form_holder], [self.add_ok, self.add_back])

    def _build_admin_page(self) -> QWidget:
        page = QWidget()
        self.admin_label = QLabel()
        set_role(self.admin_label, "heading")
        self.admin_password = named(QLineEdit(), "admin_password")
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_password.returnPressed.connect(self._sign_in_admin)
        self.admin_label.setBuddy(self.admin_password)
        self.admin_ok = named(QPushButton(), "admin_ok")
        set_role(self.admin_ok, "primary")
        self.admin_ok.clicked.connect(self._sign_in_admin)
        self.admin_back = named(QPushButton(), "admin_back")
        self.admin_back.clicked.connect(self.reset)
        return _page(page, [self.admin_label, self.admin_password], [self.admin_ok, self.admin_back])

    def _build_create_admin_page(self) -> QWidget:
        page = QWidget()
        self.create_label = QLabel()
        self.create_label.setWordWrap(True)
        set_role(self.create_label, "heading")
        self.create_password = named(QLineEdit(), "create_admin_password")
        self.create_repeat = named(QLineEdit(), "create_admin_repeat")
        self.create_repeat_label = QLabel()
        self.create_repeat_label.setBuddy(self.create_repeat)
        for field in (self.create_password, self.create_repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_repeat.returnPressed.connect(self._create_admin)
        self.create_ok = named(QPushButton(), "create_admin_ok")
        set_role(self.create_ok, "primary")
        self.create_ok.clicked.connect(self._create_admin)
        widgets: list[QWidget] = [self.create_label, self.create_password, self.create_repeat_label, self.create_repeat]
        return _page(page, widgets, [self.create_ok])

    # Behaviour ---------------------------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the name list (or to creating the admin password on the very first start)."""
        self._chosen = None
        self._waiting = None
        for field in (self.pin_edit, self.admin_password, self.create_password, self.create_repeat, self.new_pin):
            field.clear()
        self.error_label.clear()
        if self._service is not None and not self._service.accounts.admin_exists():
            self._show_page(4)
            return
        self.search_edit.clear()
        self.refresh_names()
        self._show_page(0)

    def refresh_names(self) -> None:
        self.names.clear()
        if self._service is not None:
            summaries = self._service.members.search(self.search_edit.text())
        else:
            summaries = (self._light_names(self.search_edit.text()) if self._light_names else None) or []
        for summary in summaries:
            label = summary.full_name + (f" — {summary.chi_bo_name}" if summary.chi_bo_name else "")
            if summary.pending:
                label += " " + self.tr("(chờ duyệt)")
            item = QListWidgetItem(label)
            item.setData(MEMBER_ROLE, summary)
            self.names.addItem(item)
        if self.names.count():
            self.names.setCurrentRow(0)
        self._update_enter_button()

    def _update_enter_button(self) -> None:
        self.enter_button.setEnabled(self.names.currentItem() is not None)

    def _show_page(self, index: int) -> None:
        self.error_label.clear()
        if index == 2:
            self._fill_chi_bo_choices()
            self.new_name.setText(self.search_edit.text().strip())
        self.pages.setCurrentIndex(index)
        focus = {
            0: self.search_edit,
            1: self.pin_edit,
            2: self.new_name,
            3: self.admin_password,
            4: self.create_password,
        }[index]
        focus.setFocus()

    def _fill_chi_bo_choices(self) -> None:
        self.new_chi_bo.clear()
        self.new_chi_bo.addItem(self.tr("(Chưa chọn chi bộ)"), None)
        for unit in self._service.members.list_units() if self._service is not None else []:
            if unit.kind == "chi_bo":
                self.new_chi_bo.addItem(unit.name, unit.id)

    def _enter_chosen(self) -> None:
        item = self.names.currentItem()
        if item is None:
            return
        summary = item.data(MEMBER_ROLE)
        if not isinstance(summary, MemberSummary):
            return
        self._chosen = summary
        if summary.has_pin:
            self.pin_label.setText(self.tr("Đồng chí {name}, xin nhập mã PIN:").format(name=summary.full_name))
            self._show_page(1)
            return
        self._sign_in(summary.id, None)

    def _sign_in_with_pin(self) -> None:
        if self._chosen is not None:
            self._sign_in(self._chosen.id, self.pin_edit.text())

    def _sign_in(self, member_id: str, pin: str | None) -> None:
        if self._service is None:
            self._when_open(lambda: self._sign_in(member_id, pin))
            return
        try:
            self._service.accounts.sign_in_member(member_id, pin)
        except UserError as error:
            self.pin_edit.clear()
            self.error_label.setText(str(error))
            return
        self.member_signed_in.emit(member_id)

    def _add_member(self) -> None:
        if self._service is None:
            return  # the add page is shown only once the facade is open
        pin = self.new_pin.text().strip() or None
        draft = MemberDraft(full_name=self.new_name.text(), chi_bo_id=self.new_chi_bo.currentData(), pin=pin)
        try:
            profile = self._service.members.add_member(draft)
        except UserError as error:
            self.error_label.setText(str(error))
            return
        self._sign_in(profile.id, pin)
        if profile.pending:
            # Said once, right after adding: the list then shows "(chờ duyệt)" beside the name until confirmed.
            dialogs.inform(
                self.window(),
                self.tr("Chờ duyệt"),
                self.tr(
                    "Đã thêm tên của đồng chí, đang chờ bí thư chi bộ duyệt. Đồng chí vẫn học và làm bài được; "
                    "kết quả được tính vào báo cáo của chi bộ khi đã được duyệt."
                ),
            )

    def _open_admin(self) -> None:
        if self._service is not None:
            self._show_page(3 if self._service.accounts.admin_exists() else 4)

    def _sign_in_admin(self) -> None:
        if self._service is None:
            return  # the password pages are shown only once the facade is open
        try:
            self._service.accounts.sign_in_admin(self.admin_password.text())
        except UserError as error:
            self.admin_password.clear()
            self.error_label.setText(str(error))
            return
        self.admin_signed_in.emit()

    def _create_admin(self) -> None:
        if self.create_password.text() != self.create_repeat.text():
            self.error_label.setText(self.tr("Hai lần nhập mật khẩu không giống nhau."))
            return
        if self._service is None:
            return
        try:
            self._service.accounts.create_admin(self.create_password.text())
        except UserError as error:
            self.error_label.setText(str(error))
            return
        self.admin_signed_in.emit()

    # Translation -------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Học tập Nghị quyết"))
        self.opening_label.setText(self.tr("Đang mở dữ liệu, xin chờ trong giây lát…"))
        self.search_label.setText(self.tr("&Tìm tên của đồng chí (gõ vài chữ, không cần dấu):"))
        self.search_edit.setPlaceholderText(self.tr("Ví dụ: nguyen van"))
        self.search_edit.setAccessibleName(self.tr("Tìm tên"))
        self.names.setAccessibleName(self.tr("Danh sách đảng viên"))
        self.enter_button.setText(self.tr("Vào học"))
        self.add_button.setText(self.tr("Thêm tên của tôi"))
        self.read_button.setText(self.tr("Chỉ đọc văn bản"))
        self.admin_button.setText(self.tr("Quản trị (bí thư)"))
        self.pin_edit.setAccessibleName(self.tr("Mã PIN"))
        self.pin_ok.setText(self.tr("Đăng nhập"))
        for back in (self.pin_back, self.add_back, self.admin_back):
            back.setText(self.tr("Quay lại"))
        self.add_title.setText(self.tr("Thêm tên mới"))
        self.add_name_label.setText(self.tr("&Họ và tên:"))
        self.add_chi_bo_label.setText(self.tr("&Chi bộ:"))
        self.add_pin_label.setText(self.tr("&Mã PIN (không bắt buộc, 6–12 chữ số hoặc một cụm từ):"))
        self.add_ok.setText(self.tr("Thêm và vào học"))
        self.admin_label.setText(self.tr("&Mật khẩu quản trị:"))
        self.admin_password.setAccessibleName(self.tr("Mật khẩu quản trị"))
        self.admin_ok.setText(self.tr("Đăng nhập"))
        self.create_label.setText(
            self.tr("Lần đầu sử dụng: bí thư chi bộ hãy tạo mật khẩu quản trị (ít nhất 6 ký tự).")
        )
        self.create_password.setAccessibleName(self.tr("Mật khẩu quản trị mới"))
        self.create_repeat_label.setText(self.tr("&Nhập lại mật khẩu:"))
        self.create_repeat.setAccessibleName(self.tr("Nhập lại mật khẩu"))
        self.create_ok.setText(self.tr("Tạo mật khẩu"))


def _page(page: QWidget, widgets: list[QWidget], buttons: list[QPushButton]) -> QWidget:
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addLayout(flow_row(*buttons))
    layout.addStretch(1)
    return page
