"""The opening frame: painted before SQLAlchemy is imported; the facade opens on a worker thread."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from gui.opening import FacadeOpener, OpeningFrame
from quiz.errors import UserError
from quiz.service import Service
from quiz.start_names import start_names
from tests.conftest import REPOSITORY
from tests.unit.gui.conftest import open_window
from tests.unit.gui.study_data import MEMBER_NAME, OTHER_MEMBER, StudyData

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

# Runs the real start in a fresh interpreter and records, when the worker is about to open the facade,
# whether SQLAlchemy was already imported and whether the frame was on screen.
PROBE = """
import sys
import gui.opening as opening
seen = {}
original_start = opening.FacadeOpener.start
def start(self):
    from PySide6.QtWidgets import QApplication
    frames = [w for w in QApplication.topLevelWidgets() if w.objectName() == "opening_frame"]
    seen["frame visible"] = any(frame.isVisible() for frame in frames)
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
def test_frame_is_on_screen_before_the_facade_is_imported(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'opening.sqlite3').as_posix()}"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, url],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert "{'frame visible': True, 'sqlalchemy imported': False}" in done.stdout
    assert "ready in " in done.stdout


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


def test_frame_shows_the_title_and_a_moving_bar(qtbot: QtBot) -> None:
    frame = OpeningFrame()
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    bar = frame.findChild(QProgressBar, "opening_bar")
    assert isinstance(bar, QProgressBar) and bar.isVisible()
    assert (bar.minimum(), bar.maximum()) == (0, 0)  # busy: it moves without a known length
    assert frame.message.text().startswith("Đang mở dữ liệu")


def test_frame_lists_the_names_and_hands_search_and_choice_to_the_start_screen(
    qtbot: QtBot, study_data: StudyData
) -> None:
    names = start_names(study_data.url)
    assert names is not None
    frame = OpeningFrame(names, lambda text: start_names(study_data.url, text))
    qtbot.addWidget(frame)
    assert frame.names is not None and frame.search_edit is not None
    shown = [frame.names.item(row).text() for row in range(frame.names.count())]
    assert sorted(shown) == sorted([MEMBER_NAME, OTHER_MEMBER])
    QTest.keyClicks(frame.search_edit, "le van")
    assert [frame.names.item(row).text() for row in range(frame.names.count())] == [OTHER_MEMBER]
    QTest.keyClick(frame.search_edit, Qt.Key.Key_Return)  # picked before the facade is open
    assert frame.entered

    window = open_window(qtbot, study_data.url)
    try:
        frame.hand_over(window.start_screen)
        screen = window.start_screen
        assert screen.search_edit.text() == "le van"
        assert screen.names.currentItem().text() == OTHER_MEMBER
        assert screen.pages.currentIndex() == 1  # the choice went on: this member is asked for the PIN
    finally:
        window.task_runner.wait_idle()
        window.close()
        window.service.close()


def test_frame_without_names_is_the_plain_frame(qtbot: QtBot) -> None:
    frame = OpeningFrame(None)
    qtbot.addWidget(frame)
    assert frame.names is None and frame.findChild(QProgressBar, "opening_bar") is not None
