"""Shared pieces of the admin pages: the page base with an inline message line, buttons, date input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from gui import dialogs
from gui.changes_hub import StaleWatch
from gui.operations import run_change, run_query
from gui.style import set_role
from quiz.api.changes import Area
from quiz.errors import UserError
from quiz.formatting import format_short_date

if TYPE_CHECKING:
    from gui.tasks import TaskRunner
    from quiz.service import Service


ResultType = TypeVar("ResultType")
MINIMUM_BUTTON_HEIGHT = 40


def make_button(text: str, object_name: str, parent: QWidget | None = None) -> QPushButton:
    """A large button with an accessible name equal to its label (keyboard: Tab to it, Space to press)."""
    button = QPushButton(text, parent)
    button.setObjectName(object_name)
    button.setAccessibleName(text.replace("&", ""))
    button.setMinimumHeight(MINIMUM_BUTTON_HEIGHT)
    button.setAutoDefault(False)
    return button


def wrapped_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A label that wraps instead of widening its page (long Vietnamese sentences at 20 pt)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down only: it asks for its content's minimum width, so a splitter or a window never
    squeezes the content into needing a sideways scroll bar; its minimum height stays small."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's override
        content = self.widget()
        hint = super().minimumSizeHint()
        if content is None:
            return hint
        frame = 2 * self.frameWidth()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.minimumSizeHint().width() + frame + scroll_bar, hint.height())


class _ScrolledHolder(QWidget):
    """Holds a scroll area's content without a layout, so QScrollArea sizes it from its *minimum* size: through
    a layout with height-for-width (wrapped labels, button rows) it would take the content's preferred height
    and show a scroll bar even where the minimum fits."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        content.setParent(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's override
        return self.content.minimumSizeHint().expandedTo(self.content.minimumSize())

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's minimum changed: the scroll area asks again
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.content.setGeometry(self.rect())
        super().resizeEvent(event)


def vertical_scroll(content: QWidget, parent: QWidget | None = None, preferred: bool = False) -> QScrollArea:
    """A frameless scroll area for a long form: it scrolls up and down; its content takes the full width.

    The content gets the viewport's height when its minimum fits; with ``preferred`` it gets its preferred
    height (text boxes taller than their minimum) and scrolls sooner."""
    scroll = VerticalScrollArea(parent)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(content if preferred else _ScrolledHolder(content, scroll))
    return scroll


def parse_date(text: str, field_name: str) -> dt.date | None:
    """Read a date typed as dd/mm/yyyy (also with - or .); empty means no date."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    if not cleaned:
        return None
    parts = cleaned.split("/")
    try:
        day, month, year = (int(part) for part in parts)
        return dt.date(year, month, day)
    except ValueError:
        # A literal context and text, so pyside6-lupdate finds the string.
        template = QCoreApplication.translate("AdminPage", "{0} phải có dạng ngày/tháng/năm, ví dụ 02/09/1975.")
        message = template.format(field_name)
        raise UserError(message) from None


def show_date(value: dt.date | None) -> str:
    return format_short_date(value) if value is not None else ""


class AdminPage(QWidget):
    """One page of the desk: a title, an inline message line, and the page's own content below."""

    # What the page shows: it reloads when one of these changed (or on a shared server, after a minute).
    shown_areas: ClassVar[frozenset[Area]] = frozenset(Area)

    def __init__(self, service: Service, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.task_runner = task_runner
        self.watch = StaleWatch(self, service, self.shown_areas, self.refresh)
        self.page_layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("page_heading")
        set_role(self.heading, "heading")
        self.page_layout.addWidget(self.heading)
        self.message = QLabel(self)
        self.message.setObjectName("page_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.message.hide()
        self.page_layout.addWidget(self.message)

    def title(self) -> str:
        """The page's name in the desk's list; subclasses return their own translated title."""
        return ""

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)
        self.heading.setAccessibleName(text)

    def refresh(self) -> None:
        """Reload what the page shows from the facade (when shown and stale, or after the page's own action)."""

    def show_current(self) -> None:
        """The desk shows this page: reload only what changed since the page last loaded (or an old load)."""
        self.watch.refresh_if_needed()

    def reload(self) -> None:
        """Reload now, after the page's own action (its change notice then counts as seen)."""
        self.watch.loaded()
        self.refresh()

    def show_message(self, text: str, error: bool = False) -> None:
        """Say what happened in the line under the title: calm for success, red for a refusal."""
        # The application's style sheet colours these roles (and their high-contrast variants).
        set_role(self.message, "error" if error else "good")
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")

    def attempt(self, action: Callable[[], ResultType], success: str | None = None) -> ResultType | None:
        """Run one facade call; a refusal is shown in plain Vietnamese and None is returned.

        ``success`` replaces the message line when given; loads pass nothing so they keep the last message.
        """
        try:
            result = action()
        except Exception as error:  # the user sees a sentence, never a traceback (logged by error_message)
            self.show_error(error)
            return None
        if success is not None:
            self.show_message(success)
        return result

    def perform(self, action: Callable[[], object], success: str | None = None) -> bool:
        """Like ``attempt`` for actions that return nothing: True when the action went through."""
        try:
            action()
        except Exception as error:  # shown as a sentence, logged by error_message
            self.show_error(error)
            return False
        if success is not None:
            self.show_message(success)
        return True

    def load(
        self, call: Callable[[], ResultType], on_loaded: Callable[[ResultType], None], key: str = "page_load"
    ) -> None:
        """Read through the facade off the UI thread; a refusal goes to the message line. Only the page's newest
        load with the same ``key`` is shown (a quick change of document never ends on an older one's figures);
        a page that fills two parts (units, then members) gives each part its own key."""
        run_query(self, call, on_loaded, on_failure=self.show_error, key=key)

    def change(
        self,
        call: Callable[[], ResultType],
        on_done: Callable[[ResultType], None] | None = None,
        success: str | None = None,
        busy: Iterable[QWidget] = (),
    ) -> None:
        """Write through the facade off the UI thread, after every call the page queued before; ``success`` then
        goes to the message line and ``on_done`` gets the result (a reload it starts is queued after the write).
        A refusal goes to the message line."""

        def done(result: ResultType) -> None:
            if success is not None:
                self.show_message(success)
            if on_done is not None:
                on_done(result)

        run_change(self, call, done, on_failure=self.show_error, busy=busy)

    def show_error(self, error: BaseException) -> None:
        self.show_message(dialogs.error_message(error), error=True)

    def is_error_shown(self) -> bool:
        return not self.message.isHidden() and self.message.property("role") == "error"
