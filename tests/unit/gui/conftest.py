"""GUI fixtures: Qt settings in tmp_path so tests never read or write the user's real preferences."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from gui.application import build_main_window, create_application
from gui.main_window import MainWindow
from tests.unit.gui.study_data import StudyData, create_study_database
from tests.unit.gui.waiting import wait_for_operations

GUI_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/unit/gui as ``gui`` (a ``pytestmark`` in a conftest file is ignored)."""
    for item in items:
        if GUI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_qt_settings(tmp_path: Path) -> Path:
    folder = tmp_path / "qt-settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def application_setup(qapp: object) -> None:
    """Names, bundled fonts and high-DPI policy as the real start sets them (idempotent)."""
    create_application([])


@pytest.fixture
def study_data(tmp_path: Path) -> StudyData:
    return create_study_database(f"sqlite:///{(tmp_path / 'study.sqlite3').as_posix()}")


def open_window(qtbot: QtBot, url: str, language: str | None = None) -> MainWindow:
    """The real window as ``main.py`` builds it, on the test database, shown on the start screen."""
    window = build_main_window(argparse.Namespace(db=url, language=language, self_check=False))
    qtbot.addWidget(window)
    window.show_start()
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, study_data: StudyData) -> Iterator[MainWindow]:
    opened = open_window(qtbot, study_data.url)
    yield opened
    opened.task_runner.wait_idle()
    wait_for_operations()
    opened.close()
    opened.service.close()
