"""Long admin work on the task runner: a cancel gate that never hides a written file, a progress row, and the
one task a page runs at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from gui.admin.common import AdminPage, make_button
from gui.tasks import Task, TaskCancelled, TaskControl

ResultType = TypeVar("ResultType")


class CancelGate:
    """Cancel is honoured only until the work starts writing, so "stopped" always means "nothing changed".

    The UI thread calls ``try_cancel``; the worker calls ``check`` between steps and ``commit`` just before it
    writes. The runner's own cancel is not used, because it would discard a result that was already written.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._committed = False

    def try_cancel(self) -> bool:
        with self._lock:
            if self._committed:
                return False
            self._cancelled = True
            return True

    def is_cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def check(self) -> None:
        if self.is_cancelled():
            raise TaskCancelled()

    def commit(self) -> None:
        """From now on the work finishes: raises TaskCancelled if a cancel came first."""
        with self._lock:
            if self._cancelled:
                raise TaskCancelled()
            self._committed = True


class ProgressRow(QWidget):
    """A label, a progress bar and a Stop button, shown while one task of the page runs."""

    cancel_requested = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(accessible_name)
        self.bar.setRange(0, 100)
        self.cancel_button = make_button(self.tr("Dừng"), "cancel_work", self)
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self, text: str, cancellable: bool = True) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first figure arrives
        self.cancel_button.setVisible(cancellable)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def finish(self) -> None:
        self.hide()


class PageTask(QObject):
    """The one long task a page runs at a time on the window's task runner (the wiring every page shared).

    ``run(work, on_done, text=…)`` starts ``work(control, gate)`` unless a task runs already, shows the page's
    progress row, passes progress figures on, and ends in exactly one of: ``on_done(value)``, the error on the
    page's message line (or ``on_error``), or ``cancelled_text`` after a cancel. ``state_changed`` fires when the
    page turns busy or idle (pages enable their buttons from ``busy``).
    """

    state_changed = Signal()

    def __init__(self, page: AdminPage, progress_row: ProgressRow | None = None) -> None:
        super().__init__(page)
        self._page = page
        self._row = progress_row
        self.task: Task[Any] | None = None
        self.gate: CancelGate | None = None
        self._cancelled_text = ""

    @property
    def busy(self) -> bool:
        return self.task is not None

    def run(
        self,
        work: Callable[[TaskControl, CancelGate], ResultType],
        on_done: Callable[[ResultType], None],
        *,
        text: str,
        cancellable: bool = False,
        cancelled_text: str = "",
        on_progress: Callable[[int, int], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Start ``work`` on the worker; False (and nothing started) while another task of the page runs."""
        if self.task is not None:
            return False
        gate = CancelGate()
        self.gate, self._cancelled_text = gate, cancelled_text
        if self._row is not None:
            self._row.start(text, cancellable)

        def progress(done: int, total: int, _message: str) -> None:
            if self._row is not None:
                self._row.set_progress(done, total)
            if on_progress is not None:
                on_progress(done, total)

        def failed(error: BaseException) -> None:
            self._end()
            (on_error or self._page.show_error)(error)

        task = self._page.task_runner.run(
            lambda control: work(control, gate),
            lambda value: self._end_then(on_done, value),
            on_error=failed,
            on_progress=progress,
            label=text,
        )
        self.task = task
        task.bridge.stopped.connect(self._cancelled)
        self.state_changed.emit()
        return True

    def cancel(self, too_late_text: str) -> None:
        """Stop the task if it has not started writing; otherwise say why it goes on."""
        if self.gate is not None and self.task is not None and not self.gate.try_cancel():
            self._page.show_message(too_late_text)

    def _end_then(self, on_done: Callable[[ResultType], None], value: ResultType) -> None:
        self._end()
        on_done(value)

    def _end(self) -> None:
        self.task = None
        self.gate = None
        if self._row is not None:
            self._row.finish()
        self.state_changed.emit()

    def _cancelled(self) -> None:
        self._end()
        self._page.show_message(self._cancelled_text)
