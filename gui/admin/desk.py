"""The admin's desk: a list of pages on the left (keyboard: arrows), the chosen page on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QScrollArea, QStackedWidget, QWidget

from gui.admin.bank_page import BankPage
from gui.admin.common import AdminPage, vertical_scroll
from gui.admin.first_start_page import FirstStartPage
from gui.admin.import_page import ImportPage
from gui.admin.members_page import MembersPage
from gui.admin.paper_page import PaperPage
from gui.admin.quiz_settings_page import QuizSettingsPage
from gui.admin.reports_page import ReportsPage
from gui.admin.results_page import ResultsPage
from gui.admin.settings_page import SettingsPage
from gui.admin.unit_progress_page import UnitProgressPage

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service

PAGE_CLASSES: tuple[type[AdminPage], ...] = (
    ImportPage,
    BankPage,
    QuizSettingsPage,
    MembersPage,
    UnitProgressPage,
    ReportsPage,
    PaperPage,
    ResultsPage,
    SettingsPage,
)


class AdminDesk(QWidget):
    """Built by the main window when the admin signs in: ``AdminDesk(service, task_runner, parent)``.

    The window connects ``font_size_changed(int)`` (to its font sizer) and ``language_changed(str)`` (to its
    translations) so the choices on the settings page apply at once; they are saved in Preferences anyway.
    While the printed header's names are missing (a fresh database) the desk shows the first-start page.
    """

    font_size_changed = Signal(int)
    language_changed = Signal(str)

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_desk")
        self.service = service
        self.task_runner = task_runner
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("admin_navigation")
        self.navigation.setAccessibleName(self.tr("Các mục quản trị"))
        self.navigation.setSpacing(2)
        self.navigation.setWordWrap(True)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        self.pages: list[AdminPage] = []
        self.page_frames: list[QScrollArea] = []
        self._build_pages()
        self.first_start = FirstStartPage(service, task_runner, self)
        self.first_start.finished.connect(self.close_first_start)
        layout = QHBoxLayout(self)
        layout.addWidget(self.first_start, 1)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.navigation.setCurrentRow(0)
        details = self.first_start.attempt(service.settings.unit_details)
        self._set_first_start_shown(details is not None and not details.is_complete())

    def _build_pages(self) -> None:
        """Make every page in the current language (again after a language change), with its list entry."""
        for frame in self.page_frames:
            self.stack.removeWidget(frame)
            frame.deleteLater()
        self.pages, self.page_frames = [], []
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for page_class in PAGE_CLASSES:
            page = page_class(self.service, self.task_runner, self.stack)
            self.pages.append(page)
            # A page taller than the screen scrolls up and down; it never needs sideways scrolling.
            frame = vertical_scroll(page, self.stack)
            frame.setObjectName(f"page_frame_{len(self.page_frames)}")
            self.page_frames.append(frame)
            self.stack.addWidget(frame)
            QListWidgetItem(page.title(), self.navigation)
        self.navigation.blockSignals(False)
        self.navigation.setAccessibleName(self.tr("Các mục quản trị"))
        self._fit_navigation()
        settings = self.page(SettingsPage)
        assert isinstance(settings, SettingsPage)
        settings.font_size_changed.connect(self.font_size_changed)
        settings.language_changed.connect(self.language_changed)

    def retranslate(self) -> None:
        """The pages set their texts once, when made: remake them in the new language and show the same one.
        Put off while a page works (an import, a print run), whose progress would be lost."""
        if any(getattr(page, "is_busy", lambda: False)() for page in self.pages):
            return
        row = max(self.navigation.currentRow(), 0)
        self._build_pages()
        self.navigation.setCurrentRow(row)
        self._show_page(row)

    def _fit_navigation(self) -> None:
        """As wide as the longest title at the current font, but never more than a sixth of a 1366 px screen
        (a longer title wraps onto a second line)."""
        metrics = self.navigation.fontMetrics()
        widest = max((metrics.horizontalAdvance(page.title()) for page in self.pages), default=160)
        width = min(max(widest, 140) + 32, 230)
        self.navigation.setFixedWidth(width)
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            lines = 1 if metrics.horizontalAdvance(item.text()) + 32 <= width else 2
            item.setSizeHint(QSize(0, max(44, metrics.lineSpacing() * lines + 16)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            # Posted: the list itself receives the new font after the desk does.
            QTimer.singleShot(0, self, self._fit_navigation)
        elif event.type() == QEvent.Type.LanguageChange and self.pages:
            # Posted, not at once: Qt is still sending this event to the old pages.
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def is_first_start_shown(self) -> bool:
        return not self.first_start.isHidden()

    def close_first_start(self) -> None:
        """Back to the desk's pages (the names were saved, or put off until the next sign-in)."""
        self._set_first_start_shown(False)
        self.current_page().show_current()

    def _set_first_start_shown(self, shown: bool) -> None:
        self.first_start.setVisible(shown)
        self.navigation.setVisible(not shown)
        self.stack.setVisible(not shown)

    def current_page(self) -> AdminPage:
        return self.pages[self.stack.currentIndex()]

    def page(self, page_class: type[AdminPage]) -> AdminPage:
        """The page of the given class (tests and the main window's menu use it)."""
        for page in self.pages:
            if isinstance(page, page_class):
                return page
        raise LookupError(page_class.__name__)

    def show_page(self, page_class: type[AdminPage]) -> AdminPage:
        page = self.page(page_class)
        self.navigation.setCurrentRow(self.pages.index(page))
        return page

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].show_current()
