"""The admin's desk: a list of pages on the left (keyboard: arrows), the chosen page on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from gui.admin.bank_page import BankPage
from gui.admin.common import AdminPage
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

    The window may connect ``font_size_chosen`` (to its font sizer) and ``language_chosen`` (to its
    translations) so the choices on the settings page apply at once; they are saved in Preferences anyway.
    """

    font_size_chosen = Signal(int)
    language_chosen = Signal(str)

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_desk")
        self.service = service
        self.task_runner = task_runner
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("admin_navigation")
        self.navigation.setAccessibleName(self.tr("Các mục quản trị"))
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.pages: list[AdminPage] = []
        for page_class in PAGE_CLASSES:
            page = page_class(service, task_runner, self.stack)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title(), self.navigation)
            item.setSizeHint(QSize(0, 44))
        width = max(self.navigation.sizeHintForColumn(0), 160) + 24
        self.navigation.setFixedWidth(width)
        layout = QHBoxLayout(self)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        settings = self.page(SettingsPage)
        assert isinstance(settings, SettingsPage)
        settings.font_size_chosen.connect(self.font_size_chosen)
        settings.language_chosen.connect(self.language_chosen)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.navigation.setCurrentRow(0)

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
            self.pages[row].refresh()
