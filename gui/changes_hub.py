"""The facade's change notices, brought to the UI thread as a Qt signal, and a page's "is what I show stale?" check.

API::

    change_hub(service).changed            # Signal(Changes), on the UI thread, after every committed change
    change_hub(service).numbered           # Signal(int, Changes): the same, numbered in commit order
    StaleWatch(widget, service, areas, refresh, max_age_seconds=60, clock=time.monotonic)
        .refresh_if_needed()  # on show: reload only if one of ``areas`` changed, or the last load is old
        .loaded()             # after a reload

A page refreshes at once when it is on screen; a hidden page only remembers and reloads when shown again. The
maximum age covers what the notices cannot see: other PCs writing to a shared PostgreSQL server.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from quiz.api.changes import Area, Changes
from quiz.service import Service

MAX_AGE_SECONDS = 60.0
LOG_LENGTH = 256


class ChangeHub(QObject):
    """One per open facade; lives on the UI thread. Notices are numbered in commit order and always arrive
    queued, so a page is never reloaded from inside the facade call that is still returning to it."""

    numbered = Signal(int, object)
    _arrived = Signal(int, object)

    def __init__(self, service: Service, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = weakref.ref(service)
        self._lock = threading.Lock()
        self._sequence = 0
        # The recent notices, so a page asks "did my areas change since my last load?" without waiting for the
        # queued signal (a test, or a click handled before the notice).
        self._log: deque[tuple[int, Changes]] = deque(maxlen=LOG_LENGTH)
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = service.changes.subscribe(self._publish)
        self.destroyed.connect(self._unsubscribe)

    @property
    def sequence(self) -> int:
        """The number of the newest committed change (read before a reload: what the reload includes)."""
        with self._lock:
            return self._sequence

    def changed_since(self, sequence: int) -> Changes:
        """Everything committed after notice ``sequence`` (every area if the log no longer reaches back)."""
        with self._lock:
            if sequence >= self._sequence:
                return Changes()
            if not self._log or self._log[0][0] > sequence + 1:
                return Changes(frozenset(Area))
            merged = Changes()
            for number, changes in self._log:
                if number > sequence:
                    merged = merged.merged(changes)
            return merged

    def _publish(self, changes: Changes) -> None:
        # Any thread, at commit time; the hub is deleted only once its facade (which alone calls this) is gone.
        with self._lock:
            self._sequence += 1
            sequence = self._sequence
            self._log.append((sequence, changes))
        if shiboken6.isValid(self):
            self._arrived.emit(sequence, changes)

    def _deliver(self, sequence: int, changes: Changes) -> None:
        self.numbered.emit(sequence, changes)


def change_hub(service: Service) -> ChangeHub:
    """The hub of ``service``, owned by the application (made on first use)."""
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("change notices need a running QApplication")
    for hub in application.findChildren(ChangeHub):
        owner = hub.service()
        if owner is service:
            return hub
        if owner is None:
            hub.deleteLater()  # its facade is gone (a closed window in tests): stop listening
    return ChangeHub(service, application)


class StaleWatch(QObject):
    """Whether a widget's shown data is out of date; refreshes it at once while it is visible."""

    def __init__(
        self,
        widget: QWidget,
        service: Service,
        areas: Iterable[Area],
        refresh: Callable[[], None],
        max_age_seconds: float = MAX_AGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self.areas = frozenset(areas)
        self._refresh = refresh
        self._max_age = max_age_seconds
        self._clock = clock
        self._loaded_at: float | None = None
        self._loaded_sequence = 0
        self._hub = change_hub(service)
        self._hub.numbered.connect(self._changed)

    def _changed(self, sequence: int, changes: Changes) -> None:
        # A change the last reload already included (the page's own action, then its own reload) is no news.
        if sequence > self._loaded_sequence and changes.touches(*self.areas) and self._widget.isVisible():
            self.refresh_if_needed()

    @property
    def stale(self) -> bool:
        """One of the watched areas changed since the last load (or nothing was loaded yet)."""
        return self._loaded_at is None or self._hub.changed_since(self._loaded_sequence).touches(*self.areas)

    def needs_refresh(self) -> bool:
        if self.stale or self._loaded_at is None:
            return True
        return self._clock() - self._loaded_at >= self._max_age

    def refresh_if_needed(self) -> bool:
        """Reload when stale or old; True when it did."""
        if not self.needs_refresh():
            return False
        self.loaded()
        self._refresh()
        return True

    def loaded(self) -> None:
        """Call just BEFORE reloading: a change committed during the reload then still counts as news."""
        self._loaded_at = self._clock()
        self._loaded_sequence = self._hub.sequence
