"""The start screen: folded name search, PIN, adding oneself, the admin's password and the first start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.start_screen import StartScreen
from quiz.service import Service
from tests.conftest import REPOSITORY
from tests.unit.gui.study_data import ADMIN_PASSWORD, OTHER_MEMBER, StudyData

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def search(qtbot: QtBot, screen: StartScreen, typed: str, expected: int) -> None:
    screen.search_edit.clear()
    QTest.keyClicks(screen.search_edit, typed)
    qtbot.waitUntil(lambda: screen.names.count() == expected)


def test_search_is_folded_and_a_pin_is_asked(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    screen = window.start_screen
    search(qtbot, screen, "", 2)
    search(qtbot, screen, "LE VAN", 1)
    assert screen.names.item(0).text() == OTHER_MEMBER
    search(qtbot, screen, "xyz", 0)
    assert not screen.enter_button.isEnabled()
    search(qtbot, screen, "tam", 1)
    QTest.mouseClick(screen.enter_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 1  # the PIN page
    QTest.keyClicks(screen.pin_edit, "111111")
    QTest.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert screen.error_label.text() == "Mã PIN không đúng."
    assert window.member_id is None
    QTest.keyClicks(screen.pin_edit, "246813")
    QTest.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert window.member_id == study_data.other_member_id


def test_a_new_member_adds_themself(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.start_screen
    search(qtbot, screen, "pham", 0)
    QTest.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 2
    assert screen.new_name.text() == "pham"
    screen.new_name.setText("Phạm Thị Lan")
    QTest.mouseClick(screen.add_ok, Qt.MouseButton.LeftButton)
    assert window.member_id is not None
    assert window.service.members.get_member(window.member_id).full_name == "Phạm Thị Lan"
    window.switch_user_action.trigger()
    assert window.pages.currentWidget() is window.start_screen
    search(qtbot, screen, "pham thi lan", 1)


def test_admin_signs_in_with_the_password(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.start_screen
    QTest.mouseClick(screen.admin_button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(screen.admin_password, "sai-mat-khau")
    QTest.keyClick(screen.admin_password, Qt.Key.Key_Return)
    assert "không đúng" in screen.error_label.text()
    assert not window.service.accounts.is_admin
    QTest.keyClicks(screen.admin_password, ADMIN_PASSWORD)
    QTest.keyClick(screen.admin_password, Qt.Key.Key_Return)
    assert window.service.accounts.is_admin
    assert window.pages.currentWidget() is window.tabs
    assert window.admin_page is not None and window.tabs.currentWidget() is window.admin_page
    window.switch_user_action.trigger()
    assert window.admin_page is None and not window.service.accounts.is_admin


def test_first_start_asks_to_create_the_admin_password(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.unit.gui.conftest import open_window

    url = f"sqlite:///{(tmp_path / 'empty.sqlite3').as_posix()}"
    Service.open(url).close()
    window = open_window(qtbot, url)
    screen = window.start_screen
    assert screen.pages.currentIndex() == 4
    QTest.keyClicks(screen.create_password, "abcdef1")
    QTest.keyClicks(screen.create_repeat, "abcdef2")
    QTest.keyClick(screen.create_repeat, Qt.Key.Key_Return)
    assert screen.error_label.text() == "Hai lần nhập mật khẩu không giống nhau."
    screen.create_repeat.clear()
    QTest.keyClicks(screen.create_repeat, "abcdef1")
    QTest.keyClick(screen.create_repeat, Qt.Key.Key_Return)
    assert window.service.accounts.admin_exists() and window.service.accounts.is_admin
    window.close()
    window.service.close()


def run_self_check(url: str, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "c"),
        "XDG_DATA_HOME": str(home / "d"),
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "main.py", "--db", url, "--self-check"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


@pytest.mark.slow
def test_self_check_with_a_database_that_cannot_open_prints_why_and_exits_two(tmp_path: Path) -> None:
    # No message box may wait for a click here: the check runs where nobody is at the screen.
    done = run_self_check("khong-phai-dia-chi://", tmp_path)
    assert done.returncode == 2
    assert "Địa chỉ cơ sở dữ liệu không hợp lệ: khong-phai-dia-chi://." in done.stderr
    assert "Traceback" not in done.stderr and "workspace ready in" not in done.stdout


@pytest.mark.slow
def test_self_check_opens_the_window_and_exits_zero(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'self-check.sqlite3').as_posix()}"
    done = run_self_check(url, tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ready in ") and lines[1].startswith("workspace ready in "), done.stdout
    ready, workspace = float(lines[0].split()[2]), float(lines[1].split()[3])
    assert 0 < ready <= workspace  # the main window's start screen comes first, the facade's workspace after
    service = Service.open(url)
    try:
        assert service.documents.count() >= 1  # the seeds were imported into the empty database
    finally:
        service.close()
