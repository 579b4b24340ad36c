"""Báo cáo (placeholder while the core lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from gui.admin.common import AdminPage

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service


class ReportsPage(AdminPage):
    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(service, task_runner, parent)
        self.set_heading(self.title())

    def title(self) -> str:
        return self.tr("Báo cáo")
