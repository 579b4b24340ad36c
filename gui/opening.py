"""The opening frame: on screen at once, while a worker thread imports and opens the facade (SQLAlchemy, checks)."""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from gui.style import named, set_role

if TYPE_CHECKING:
    from quiz.service import Service

logger = logging.getLogger(__name__)


class OpeningFrame(QWidget):
    """The app's title and a moving bar; plain Qt widgets only, so it keeps painting while Python is busy."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("opening_frame")
        self.setWindowTitle(self.tr("Học tập Nghị quyết"))
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
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(self.message)
        layout.addWidget(bar)
        layout.addStretch(3)
        self.resize(1280, 820)


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
