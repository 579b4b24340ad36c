"""The opening frame: on screen at once, while a worker thread imports and opens the facade (SQLAlchemy, checks)."""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QProgressBar, QVBoxLayout, QWidget

from gui.screen_geometry import COMFORTABLE_SIZE, small_screen_size
from gui.style import named, set_role

if TYPE_CHECKING:
    from collections.abc import Callable

    from gui.start_screen import StartScreen
    from quiz.service import Service
    from quiz.start_names import StartName

    Search = Callable[[str], list[StartName] | None]

logger = logging.getLogger(__name__)


class OpeningFrame(QWidget):
    """The app's title, the start screen's names when they can be read without the ORM, and a moving bar.

    Plain Qt widgets only, so it keeps painting while Python is busy. A member can already find and pick a name
    (``search`` reads the names again as they type); the main window's start screen takes the search and the
    choice over when the facade is open (``hand_over``).
    """

    def __init__(self, names: list[StartName] | None = None, search: Search | None = None) -> None:
        super().__init__()
        self.setObjectName("opening_frame")
        self.setWindowTitle(self.tr("Học tập Nghị quyết"))
        self._search = search
        self.entered = False
        title = named(QLabel(self.tr("Học tập Nghị quyết")), "opening_title")
        set_role(title, "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = named(QLabel(self.tr("Đang mở dữ liệu, xin chờ trong giây lát…")), "opening_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        bar = named(QProgressBar(), "opening_bar")
        bar.setRange(0, 0)  # no known length: Qt animates it by itself
        bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 48, 96, 48)
        self.search_edit: QLineEdit | None = None
        self.names: QListWidget | None = None
        if names is None:
            layout.addStretch(2)
            layout.addWidget(title)
        else:
            layout.addWidget(title)
            self._add_name_list(layout, names)
        layout.addWidget(self.message)
        layout.addWidget(bar)
        if names is None:
            layout.addStretch(3)
        # Sized like the main window that replaces it, so nothing jumps when it does.
        self.opens_maximised = small_screen_size() is not None
        self.resize(small_screen_size() or COMFORTABLE_SIZE)

    def _add_name_list(self, layout: QVBoxLayout, names: list[StartName]) -> None:
        label = QLabel(self.tr("&Tìm tên của đồng chí (gõ vài chữ, không cần dấu):"))
        set_role(label, "heading")
        self.search_edit = named(QLineEdit(), "opening_search")
        self.search_edit.setPlaceholderText(self.tr("Ví dụ: nguyen van"))
        self.search_edit.setAccessibleName(self.tr("Tìm tên"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._refill)
        self.search_edit.returnPressed.connect(self._enter)
        label.setBuddy(self.search_edit)
        self.names = named(QListWidget(), "opening_names")
        self.names.setAccessibleName(self.tr("Danh sách đảng viên"))
        self.names.itemActivated.connect(lambda _item: self._enter())
        self._fill(names)
        layout.addWidget(label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.names, 1)
        self.search_edit.setFocus()

    def _fill(self, names: list[StartName]) -> None:
        assert self.names is not None
        self.names.clear()
        self.names.addItems([name.label for name in names])
        if self.names.count():
            self.names.setCurrentRow(0)

    def _refill(self, text: str) -> None:
        found = self._search(text) if self._search is not None else None
        if found is not None:
            self._fill(found)

    def _enter(self) -> None:
        # Signing in needs the facade: remember the wish, the start screen acts on it once it is there.
        self.entered = self.names is not None and self.names.currentItem() is not None

    def hand_over(self, start_screen: StartScreen) -> None:
        """Give the start screen what the member typed and picked here (same labels, same order)."""
        if self.search_edit is None or self.names is None or start_screen.pages.currentIndex() != 0:
            return
        start_screen.search_edit.setText(self.search_edit.text())
        start_screen.refresh_names()
        chosen = self.names.currentItem()
        if chosen is None:
            return
        for row in range(start_screen.names.count()):
            if start_screen.names.item(row).text() == chosen.text():
                start_screen.names.setCurrentRow(row)
                if self.entered:
                    start_screen.enter_button.click()
                return


def open_service(database_url: str | None) -> Service:
    """Import and open the facade, importing the seeds into an empty database (runs on the worker)."""
    from quiz.service import Service

    service = Service.open(database_url)
    try:
        service.documents.import_seeds_if_empty()
    except BaseException:
        service.close()
        raise
    return service


class FacadeOpener(QObject):
    """Opens the facade on a plain thread and hands the result to the UI thread through a queued signal."""

    opened = Signal(object)
    failed = Signal(object)

    def __init__(self, database_url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database_url = database_url
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="open-facade", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Block until the worker ended (tests and shutdown)."""
        if self._thread is not None:
            self._thread.join()

    def _work(self) -> None:
        try:
            service = open_service(self._database_url)
            # The window's modules import most of the widgets; loading them here too keeps the UI thread's
            # share of the start to building the window itself.
            importlib.import_module("gui.main_window")
        except BaseException as error:  # handed to the UI thread, which shows a plain message
            self.failed.emit(error)
            return
        self.opened.emit(service)
