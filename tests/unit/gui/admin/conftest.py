"""Admin desk fixtures: a facade signed in as the admin on a file database, a task runner, the desk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.tasks import TaskRunner
from quiz.api.unit_details import UnitDetails
from quiz.service import Service

# The gui mark comes from tests/unit/gui/conftest.py; pyproject's qt_log_ignore covers the offscreen
# platform's harmless "propagateSizeHints" warning.


@pytest.fixture
def task_runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def give_unit_details(service: Service) -> None:
    """What the first start asks for, so the desk opens on its pages (the first-start test starts without)."""
    details = UnitDetails("Đảng bộ xã Tân Lập", "Chi bộ thôn Khe Mạ", "Tân Lập", dt.date(2026, 12, 31))
    for key, value in details.as_settings().items():
        service.settings.set(key, value)


@pytest.fixture
def desk(qtbot: QtBot, service: Service, task_runner: TaskRunner) -> AdminDesk:
    give_unit_details(service)
    widget = AdminDesk(service, task_runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget
