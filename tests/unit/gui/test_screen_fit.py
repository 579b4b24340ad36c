"""The screen_fit helper itself: it must notice a button off the window, a squeezed one and sideways scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.unit.gui.screen_fit import OLD_MONITOR, Screen, assert_fits_screen, problems

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_a_row_wider_than_the_screen_is_reported(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    for number in range(12):
        row.addWidget(QPushButton(f"Một nút khá dài số {number}"))
    window.show()
    with pytest.raises(AssertionError, match="cannot be smaller than"):
        assert_fits_screen(window, OLD_MONITOR)


def test_a_button_outside_the_window_and_sideways_scrolling_are_reported(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    text = QTextEdit()
    text.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
    text.setPlainText("x" * 2000)
    layout.addWidget(text)
    stray = QPushButton("Nộp bài", window)  # not in the layout: placed by hand past the right edge
    window.show()
    window.resize(400, 300)
    stray.setGeometry(380, 10, 120, 30)
    stray.show()
    found = "\n".join(problems(window))
    assert "'Nộp bài'" in found and "outside the window" in found
    assert "needs horizontal scrolling" in found
    assert problems(window, horizontal_scroll_allowed=[text]) == [line for line in found.splitlines() if "Nộp" in line]


def test_a_fitting_window_passes(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    row.addWidget(QPushButton("Câu trước"))
    row.addWidget(QPushButton("Câu sau"))
    window.show()
    assert_fits_screen(window, Screen(800, 600))
