"""Every admin page on a 1366×768 office screen, at the default font and at 20 pt: every button reachable."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from gui.admin.bank_page import BankPage
from gui.admin.common import AdminPage
from gui.admin.desk import PAGE_CLASSES, AdminDesk
from gui.admin.members_page import MembersPage
from gui.preferences import DEFAULT_FONT_SIZE
from gui.tasks import TaskRunner
from quiz.cli.demo import build_demo
from quiz.service import Service
from quiz.services.context import Actor
from tests.unit.gui.admin.conftest import give_unit_details
from tests.unit.gui.screen_fit import (
    LARGE_FONT_SIZE,
    SMALL_LAPTOP,
    assert_fits_screen,
    set_font_point_size,
    settle,
    visible_buttons,
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

# The desk's rows at 1366×768: a member list or question table must show at least this many.
MINIMUM_ROWS = 10


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed resolution, its questions and the demo unit (three chi bộ, answers, pledges), built once."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    service = Service.open(f"sqlite:///{path.as_posix()}", actor=Actor.admin())
    service.documents.import_seeds_if_empty()
    build_demo(service)
    give_unit_details(service)
    service.close()
    return path


@pytest.fixture
def demo_service(demo_database: Path, tmp_path: Path) -> Iterator[Service]:
    copy = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_database, copy)
    service = Service.open(f"sqlite:///{copy.as_posix()}", actor=Actor.admin())
    yield service
    service.close()


def clipped_buttons(window: QWidget) -> list[str]:
    """Buttons cut off by a parent (a squeezed layout) although inside the window; a scroll area's viewport
    may hide a button above or below (it scrolls there), never to a side."""
    found = []
    for button in visible_buttons(window):
        place = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        parent = button.parentWidget()
        while parent is not None and parent is not window:
            area = parent.parentWidget()
            bounds = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
            scrolls = isinstance(area, QAbstractScrollArea) and area.viewport() is parent
            if scrolls:
                inside = bounds.left() <= place.left() and place.right() <= bounds.right()
            else:
                inside = bounds.contains(place)
            if not inside:
                found.append(
                    f"{button.text()!r} at {place.getRect()} cut by {type(parent).__name__} {bounds.getRect()}"
                )
                break
            parent = parent.parentWidget()
    return found


def desk_window(service: Service, task_runner: TaskRunner) -> tuple[QMainWindow, AdminDesk]:
    """The desk as the main window shows it: a tab under a menu bar and a toolbar, above a status bar."""
    window = QMainWindow()
    for title in ("&Tệp", "&Xem", "&Trợ giúp"):
        window.menuBar().addMenu(title)
    toolbar = QToolBar(window)
    for text in ("Chữ to hơn", "Chữ nhỏ hơn", "Tương phản cao", "Đăng xuất"):
        toolbar.addAction(QAction(text, toolbar))
    window.addToolBar(toolbar)
    window.statusBar().addWidget(QLabel("Quản trị (bí thư)"), 1)
    tabs = QTabWidget(window)
    tabs.setDocumentMode(True)
    tabs.addTab(QWidget(), "Học tập")
    desk = AdminDesk(service, task_runner)
    tabs.addTab(desk, "Quản trị")
    tabs.setCurrentWidget(desk)
    window.setCentralWidget(tabs)
    return window, desk


@pytest.mark.parametrize("font_size", [DEFAULT_FONT_SIZE, LARGE_FONT_SIZE], ids=["default-font", "20pt"])
@pytest.mark.parametrize("page_class", PAGE_CLASSES, ids=[page.__name__ for page in PAGE_CLASSES])
def test_page_fits_a_small_laptop(
    qtbot: QtBot, demo_service: Service, task_runner: TaskRunner, page_class: type[AdminPage], font_size: int
) -> None:
    set_font_point_size(None, font_size)
    try:
        window, desk = desk_window(demo_service, task_runner)
        qtbot.addWidget(window)
        page = desk.show_page(page_class)
        if isinstance(page, BankPage):
            page.table.selectRow(0)
        window.show()
        settle()
        # Data tables may scroll sideways through their columns; forms and button rows may not.
        assert_fits_screen(
            window,
            SMALL_LAPTOP,
            extra_widgets=[desk.navigation, window.statusBar()],
            horizontal_scroll_allowed=window.findChildren(QAbstractItemView),
        )
        assert (page.isVisible() and not desk.page_frames[desk.pages.index(page)].verticalScrollBar().isVisible()) or (
            font_size == LARGE_FONT_SIZE
        ), "at the default font a page fits without scrolling"
        if font_size == DEFAULT_FONT_SIZE and isinstance(page, (BankPage, MembersPage)):
            table = page.table if isinstance(page, BankPage) else page.member_table
            rows_shown = table.viewport().height() // max(table.rowHeight(0), 1)
            assert table.model().rowCount() > MINIMUM_ROWS and rows_shown >= MINIMUM_ROWS, rows_shown
    finally:
        set_font_point_size(None, DEFAULT_FONT_SIZE)


@pytest.mark.parametrize("font_size", [DEFAULT_FONT_SIZE, LARGE_FONT_SIZE], ids=["default-font", "20pt"])
def test_first_start_page_fits_a_small_laptop(
    qtbot: QtBot, service: Service, task_runner: TaskRunner, font_size: int
) -> None:
    set_font_point_size(None, font_size)
    try:
        window, desk = desk_window(service, task_runner)
        qtbot.addWidget(window)
        window.show()
        settle()
        assert desk.is_first_start_shown()
        assert_fits_screen(window, SMALL_LAPTOP, extra_widgets=[window.statusBar()])
        assert desk.first_start.save_button.isVisible() and not clipped_buttons(window)
    finally:
        set_font_point_size(None, DEFAULT_FONT_SIZE)


def test_a_font_change_while_the_desk_is_open_reflows_it(
    qtbot: QtBot, demo_service: Service, task_runner: TaskRunner
) -> None:
    """The settings page's font choice applies at once: the open desk must fit at the new size too."""
    set_font_point_size(None, DEFAULT_FONT_SIZE)  # as the application starts: its font and style sheet set
    window, desk = desk_window(demo_service, task_runner)
    qtbot.addWidget(window)
    desk.show_page(MembersPage)
    window.show()
    settle()
    narrow = desk.navigation.width()
    set_font_point_size(None, LARGE_FONT_SIZE)
    try:
        settle()
        assert desk.navigation.width() > narrow
        assert_fits_screen(window, SMALL_LAPTOP, horizontal_scroll_allowed=window.findChildren(QAbstractItemView))
        assert not clipped_buttons(window)
    finally:
        set_font_point_size(None, DEFAULT_FONT_SIZE)
