"""Facade calls off the UI thread (like Anki's QueryOp/CollectionOp): busy state after a delay, result on the UI thread.

API (every page of the window)::

    run_query(parent, call, on_success, *, on_failure=None, busy=(), key=None) -> Operation
    run_change(parent, call, on_success=None, *, on_failure=None, busy=()) -> Operation
    operation_runner() -> OperationRunner      # .wait_idle() for tests and window close; .busy_changed(bool)

``call`` runs on the runner's ONE worker thread, in the order the calls were made, so an answer written by
``run_change`` is saved before the submit queued after it and before any later query reads it back (the facade
opens one session per call; SQLite connections allow other threads). ``on_success(value)`` and
``on_failure(error)`` run on the UI thread, and never after ``parent`` was destroyed. Without ``on_failure``
the error is shown in a message box as one Vietnamese sentence (a UserError's own, anything else is logged).
If the call takes longer than ``busy_delay_ms`` (150 ms), ``parent`` shows a busy cursor and the ``busy``
widgets are disabled until the result arrives. Queries with the same ``key`` on one parent: only the newest
one's result is delivered (a quick click through sections never shows an older load last).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)

ResultType = TypeVar("ResultType")
BUSY_DELAY_MS = 150
_BUSY_COUNT = "operations_busy_count"
_LATEST_KEY = "operations_latest_{0}"


class _Bridge(QObject):
    """Lives on the UI thread; the worker's emissions reach it through queued connections."""

    succeeded = Signal(object)
    failed = Signal(object)


class Operation(Generic[ResultType]):
    """One submitted facade call; ``done`` once its result (or error) was handled on the UI thread."""

    def __init__(
        self,
        runner: OperationRunner,
        parent: QWidget,
        on_success: Callable[[ResultType], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        busy: Iterable[QWidget],
        key: str | None,
    ) -> None:
        self.parent = parent
        self.done = False
        self.busy_shown = False
        self._runner = runner
        self._on_success = on_success
        self._on_failure = on_failure
        self._busy_widgets = list(busy)
        self._disabled: list[QWidget] = []
        self._key = key
        self._serial = runner.next_serial()
        if key is not None:
            parent.setProperty(_LATEST_KEY.format(key), self._serial)
        # Parented to the runner, not to the widget: deleting the widget must not delete the bridge while the
        # worker may still emit on it; the runner deletes it once the result is handled.
        self.bridge = _Bridge(runner)
        self.bridge.succeeded.connect(self._succeeded)
        self.bridge.failed.connect(self._failed)
        self._timer = QTimer(self.bridge)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_busy)
        self._timer.start(runner.busy_delay_ms)

    def _parent_alive(self) -> bool:
        return shiboken6.isValid(self.parent)

    def _show_busy(self) -> None:
        if self.done or not self._parent_alive():
            return
        self.busy_shown = True
        count = int(self.parent.property(_BUSY_COUNT) or 0)
        if count == 0:
            self.parent.setCursor(Qt.CursorShape.BusyCursor)
        self.parent.setProperty(_BUSY_COUNT, count + 1)
        for widget in self._busy_widgets:
            if shiboken6.isValid(widget) and widget.isEnabled():
                widget.setEnabled(False)
                self._disabled.append(widget)
        self._runner.busy_started()

    def _end_busy(self) -> None:
        self._timer.stop()
        if not self.busy_shown:
            return
        self._runner.busy_ended()
        if not self._parent_alive():
            return
        count = int(self.parent.property(_BUSY_COUNT) or 1) - 1
        self.parent.setProperty(_BUSY_COUNT, count)
        if count <= 0:
            self.parent.unsetCursor()
        for widget in self._disabled:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)

    def _finish(self, deliver: Callable[[], None]) -> None:
        if self.done:
            return
        self.done = True
        try:
            self._end_busy()
            if self._parent_alive():
                deliver()
        finally:
            self._runner.finished(self)

    def _succeeded(self, value: Any) -> None:
        def deliver() -> None:
            superseded = self._key is not None and self.parent.property(_LATEST_KEY.format(self._key)) != self._serial
            if self._on_success is not None and not superseded:
                self._on_success(value)

        self._finish(deliver)

    def _failed(self, error: BaseException) -> None:
        if not self._parent_alive():
            from gui.dialogs import error_message

            error_message(error)  # logs what is unexpected; nobody is left to show it to
        self._finish(lambda: self._report(error))

    def _report(self, error: BaseException) -> None:
        if self._on_failure is not None:
            self._on_failure(error)
            return
        from gui import dialogs

        dialogs.show_error(self.parent, error)


