"""Long work off the UI thread: one worker, progress and cancel, results delivered on the UI thread.

API (used by the member side and the admin desk)::

    runner = TaskRunner(parent)                       # one per window; owns ONE worker thread
    task = runner.run(
        work,                                         # work(control: TaskControl) -> T, runs on the worker
        on_result,                                    # on_result(value: T), called on the UI thread
        on_error=None,                                # on_error(error: BaseException) on the UI thread;
                                                      #   default: dialogs.show_error (UserError message as is)
        on_progress=None,                             # on_progress(done: int, total: int, message: str)
        label="Đang nhập văn bản…",                   # shown by the status-bar progress widget
    )
    task.cancel()          # or runner.cancel(): asks the running work to stop (cooperative)
    runner.busy            # True while a task is running or queued
    runner.wait_idle(ms)   # tests: process events until every task has delivered its result

Inside ``work`` call ``control.report(done, total, message)`` now and then and ``control.check_cancelled()``
(raises ``TaskCancelled``) or read ``control.cancelled``. A cancelled task calls neither ``on_result`` nor
``on_error``; it emits ``runner.cancelled``. Signals of the runner: ``started(str)``,
``progress(int, int, str)``, ``finished()``, ``cancelled()``, ``busy_changed(bool)``.
Work must not touch widgets; it should call the facade (each call opens its own session).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)

ResultType = TypeVar("ResultType")


class TaskCancelled(Exception):
    """Raised inside work by ``TaskControl.check_cancelled`` when the user pressed cancel."""


@dataclass
class TaskControl:
    """Handed to the work function: report progress, notice cancellation."""

    _report: Callable[[int, int, str], None]
    _cancel_event: threading.Event = field(default_factory=threading.Event)

    @property
    def cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def check_cancelled(self) -> None:
        if self._cancel_event.is_set():
            raise TaskCancelled()

    def report(self, done: int, total: int, message: str = "") -> None:
        self._report(done, total, message)


class _Bridge(QObject):
    """Lives on the UI thread; worker emissions arrive here through queued connections."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    stopped = Signal()


class Task(Generic[ResultType]):
    """One submitted piece of work; keep it to cancel it."""

    def __init__(self, label: str, owner: QObject) -> None:
        self.label = label
        self.control = TaskControl(self._emit_progress)
        # Parented to the runner (UI thread): Python's garbage collector, which may run on the worker,
        # never deletes it; the runner deletes it with deleteLater() once the result is delivered.
        self.bridge = _Bridge(owner)
        self.done = False

    def _emit_progress(self, done: int, total: int, message: str) -> None:
        self.bridge.progress.emit(done, total, message)

    def cancel(self) -> None:
        self.control._cancel_event.set()


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any], work: Callable[[TaskControl], Any]) -> None:
        super().__init__()
        self._task = task
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._task.control.check_cancelled()
            value = self._work(self._task.control)
            self._task.control.check_cancelled()
        except TaskCancelled:
            self._task.bridge.stopped.emit()
        except BaseException as error:  # every failure must reach the UI thread
            self._task.bridge.failed.emit(error)
        else:
            self._task.bridge.succeeded.emit(value)


class TaskRunner(QObject):
    """Runs submitted work one at a time on a single worker thread."""

    started = Signal(str)
    progress = Signal(int, int, str)
    finished = Signal()
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # One worker: SQLite writes and the facade's actions stay serialised, like Anki's single op thread.
        self._pool.setMaxThreadCount(1)
        self._tasks: list[Task[Any]] = []

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(
        self,
        work: Callable[[TaskControl], ResultType],
        on_result: Callable[[ResultType], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        label: str = "",
    ) -> Task[ResultType]:
        task: Task[ResultType] = Task(label, self)
        task.bridge.progress.connect(self.progress)
        if on_progress is not None:
            task.bridge.progress.connect(on_progress)
        task.bridge.succeeded.connect(lambda value: self._deliver(task, lambda: on_result(value)))
        task.bridge.failed.connect(lambda error: self._deliver(task, lambda: self._report_error(error, on_error)))
        task.bridge.stopped.connect(lambda: self._deliver(task, self.cancelled.emit))
        was_busy = self.busy
        self._tasks.append(task)
        if not was_busy:
            self.busy_changed.emit(True)
        self.started.emit(label)
        self._pool.start(_Runnable(task, work))
        return task

    def cancel(self) -> None:
        """Ask every running or queued task to stop."""
        for task in self._tasks:
            task.cancel()

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Process events until every task has delivered (tests and shutdown); False on timeout."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._tasks and not deadline.hasExpired():
            QCoreApplication.processEvents()
            self._pool.waitForDone(10)
        QCoreApplication.processEvents()
        return not self._tasks

    def shutdown(self) -> None:
        """Cancel and wait for the worker (window close)."""
        self.cancel()
        self._pool.waitForDone(5000)

    def _deliver(self, task: Task[Any], callback: Callable[[], None]) -> None:
        if task.done:
            return
        task.done = True
        try:
            callback()
        finally:
            task.bridge.deleteLater()
            if task in self._tasks:
                self._tasks.remove(task)
            self.finished.emit()
            if not self._tasks:
                self.busy_changed.emit(False)

    @staticmethod
    def _report_error(error: BaseException, on_error: Callable[[BaseException], None] | None) -> None:
        if on_error is not None:
            on_error(error)
            return
        from gui import dialogs

        dialogs.show_error(None, error)
