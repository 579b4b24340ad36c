"""Test helper: put a window on a small office screen (1366×768, 1024×768) and check every button is reachable.

Used by the member and the admin screen tests; keep the API stable:

    set_font_point_size(window, LARGE_FONT_SIZE)
    assert_fits_screen(window, SMALL_LAPTOP, extra_widgets=[navigator, window.statusBar()])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QTabBar, QWidget

from gui.fonts import UI_FAMILY
from gui.operations import operation_runner
from gui.preferences import DEFAULT_FONT_SIZE
from gui.style import apply_style

TASKBAR_HEIGHT = 40
LARGE_FONT_SIZE = 20


@dataclass(frozen=True)
class Screen:
    """A screen's size; ``available`` is what a maximised window gets once the taskbar is taken off."""

    width: int
    height: int
    taskbar: int = TASKBAR_HEIGHT

    @property
    def available(self) -> QSize:
        return QSize(self.width, self.height - self.taskbar)

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


SMALL_LAPTOP = Screen(1366, 768)  # the common office laptop/monitor
OLD_MONITOR = Screen(1024, 768)  # older office monitors
DEFAULT_FONT = DEFAULT_FONT_SIZE


def set_font_point_size(window: QWidget | None, point_size: int = DEFAULT_FONT_SIZE) -> None:
    """Set the app-wide font size as Ctrl+= / Ctrl+- would (through the window's FontSizer when it has one)."""
    font_sizer = getattr(window, "font_sizer", None)
    set_size = getattr(font_sizer, "set_size", None)
    if callable(set_size):
        set_size(point_size)
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    font = QFont(UI_FAMILY)
    font.setPointSize(point_size)
    application.setFont(font)
    high_contrast = bool(getattr(getattr(window, "preferences", None), "high_contrast", lambda: False)())
    apply_style(point_size, high_contrast)
    QApplication.processEvents()


def settle() -> None:
    """Let the queued facade calls finish, then layouts, deferred resizes and polish events run."""
    operation_runner().wait_idle()
    for _round in range(3):
        QApplication.processEvents()


def rect_in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def scroll_area_of(widget: QWidget, window: QWidget) -> QAbstractScrollArea | None:
    """The innermost scroll area whose viewport holds ``widget`` (its content may scroll vertically)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return area
        parent = parent.parentWidget()
    return None


def visible_buttons(window: QWidget) -> list[QAbstractButton]:
    # A tab bar's own scroll arrows are Qt's business; everything else the user may need to press counts.
    return [
        button
        for button in window.findChildren(QAbstractButton)
        if button.isVisibleTo(window) and not isinstance(button.parentWidget(), QTabBar)
    ]


def problems(
    window: QWidget,
    extra_widgets: Iterable[QWidget] = (),
    horizontal_scroll_allowed: Iterable[QWidget] = (),
) -> list[str]:
    """Every way ``window`` (at its current size) hides or clips something; empty when all is reachable."""
    found: list[str] = []
    bounds = window.rect()
    for button in visible_buttons(window):
        name = f"button {button.text()!r} ({button.objectName() or type(button).__name__})"
        place = rect_in_window(button, window)
        area = scroll_area_of(button, window)
        if area is not None:
            # Inside a scroll area vertical scrolling is fine; needing to scroll sideways is not.
            viewport = rect_in_window(area.viewport(), window)
            if viewport.left() < bounds.left() or viewport.right() > bounds.right():
                found.append(f"{name}: its scroll area {viewport.getRect()} sticks out of the window")
            if place.left() < viewport.left() - 1 or place.right() > viewport.right() + 1:
                found.append(f"{name} at {place.getRect()} sticks out of its scroll area {viewport.getRect()}")
        elif not bounds.contains(place):
            found.append(f"{name} at {place.getRect()} lies outside the window {bounds.getRect()}")
        if button.width() + 1 < button.minimumSizeHint().width():
            found.append(f"{name} is squeezed to {button.width()} px (needs {button.minimumSizeHint().width()})")
    for widget in extra_widgets:
        if widget.isVisibleTo(window):
            place = rect_in_window(widget, window)
            if not bounds.contains(place):
                found.append(f"{widget.objectName() or type(widget).__name__} at {place.getRect()} is outside")
    allowed = set(horizontal_scroll_allowed)
    for area in window.findChildren(QAbstractScrollArea):
        if area in allowed or not area.isVisibleTo(window):
            continue
        if area.horizontalScrollBar().isVisibleTo(window):
            found.append(f"{area.objectName() or type(area).__name__} needs horizontal scrolling")
    return found


def minimum_size(window: QWidget) -> QSize:
    """The smallest the window can be made: what the layouts (and any explicit minimum) allow."""
    return window.minimumSizeHint().expandedTo(window.minimumSize())


def assert_fits_screen(
    window: QWidget,
    screen: Screen,
    extra_widgets: Iterable[QWidget] = (),
    horizontal_scroll_allowed: Iterable[QWidget] = (),
) -> None:
    """Resize ``window`` to the screen's available geometry and assert everything is reachable there."""
    available = screen.available
    if window.isMaximized() or window.isFullScreen():
        window.showNormal()
    settle()
    smallest = minimum_size(window)
    assert smallest.width() <= available.width() and smallest.height() <= available.height(), (
        f"on {screen} the window cannot be smaller than {smallest.width()}×{smallest.height()}, "
        f"the screen gives {available.width()}×{available.height()}"
    )
    window.resize(available)
    settle()
    assert window.width() <= available.width() and window.height() <= available.height(), (
        f"on {screen} the window stays {window.width()}×{window.height()}"
    )
    found = problems(window, extra_widgets, horizontal_scroll_allowed)
    assert not found, f"on {screen} at {QApplication.font().pointSize()} pt:\n" + "\n".join(found)
