"""Where a new top-level window goes: the whole screen on an office laptop, a comfortable size elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

COMFORTABLE_SIZE = QSize(1280, 820)
# Below this (1366×768 laptops, 1024×768 monitors, each minus the taskbar) a window uses the whole screen.
SMALL_SCREEN = QSize(1440, 900)


def small_screen_size() -> QSize | None:
    """The available size of the primary screen when it is small, else None."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return None
    available = screen.availableGeometry().size()
    if available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height():
        return available
    return None
