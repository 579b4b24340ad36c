"""The main window: start screen, then Học tập / Bản cam kết / Tiến độ (and the admin's desk); menus and toolbar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QTabWidget, QToolBar, QWidget

import quiz
from gui import dialogs
from gui.elided_label import ElidedLabel
from gui.fonts import FontSizer
from gui.i18n import Translations
from gui.operations import operation_runner
from gui.preferences import Preferences
from gui.screen_geometry import COMFORTABLE_SIZE, small_screen_size
from gui.start_screen import NameSource, StartScreen
from gui.style import apply_style, named
from gui.task_status import TaskStatus
from gui.tasks import TaskRunner
from quiz.errors import UserError

if TYPE_CHECKING:
    # Imported only for type hints: the window is on screen before the facade (SQLAlchemy) is imported.
    from gui.reader import Reader
    from gui.study_page import StudyPage
    from quiz.service import Service

logger = logging.getLogger(__name__)

FACTS_KEY = "view/show_facts"


class MainWindow(QMainWindow):
    """Owns the pages; each page talks to the facade itself. ``add_admin_page`` is the admin desk's hook.

    The window can be built before the facade is open (``service`` None, names from ``light_names``): the start
    screen is then usable at once and the facade arrives through ``attach_service``. The study page is built when
    first needed (its modules and the document need the facade), the member's and the admin's pages at sign-in.
    """

    def __init__(
        self,
        service: Service | None,
        task_runner: TaskRunner,
        preferences: Preferences,
        font_sizer: FontSizer,
        translations: Translations,
        light_names: NameSource | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self._service = service
        self.task_runner = task_runner
        self.preferences = preferences
        self.font_sizer = font_sizer
        self.translations = translations
        self.member_id: str | None = None
        self.admin_page: QWidget | None = None
        self._study: StudyPage | None = None
        self._study_splitter_state = preferences.bytes_value("window/study_splitter")
        self.start_screen = StartScreen(service, light_names=light_names)
        self.start_screen.member_signed_in.connect(self.sign_in_member)
        self.start_screen.admin_signed_in.connect(self.sign_in_admin)
        self.start_screen.read_only_chosen.connect(lambda: self.show_workspace(None))
        self.tabs = named(QTabWidget(), "workspace_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.pledge_page: QWidget | None = None
        self.progress_page: QWidget | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_screen)
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)
        # Each piece of the status bar has its own place (no temporary message drawn over the user's name).
        self.user_label = named(ElidedLabel(), "user_label")
        self.statusBar().addWidget(self.user_label, 1)
        self.font_label = named(QLabel(), "font_label")
        self.font_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.font_label)
        self.task_status = TaskStatus(task_runner)
        self.statusBar().addPermanentWidget(self.task_status)
        # Shown only while a facade call has taken longer than a moment (a slow network to the server).
        self.busy_label = named(QLabel(), "operation_busy")
        self.busy_label.hide()
        self.statusBar().addPermanentWidget(self.busy_label)
        operation_runner().busy_changed.connect(self.busy_label.setVisible)
        self._create_actions()
        self._create_menus()
        font_sizer.changed.connect(self._font_size_changed)
        self.retranslate()
        self._restore_geometry()

    # The facade and the study page, when first needed ------------------------------------------------------

    @property
    def service(self) -> Service:
        """The open facade (every page but the start screen is built only once it is there)."""
        if self._service is None:
            raise RuntimeError("the facade is not open yet")
        return self._service

    @property
    def has_service(self) -> bool:
        return self._service is not None

    def attach_service(self, service: Service) -> None:
        """The facade opened on the worker: the start screen now signs in, and goes on with a waiting choice."""
        self._service = service
        self.start_screen.attach_service(service)
        self._update_user_label()

    @property
    def study(self) -> StudyPage:
        """The reading and exam page, built at its first use (it needs the facade)."""
        if self._study is None:
            from gui.study_page import StudyPage

            study = StudyPage(self.service)
            study.quiz.exam_running.connect(self._exam_running)
            study.reader.text.set_high_contrast(self.preferences.high_contrast())
            # The fact underline is this PC's choice, like the font size.
            study.reader.facts_box.setChecked(self.preferences.text_value(FACTS_KEY, "true") == "true")
            study.reader.facts_box.toggled.connect(
                lambda shown: self.preferences.set_text_value(FACTS_KEY, "true" if shown else "false")
            )
            if self._study_splitter_state is not None and study.splitter.restoreState(self._study_splitter_state):
                study.layout_restored = True
            self._study = study
            self.tabs.insertTab(0, study, self.tr("Học tập"))
        return self._study

    def _on_reader(self, action: Callable[[Reader], object]) -> Callable[[], None]:
        """A reader shortcut that does nothing before the study page exists (e.g. on the start screen)."""

        def run() -> None:
            if self._study is not None:
                action(self._study.reader)

        return run

    # Actions and menus -------------------------------------------------------------------------------------

    def _action(self, name: str, slot: object, shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcuts:
            # A standard key is often the same as the literal one (Quit is Ctrl+Q on Windows and Linux); the
            # same key twice makes Qt refuse both with "Ambiguous shortcut overload".
            unique: dict[str, QKeySequence] = {}
            for sequence in shortcuts:
                text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
                if text and text not in unique:
                    unique[text] = sequence
            action.setShortcuts(list(unique.values()))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _create_actions(self) -> None:
        key = QKeySequence
        self.switch_user_action = self._action("switch_user", self.sign_out, [key("Ctrl+Shift+U")])
        self.quit_action = self._action("quit", self.close, [key("Ctrl+Q"), key(key.StandardKey.Quit)])
        self.larger_action = self._action(
            "font_larger", self.font_sizer.larger, [key("Ctrl++"), key("Ctrl+="), key(key.StandardKey.ZoomIn)]
        )
        self.smaller_action = self._action(
            "font_smaller", self.font_sizer.smaller, [key("Ctrl+-"), key(key.StandardKey.ZoomOut)]
        )
        self.reset_font_action = self._action("font_reset", self.font_sizer.reset, [key("Ctrl+0")])
        self.contrast_action = self._action("high_contrast", self._toggle_contrast)
        self.contrast_action.setCheckable(True)
        self.contrast_action.setChecked(self.preferences.high_contrast())
        self.vietnamese_action = self._action("language_vi", lambda: self.translations.set_language("vi"))
        self.english_action = self._action("language_en", lambda: self.translations.set_language("en"))
        for action in (self.vietnamese_action, self.english_action):
            action.setCheckable(True)
        # The toolbar offers the other language, named in that language.
        self.other_language_action = self._action("language_toggle", self._toggle_language, [key("Ctrl+L")])
        self.search_action = self._action("search", self._focus_search, [key("Ctrl+F"), key(key.StandardKey.Find)])
        self.studied_action = self._action(
            "mark_studied", self._on_reader(lambda reader: reader.toggle_studied()), [key("Ctrl+D")]
        )
        self.bookmark_action = self._action(
            "bookmark", self._on_reader(lambda reader: reader.toggle_bookmark()), [key("Ctrl+B")]
        )
        self.note_action = self._action(
            "note", self._on_reader(lambda reader: reader.note_button.toggle()), [key("Ctrl+N")]
        )
        self.about_action = self._action("about", self.show_about, [key("F1")])
        self.translations.changed.connect(self._language_changed)
        self._language_changed(self.translations.language)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.switch_user_action, self.quit_action])
        self.study_menu = bar.addMenu("")
        self.study_menu.addActions([self.search_action, self.studied_action, self.bookmark_action, self.note_action])
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.larger_action, self.smaller_action, self.reset_font_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.contrast_action)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions([self.vietnamese_action, self.english_action])
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.toolbar = named(QToolBar(), "main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions(
            [
                self.switch_user_action,
                self.search_action,
                self.smaller_action,
                self.larger_action,
                self.other_language_action,
                self.about_action,
            ]
        )
        self.addToolBar(self.toolbar)

    # Who is signed in --------------------------------------------------------------------------------------

    def show_start(self) -> None:
        self.start_screen.reset()
        self.pages.setCurrentWidget(self.start_screen)
        self.toolbar.setVisible(False)

    def show_workspace(self, member_id: str | None) -> None:
        """Open the study page for ``member_id`` (None: reading only, or the admin)."""
        self.member_id = member_id
        if self.study.reader.content is None:
            self.study.load()
        self.study.set_member(member_id)
        self._set_member_tabs(member_id)
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.study)
        self.toolbar.setVisible(True)
        self._update_user_label()

    def sign_in_member(self, member_id: str) -> None:
        self.show_workspace(member_id)

    def sign_in_admin(self) -> None:
        self.show_workspace(None)
        if self.admin_page is None:
            try:
                from gui.admin.desk import AdminDesk  # imported only now: members never load the admin code
            except ImportError:
                logger.warning("the admin desk is not available in this build")
                return
            self.add_admin_page(AdminDesk(self.service, self.task_runner, self), self.tr("Quản trị"))
        if self.admin_page is not None:
            self.tabs.setCurrentWidget(self.admin_page)

    def add_admin_page(self, widget: QWidget, title: str) -> None:
        """Show the admin desk as a tab (removed again at sign-out)."""
        if self.admin_page is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.admin_page))
            self.admin_page.deleteLater()
        self.admin_page = widget
        self.tabs.addTab(widget, title)
        # The desk's Settings page: a new font size or language takes effect at once, through the same objects
        # as Ctrl+= and the language menu (so the next Ctrl+= starts from the chosen size).
        font_chosen = getattr(widget, "font_size_changed", None)
        if font_chosen is not None:
            font_chosen.connect(self.font_sizer.set_size)
        language_chosen = getattr(widget, "language_changed", None)
        if language_chosen is not None:
            language_chosen.connect(self.translations.set_language)

    def sign_out(self) -> None:
        if self._service is None:
            return  # nobody can be signed in before the facade is open
        self.study.reader.close_session()
        # The member's answers, notes and reading time still queued are written while they are signed in.
        operation_runner().wait_idle()
        if self.admin_page is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.admin_page))
            self.admin_page.deleteLater()
            self.admin_page = None
        self._set_member_tabs(None)
        self.study.set_member(None)
        self.member_id = None
        self.service.accounts.sign_out()
        self.show_start()
        self._update_user_label()

    def _set_member_tabs(self, member_id: str | None) -> None:
        for page in (self.pledge_page, self.progress_page):
            if page is not None:
                self.tabs.removeTab(self.tabs.indexOf(page))
                page.deleteLater()
        self.pledge_page = self.progress_page = None
        if member_id is None:
            return
        from gui.pledge_editor import PledgeEditor
        from gui.progress_view import ProgressView

        document_id = self.study.reader.document_id
        self.pledge_page = PledgeEditor(self.service, self.task_runner, member_id, document_id)
        self.progress_page = ProgressView(self.service, member_id)
        self.tabs.addTab(self.pledge_page, "")
        self.tabs.addTab(self.progress_page, "")
        self.retranslate()

    def _exam_running(self, running: bool) -> None:
        # During an exam the toolbar only takes room from the question (the menus still work).
        self.toolbar.setVisible(not running and self.pages.currentWidget() is self.tabs)

    def _tab_changed(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        # A page that knows what it shows reloads only when that changed; the others reload on every show.
        refresh = getattr(page, "show_current", None) or getattr(page, "refresh", None)
        if page is not self._study and callable(refresh):
            refresh()

    def _update_user_label(self) -> None:
        if self.member_id is not None:
            try:
                name = self.service.members.get_member(self.member_id).full_name
            except UserError:
                name = ""
            self.user_label.setText(self.tr("Đang học: {name}").format(name=name))
        elif self._service is not None and self._service.accounts.is_admin:
            self.user_label.setText(self.tr("Đang đăng nhập: quản trị"))
        else:
            self.user_label.setText(self.tr("Chỉ đọc văn bản"))

    # View --------------------------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        if self.pages.currentWidget() is self.tabs:
            self.tabs.setCurrentWidget(self.study)
            self.study.reader.setVisible(True)
            self.study.reader.focus_search()

    def _toggle_contrast(self) -> None:
        self.preferences.set_high_contrast(self.contrast_action.isChecked())
        apply_style(self.font_sizer.size, self.contrast_action.isChecked())
        if self._study is not None:
            self._study.reader.text.set_high_contrast(self.contrast_action.isChecked())
            self._study.reader.load_document(self._study.reader.document_id)  # redraw the fact marks' colours

    def _font_size_changed(self, size: int) -> None:
        apply_style(size, self.preferences.high_contrast())
        if self._study is not None:
            self._study.reader.text.reformat()  # headings are drawn relative to the reading size
        self._update_font_label()

    def _update_font_label(self) -> None:
        self.font_label.setText(self.tr("Cỡ chữ: {size}").format(size=self.font_sizer.size))

    def _toggle_language(self) -> None:
        self.translations.set_language("en" if self.translations.language == "vi" else "vi")

    def _language_changed(self, language: str) -> None:
        self.vietnamese_action.setChecked(language == "vi")
        self.english_action.setChecked(language == "en")
        self.other_language_action.setText("Tiếng Việt" if language == "en" else "English")

    def show_about(self) -> None:
        text = self.tr(
            "Học tập Nghị quyết, phiên bản {version}.\nĐọc văn bản, làm bài kiểm tra và viết bản "
            "thu hoạch, cam kết của đảng viên."
        ).format(version=quiz.__version__)
        dialogs.inform(self, self.tr("Giới thiệu"), text)

    # Geometry and closing ----------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.preferences.bytes_value("window/geometry")
        self.opens_maximised = False
        if geometry is None or not self.restoreGeometry(geometry):
            available = small_screen_size()
            # An office laptop (1366×768) or an old monitor: use the whole screen from the first start.
            self.opens_maximised = available is not None
            self.resize(available or COMFORTABLE_SIZE)
        state = self.preferences.bytes_value("window/state")
        if state is not None:
            self.restoreState(state)

    def show_for_screen(self) -> None:
        """Show the window maximised on a small screen (first start), else as it was left."""
        if self.opens_maximised:
            self.showMaximized()
        else:
            self.show()

    def save_geometry(self) -> None:
        self.preferences.set_bytes_value("window/geometry", self.saveGeometry())
        self.preferences.set_bytes_value("window/state", self.saveState())
        if self._study is not None:
            self.preferences.set_bytes_value("window/study_splitter", self._study.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._study is not None:
            self._study.reader.close_session()
        flush = getattr(self.pledge_page, "flush", None)
        if callable(flush):
            flush()
        self.save_geometry()
        # Answers still waiting for the worker are written before the window goes.
        operation_runner().wait_idle()
        self.task_runner.shutdown()
        self.translations.uninstall()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Học tập Nghị quyết"))
        self.busy_label.setText(self.tr("Đang xử lý…"))
        if self._study is not None:
            self.tabs.setTabText(self.tabs.indexOf(self._study), self.tr("Học tập"))
        if self.pledge_page is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.pledge_page), self.tr("Thu hoạch và cam kết"))
        if self.progress_page is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.progress_page), self.tr("Tiến độ của tôi"))
        if self.admin_page is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.admin_page), self.tr("Quản trị"))
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.study_menu.setTitle(self.tr("&Học tập"))
        self.view_menu.setTitle(self.tr("&Xem"))
        self.language_menu.setTitle(self.tr("&Ngôn ngữ"))
        self.help_menu.setTitle(self.tr("Trợ &giúp"))
        self.toolbar.setWindowTitle(self.tr("Thanh công cụ"))
        texts = {
            self.switch_user_action: self.tr("Đổi người dùng"),
            self.quit_action: self.tr("Thoát"),
            self.larger_action: self.tr("Chữ to hơn (Ctrl +)"),
            self.smaller_action: self.tr("Chữ nhỏ hơn (Ctrl −)"),
            self.reset_font_action: self.tr("Cỡ chữ mặc định"),
            self.contrast_action: self.tr("Tương phản cao"),
            self.vietnamese_action: "Tiếng Việt",
            self.english_action: "English",
            self.search_action: self.tr("Tìm trong văn bản"),
            self.studied_action: self.tr("Đánh dấu đã học phần này"),
            self.bookmark_action: self.tr("Đánh dấu trang"),
            self.note_action: self.tr("Ghi chú"),
            self.about_action: self.tr("Giới thiệu"),
        }
        self.other_language_action.setToolTip(self.tr("Đổi ngôn ngữ giao diện (Ctrl+L)"))
        for action, text in texts.items():
            action.setText(text)
            action.setToolTip(text + (f" ({action.shortcut().toString()})" if not action.shortcut().isEmpty() else ""))
        self._update_user_label()
        self._update_font_label()
