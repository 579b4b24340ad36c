"""Long admin work on the task runner: a cancel gate that never hides a written file, and a progress row."""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from gui.admin.common import make_button
from gui.tasks import TaskCancelled


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
