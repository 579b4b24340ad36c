"""The status-bar part that shows the running task: its label, a progress bar and a cancel button."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from gui.style import named
from gui.tasks import TaskRunner


class TaskStatus(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.label = named(QLabel(), "task_label")
        self.bar = named(QProgressBar(), "task_progress")
        self.bar.setMaximumWidth(240)
        self.cancel_button = named(QPushButton(), "task_cancel")
        self.cancel_button.clicked.connect(runner.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.started.connect(self._started)
        runner.progress.connect(self._progress)
        runner.busy_changed.connect(self.setVisible)
        self.retranslate()
        self.hide()

    def _started(self, label: str) -> None:
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the first progress report

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if message:
            self.label.setText(message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Huỷ"))
        self.cancel_button.setAccessibleName(self.tr("Huỷ việc đang chạy"))
        self.bar.setAccessibleName(self.tr("Tiến độ công việc"))