class _Job(QRunnable):
    def __init__(self, bridge: _Bridge, call: Callable[[], Any]) -> None:
        super().__init__()
        self._bridge = bridge
        self._call = call
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self._call()
        except BaseException as error:  # every failure must reach the UI thread as one sentence
            self._bridge.failed.emit(error)
        else:
            self._bridge.succeeded.emit(value)


class OperationRunner(QObject):
    """One worker thread for the window's facade calls, taken in submission order."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, busy_delay_ms: int = BUSY_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("operation_runner")
        self.busy_delay_ms = busy_delay_ms
        self._pool = QThreadPool(self)
        # One thread: an attempt's answers keep their order and a read after a write sees it (Anki's op thread).
        self._pool.setMaxThreadCount(1)
        self._pending: list[Operation[Any]] = []
        self._serial = 0
        self._busy = 0

    @property
    def pending(self) -> int:
        return len(self._pending)

    def next_serial(self) -> int:
        self._serial += 1
        return self._serial

    def submit(
        self,
        parent: QWidget,
        call: Callable[[], ResultType],
        on_success: Callable[[ResultType], None] | None,
        on_failure: Callable[[BaseException], None] | None = None,
        busy: Iterable[QWidget] = (),
        key: str | None = None,
    ) -> Operation[ResultType]:
        operation: Operation[ResultType] = Operation(self, parent, on_success, on_failure, busy, key)
        self._pending.append(operation)
        self._pool.start(_Job(operation.bridge, call))
        return operation

    def finished(self, operation: Operation[Any]) -> None:
        operation.bridge.deleteLater()
        if operation in self._pending:
            self._pending.remove(operation)

    def busy_started(self) -> None:
        self._busy += 1
        if self._busy == 1:
            self.busy_changed.emit(True)

    def busy_ended(self) -> None:
        self._busy -= 1
        if self._busy == 0:
            self.busy_changed.emit(False)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Process events until every submitted call was handled (tests, window close); False on timeout."""
        deadline = QDeadlineTimer(timeout_ms)
        # One being handled right now (this wait called from its own callback) counts as handled.
        while any(not operation.done for operation in self._pending) and not deadline.hasExpired():
            self._pool.waitForDone(10)
            QCoreApplication.processEvents()
        return all(operation.done for operation in self._pending)


def operation_runner() -> OperationRunner:
    """The application's runner, made on first use (owned by the application, not a module global)."""
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("operations need a running QApplication")
    runner = application.findChild(OperationRunner, "operation_runner")
    if runner is None:
        runner = OperationRunner(application)
    return runner


def run_query(
    parent: QWidget,
    call: Callable[[], ResultType],
    on_success: Callable[[ResultType], None],
    *,
    on_failure: Callable[[BaseException], None] | None = None,
    busy: Iterable[QWidget] = (),
    key: str | None = None,
    runner: OperationRunner | None = None,
) -> Operation[ResultType]:
    """Read something through the facade off the UI thread; ``on_success`` gets it on the UI thread."""
    return (runner or operation_runner()).submit(parent, call, on_success, on_failure, busy, key)


def run_change(
    parent: QWidget,
    call: Callable[[], ResultType],
    on_success: Callable[[ResultType], None] | None = None,
    *,
    on_failure: Callable[[BaseException], None] | None = None,
    busy: Iterable[QWidget] = (),
    runner: OperationRunner | None = None,
) -> Operation[ResultType]:
    """Write through the facade off the UI thread, after every call submitted before it.

    The write happens even if ``parent`` is gone by then (an answer is saved though its question was left);
    the pages that show the changed areas hear of it through the facade's change feed (gui/changes_hub.py).
    """
    return (runner or operation_runner()).submit(parent, call, on_success, on_failure, busy, None)
