"""The start: the main window's start screen is on screen before SQLAlchemy is imported; the facade follows."""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.application import StartSession
from gui.main_window import MainWindow
from gui.opening import FacadeOpener, open_service
from quiz.errors import UserError
from quiz.service import Service
from quiz.start_names import start_names
from tests.conftest import REPOSITORY
from tests.unit.gui.study_data import MEMBER_NAME, OTHER_MEMBER, StudyData

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

# Runs the real start in a fresh interpreter and records, when the worker is about to open the facade,
# whether SQLAlchemy was already imported and what the main window showed.
PROBE = """
import sys
import gui.opening as opening
seen = {}
original_start = opening.FacadeOpener.start
def start(self):
    from PySide6.QtWidgets import QApplication
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"]
    seen["window visible"] = any(window.isVisible() for window in windows)
    lists = [window.start_screen.names for window in windows]
    seen["names"] = sorted(names.item(row).text() for names in lists for row in range(names.count()))
    seen["sqlalchemy imported"] = "sqlalchemy" in sys.modules
    original_start(self)
opening.FacadeOpener.start = start
import main
code = main.main(["--db", sys.argv[1], "--self-check"])
print(seen)
sys.exit(code)
"""


def environment(folder: Path) -> dict[str, str]:
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder / "c"),
        "XDG_DATA_HOME": str(folder / "d"),
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(REPOSITORY),
    }


@pytest.mark.slow
def test_main_window_lists_the_names_before_the_facade_is_imported(tmp_path: Path, study_data: StudyData) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, study_data.url],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    expected = {"window visible": True, "names": sorted([MEMBER_NAME, OTHER_MEMBER]), "sqlalchemy imported": False}
    assert str(expected) in done.stdout
    assert "workspace ready in " in done.stdout


def test_opener_hands_an_open_facade_to_the_ui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'worker.sqlite3').as_posix()}"
    opener = FacadeOpener(url)
    delivered_on: list[threading.Thread] = []
    opener.opened.connect(lambda _service: delivered_on.append(threading.current_thread()))
    with qtbot.waitSignal(opener.opened, timeout=60000) as blocker:
        opener.start()
    opener.wait()
    service = blocker.args[0]
    assert isinstance(service, Service)
    try:
        assert service.documents.count() >= 1  # the seeds were imported into the new database
        assert delivered_on == [threading.main_thread()]
    finally:
        service.close()


def test_opener_reports_a_database_it_cannot_open(qtbot: QtBot, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database folder should be", encoding="utf-8")
    opener = FacadeOpener(f"sqlite:///{(blocked / 'x.sqlite3').as_posix()}")
    with qtbot.waitSignal(opener.failed, timeout=60000) as blocker:
        opener.start()
    opener.wait()
    error = blocker.args[0]
    assert isinstance(error, UserError)
    assert "dữ liệu" in str(error).lower() or "không" in str(error).lower()


def early_window(qtbot: QtBot, url: str) -> tuple[StartSession, MainWindow]:
    """The main window as the real start builds it: before the facade, its names read by sqlite3."""
    session = StartSession(argparse.Namespace(db=url, language=None, self_check=False))
    window = session.build_window(None, lambda text: start_names(url, text))
    qtbot.addWidget(window)
    window.show_start()
    window.show()
    qtbot.waitExposed(window)
    return session, window


@pytest.fixture
def opened_later(study_data: StudyData) -> Iterator[list[Service]]:
    """Facades opened by a test (as the worker would), closed at the end."""
    opened: list[Service] = []
    yield opened
    for service in opened:
        service.close()


def test_a_member_finds_the_name_and_types_the_pin_before_the_facade_is_open(
    qtbot: QtBot, study_data: StudyData, opened_later: list[Service]
) -> None:
    session, window = early_window(qtbot, study_data.url)
    screen = window.start_screen
    assert not window.has_service and screen.opening_row.isVisible()
    assert sorted(screen.names.item(row).text() for row in range(screen.names.count())) == sorted(
        [MEMBER_NAME, OTHER_MEMBER]
    )
    QTest.keyClicks(screen.search_edit, "le van")
    qtbot.waitUntil(lambda: screen.names.count() == 1)
    assert screen.names.item(0).text() == OTHER_MEMBER
    QTest.keyClick(screen.search_edit, Qt.Key.Key_Return)
    assert screen.pages.currentIndex() == 1  # this member has a PIN: asked at once, no facade needed
    QTest.keyClicks(screen.pin_edit, "246813")
    QTest.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert window.member_id is None and screen.pages.currentIndex() == 1  # signing in waits for the facade

    opened_later.append(open_service(study_data.url))
    session.attach_service(window, opened_later[0])
    assert window.member_id == study_data.other_member_id  # the waiting sign-in went on by itself
    assert window.pages.currentWidget() is window.tabs and window.tabs.currentWidget() is window.study
    assert not screen.opening_row.isVisible()
    window.task_runner.wait_idle()
    window.close()


def test_reading_only_chosen_early_opens_the_document_once_the_facade_is_there(
    qtbot: QtBot, study_data: StudyData, opened_later: list[Service]
) -> None:
    session, window = early_window(qtbot, study_data.url)
    QTest.mouseClick(window.start_screen.read_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_screen
    opened_later.append(open_service(study_data.url))
    session.attach_service(window, opened_later[0])
    assert window.pages.currentWidget() is window.tabs
    assert window.study.reader.document_id == study_data.document_id
    window.close()


def test_a_new_database_shows_the_waiting_row_then_asks_for_the_admin_password(
    qtbot: QtBot, tmp_path: Path, opened_later: list[Service]
) -> None:
    url = f"sqlite:///{(tmp_path / 'moi.sqlite3').as_posix()}"
    session, window = early_window(qtbot, url)
    screen = window.start_screen
    assert screen.names.count() == 0 and screen.opening_row.isVisible()
    QTest.mouseClick(screen.admin_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 0  # the admin's pages wait for the facade
    opened_later.append(open_service(url))
    session.attach_service(window, opened_later[0])
    assert screen.pages.currentIndex() == 4  # the very first start: create the admin's password
    assert not screen.opening_row.isVisible()
    window.close()


def test_the_facade_keeps_the_search_and_the_choice_and_back_cancels_a_waiting_sign_in(
    qtbot: QtBot, study_data: StudyData, opened_later: list[Service]
) -> None:
    session, window = early_window(qtbot, study_data.url)
    screen = window.start_screen
    QTest.keyClicks(screen.search_edit, "van")
    qtbot.waitUntil(lambda: screen.names.count() == 1)
    QTest.keyClick(screen.search_edit, Qt.Key.Key_Return)
    QTest.keyClicks(screen.pin_edit, "246813")
    QTest.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    QTest.mouseClick(screen.pin_back, Qt.MouseButton.LeftButton)  # changed their mind before the facade came
    QTest.keyClicks(screen.search_edit, "nhung")
    qtbot.waitUntil(lambda: screen.names.count() == 1)
    opened_later.append(open_service(study_data.url))
    session.attach_service(window, opened_later[0])
    assert window.member_id is None and screen.pages.currentIndex() == 0  # the cancelled sign-in stays cancelled
    assert screen.search_edit.text() == "nhung"
    assert [screen.names.item(row).text() for row in range(screen.names.count())] == [MEMBER_NAME]
    assert screen.names.currentRow() == 0 and screen.enter_button.isEnabled()
    window.close()
