"""Bundled fonts (Liberation Sans for the interface, Liberation Serif for reading) and the app-wide size."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

import resources
from gui.preferences import MAXIMUM_FONT_SIZE, MINIMUM_FONT_SIZE, Preferences

logger = logging.getLogger(__name__)

# Steps big enough to matter for older eyes; Ctrl+= / Ctrl+- move one step.
FONT_STEPS = (10, 12, 14, 16, 18, 20, 24, 28)

UI_FAMILY = "Liberation Sans"
READING_FAMILY = "Liberation Serif"
FONT_FILES = (
    "fonts/LiberationSans-Regular.ttf",
    "fonts/LiberationSans-Bold.ttf",
    "fonts/LiberationSerif-Regular.ttf",
    "fonts/LiberationSerif-Bold.ttf",
    "fonts/LiberationSerif-Italic.ttf",
    "fonts/LiberationSerif-BoldItalic.ttf",
)


def register_bundled_fonts() -> list[str]:
    """Add the bundled TTFs to Qt's font database; returns the families that loaded."""
    families: set[str] = set()
    for name in FONT_FILES:
        try:
            path = resources.file_path(name)
        except FileNotFoundError:
            logger.warning("bundled font %s is missing", name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            logger.warning("Qt could not load the font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


class FontSizer(QObject):
    """Owns the app-wide point size: Ctrl+= / Ctrl+- change it, QSettings remembers it."""

    changed = Signal(int)

    def __init__(self, preferences: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._size = preferences.font_size()

    @property
    def size(self) -> int:
        return self._size

    def apply(self) -> None:
        """Set the application font; widgets without their own font follow it."""
        application = QApplication.instance()
        if isinstance(application, QApplication):
            font = QFont(UI_FAMILY)
            font.setPointSize(self._size)
            application.setFont(font)
        self.changed.emit(self._size)

    def set_size(self, size: int) -> None:
        size = max(MINIMUM_FONT_SIZE, min(MAXIMUM_FONT_SIZE, size))
        if size == self._size:
            return
        self._size = size
        self._preferences.set_font_size(size)
        self.apply()

    def larger(self) -> None:
        self.set_size(next((step for step in FONT_STEPS if step > self._size), self._size))

    def smaller(self) -> None:
        self.set_size(next((step for step in reversed(FONT_STEPS) if step < self._size), self._size))

    def reset(self) -> None:
        from gui.preferences import DEFAULT_FONT_SIZE

        self.set_size(DEFAULT_FONT_SIZE)
