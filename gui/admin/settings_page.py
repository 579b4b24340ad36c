"""General settings: the database, names printed on the forms, reflection questions, form layout, language, font."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.admin.common import AdminPage, make_button, parse_date, show_date, vertical_scroll
from gui.flow_layout import flow_widget
from gui.operations import run_change
from gui.preferences import DATABASE_URL_KEY, MAXIMUM_FONT_SIZE, MINIMUM_FONT_SIZE, Preferences
from quiz.api.changes import Area
from quiz.api.unit_details import (
    FORMS_DEADLINE_KEY,
    PARTY_COMMITTEE_KEY,
    PLACE_NAME_KEY,
    UNIT_NAME_KEY,
    UnitDetails,
    parse_iso_date,
)

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service

# Unit-wide keys (stored in the database, shared by every PC of the unit) that this page edits as text: the
# printed header's names asked at first start (a member's own chi bộ, when set, is printed instead of unit_name).
TEXT_SETTINGS = (PLACE_NAME_KEY, PARTY_COMMITTEE_KEY, UNIT_NAME_KEY)


class SettingsPage(AdminPage):
    """Unit-wide values go to the database; this PC's choices (database, language, font) to Preferences."""

    shown_areas = frozenset({Area.SETTINGS})

    # The main window connects these to apply a choice at once (font sizer, translator); both are also saved.
    font_size_changed = Signal(int)
    language_changed = Signal(str)

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.tr("Cài đặt chung"))
        self.preferences = Preferences()
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self._build_database_box(content))
        layout.addWidget(self._build_forms_box(content))
        layout.addWidget(self._build_view_box(content))
        layout.addWidget(self._build_password_box(content))
        layout.addStretch(1)
        self.page_layout.addWidget(vertical_scroll(content, self), 1)

    def title(self) -> str:
        return self.tr("Cài đặt chung")

    def _build_database_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Cơ sở dữ liệu của máy này"), parent)
        self.current_database = QLabel(box)
        self.current_database.setObjectName("current_database")
        self.current_database.setWordWrap(True)
        self.database_url = QLineEdit(box)
        self.database_url.setObjectName("database_url")
        self.database_url.setAccessibleName(self.tr("Địa chỉ cơ sở dữ liệu dùng từ lần mở sau"))
        self.database_url.setPlaceholderText(self.tr("Để trống: tệp dữ liệu mặc định trên máy này"))
        self.choose_database_button = make_button(self.tr("Chọn tệp…"), "choose_database", box)
        self.choose_database_button.clicked.connect(self._choose_database_file)
        self.save_database_button = make_button(self.tr("Lưu địa chỉ"), "save_database", box)
        self.save_database_button.clicked.connect(self.save_database_url)
        row = flow_widget(box, self.choose_database_button, self.save_database_button)
        hint = QLabel(
            self.tr(
                "Đơn vị có máy chủ trong mạng nội bộ có thể nhập địa chỉ PostgreSQL, ví dụ "
                "postgresql://nguoidung:matkhau@maychu/hoctap. Thay đổi có hiệu lực khi mở lại chương trình."
            ),
            box,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.current_database)
        layout.addWidget(self.database_url)
        layout.addWidget(row)
        layout.addWidget(hint)
        return box

    def _build_forms_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Thông tin in trên bản thu hoạch và báo cáo"), parent)
        self.place_name = self._line(box, "place_name", self.tr("Địa danh"), self.tr("ví dụ: Hạ Long"))
        self.party_committee = self._line(box, "party_committee", self.tr("Đảng bộ cấp trên"), "ĐẢNG BỘ …")
        self.unit_name = self._line(box, "unit_name", self.tr("Tên chi bộ hoặc đảng bộ"), "CHI BỘ …")
        self.forms_deadline = self._line(
            box, "forms_deadline", self.tr("Hạn nộp bản thu hoạch, cam kết"), self.tr("ngày/tháng/năm")
        )
        self.reflection_questions = QPlainTextEdit(box)
        self.reflection_questions.setObjectName("reflection_questions")
        self.reflection_questions.setAccessibleName(self.tr("Câu hỏi thu hoạch, mỗi dòng một câu"))
        self.reflection_questions.setTabChangesFocus(True)
        self.reflection_questions.setMinimumHeight(110)
        self.form_layout = QComboBox(box)
        self.form_layout.setObjectName("form_layout")
        self.form_layout.setAccessibleName(self.tr("Cách in biểu mẫu"))
        self.form_layout.addItem(self.tr("Một bản chung: thu hoạch và cam kết"), "combined")
        self.form_layout.addItem(self.tr("Hai bản riêng: bản thu hoạch, bản cam kết"), "separate")
        self.save_forms_button = make_button(self.tr("Lưu thông tin biểu mẫu"), "save_forms", box)
        self.save_forms_button.clicked.connect(self.save_form_settings)
        layout = QFormLayout(box)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(self.tr("Đị&a danh:"), self.place_name)
        layout.addRow(self.tr("Đảng &bộ cấp trên:"), self.party_committee)
        layout.addRow(self.tr("Tên chi bộ (đả&ng bộ):"), self.unit_name)
        layout.addRow(self.tr("Hạn nộp thu hoạch, cam &kết:"), self.forms_deadline)
        layout.addRow(self.tr("Câu hỏi &thu hoạch\n(mỗi dòng một câu):"), self.reflection_questions)
        layout.addRow(self.tr("Cách &in:"), self.form_layout)
        self.save_forms_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addRow("", self.save_forms_button)
        return box

    def _build_view_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Hiển thị trên máy này"), parent)
        self.language = QComboBox(box)
        self.language.setObjectName("language")
        self.language.setAccessibleName(self.tr("Ngôn ngữ giao diện"))
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.font_size = QSpinBox(box)
        self.font_size.setObjectName("font_size")
        self.font_size.setAccessibleName(self.tr("Cỡ chữ"))
        self.font_size.setRange(MINIMUM_FONT_SIZE, MAXIMUM_FONT_SIZE)
        self.font_size.setSuffix(" pt")
        self.save_view_button = make_button(self.tr("Áp dụng"), "save_view", box)
        self.save_view_button.clicked.connect(self.save_view_settings)
        layout = QFormLayout(box)
        layout.addRow(self.tr("&Ngôn ngữ:"), self.language)
        layout.addRow(self.tr("Cỡ &chữ:"), self.font_size)
        self.save_view_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addRow("", self.save_view_button)
        return box

    def _build_password_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Mật khẩu quản trị"), parent)
        self.old_password = self._line(box, "old_password", self.tr("Mật khẩu hiện tại"), "")
        self.new_password = self._line(box, "new_password", self.tr("Mật khẩu mới"), self.tr("ít nhất 6 ký tự"))
        for line in (self.old_password, self.new_password):
            line.setEchoMode(QLineEdit.EchoMode.Password)
        self.change_password_button = make_button(self.tr("Đổi mật khẩu"), "change_password", box)
        self.change_password_button.clicked.connect(self.change_admin_password)
        layout = QFormLayout(box)
        layout.addRow(self.tr("Mật khẩu &hiện tại:"), self.old_password)
        layout.addRow(self.tr("Mật khẩu &mới:"), self.new_password)
        self.change_password_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addRow("", self.change_password_button)
        return box

    def _line(self, parent: QWidget, object_name: str, accessible_name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(parent)
        line.setObjectName(object_name)
        line.setAccessibleName(accessible_name)
        line.setPlaceholderText(placeholder)
        return line

    # Loading and saving --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        database = self.service.database
        shown = database.url.render_as_string(hide_password=True)
        self.current_database.setText(self.tr("Đang dùng: {0}").format(shown))
        self.database_url.setText(self.preferences.text_value(DATABASE_URL_KEY))
        self.load(self.service.settings.all, self._show_settings)

    def _show_settings(self, values: dict[str, Any]) -> None:
        for key in TEXT_SETTINGS:
            line: QLineEdit = getattr(self, key)
            line.setText(str(values.get(key) or ""))
        self.forms_deadline.setText(show_date(parse_iso_date(values.get(FORMS_DEADLINE_KEY))))
        questions = values.get("reflection_questions") or []
        self.reflection_questions.setPlainText("\n".join(str(question) for question in questions))
        self.form_layout.setCurrentIndex(max(self.form_layout.findData(values.get("form_layout", "combined")), 0))
        language = self.preferences.language() or str(values.get("language") or "vi")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.font_size.setValue(self.preferences.font_size())

    def form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: getattr(self, key).text().strip() for key in TEXT_SETTINGS}
        lines = self.reflection_questions.toPlainText().splitlines()
        values["reflection_questions"] = [line.strip() for line in lines if line.strip()]
        values["form_layout"] = self.form_layout.currentData()
        deadline = parse_date(self.forms_deadline.text(), self.tr("Hạn nộp thu hoạch, cam kết"))
        values[FORMS_DEADLINE_KEY] = deadline.isoformat() if deadline else ""
        return values

    def save_form_settings(self) -> None:
        values = self.attempt(self.form_values)
        if values is None:
            return
        missing = UnitDetails.from_settings(values).missing()
        if missing:
            self.show_message(self.tr("Xin nhập {0}: phần đầu của giấy tờ in cần có.").format(", ".join(missing)), True)
            return
        if not values["reflection_questions"]:
            self.show_message(self.tr("Cần ít nhất một câu hỏi thu hoạch."), error=True)
            return

        settings = self.service.settings

        def save() -> None:
            for key, value in values.items():
                settings.set(key, value)

        run_change(
            self,
            save,
            lambda _none: self.show_message(self.tr("Đã lưu thông tin biểu mẫu.")),
            on_failure=self.show_error,
            busy=[self.save_forms_button],
        )

    def save_view_settings(self) -> None:
        language = str(self.language.currentData())
        self.preferences.set_language(language)
        self.preferences.set_font_size(self.font_size.value())
        self.perform(lambda: self.service.settings.set("language", language))
        self.font_size_changed.emit(self.font_size.value())
        self.language_changed.emit(language)
        self.show_message(self.tr("Đã áp dụng cỡ chữ và ngôn ngữ trên máy này."))

    def change_admin_password(self) -> None:
        old, new = self.old_password.text(), self.new_password.text()
        if self.perform(
            lambda: self.service.accounts.change_admin_password(old, new), self.tr("Đã đổi mật khẩu quản trị.")
        ):
            self.old_password.clear()
            self.new_password.clear()

    def save_database_url(self) -> None:
        self.preferences.set_text_value(DATABASE_URL_KEY, self.database_url.text().strip())
        self.show_message(self.tr("Đã lưu địa chỉ cơ sở dữ liệu; hãy mở lại chương trình để dùng."))

    def choose_database_path(self, on_chosen: Callable[[str], None]) -> None:
        """Open the file chooser (tests replace this method)."""
        dialogs.choose_save_file(
            self, self.tr("Chọn tệp dữ liệu"), self.tr("Tệp dữ liệu (*.sqlite3)"), "hoctap.sqlite3", on_chosen
        )

    def _choose_database_file(self) -> None:
        self.choose_database_path(lambda path: self.database_url.setText(f"sqlite:///{path}"))
