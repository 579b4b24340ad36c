"""Opens the facade on a worker thread (SQLAlchemy, start-up checks, seeds) while the start screen is on screen."""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from quiz.service import Service

logger = logging.getLogger(__name__)


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
            # The study page's modules import most of the widgets; loading them here too keeps the UI thread's
            # share of the start to building the page itself.
            importlib.import_module("gui.study_page")
        except BaseException as error:  # handed to the UI thread, which shows a plain message
            self.failed.emit(error)
            return
        self.opened.emit(service)
