"""A layout that puts its widgets side by side and wraps them onto the next line when the width runs out."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget

DEFAULT_SPACING = 6


class FlowLayout(QLayout):
    """Button rows that reflow: at a large font or on a narrow screen the last buttons go to a new line
    instead of being pushed past the window's edge, so the minimum width is only the widest button."""

    def __init__(self, parent: QWidget | None = None, spacing: int = DEFAULT_SPACING) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # The height the items took at the last width they were given: reported as the minimum height, because
        # splitters and scroll areas ask for a minimum, never for a height at a width.
        self._wrapped_height = 0
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's override
        self._items.append(item)

    def add_widgets(self, *widgets: QWidget) -> FlowLayout:
        for widget in widgets:
            self.addWidget(widget)
        return self

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rectangle: QRect) -> None:  # noqa: N802 - Qt's override
        super().setGeometry(rectangle)
        height = self._arrange(rectangle, move=True)
        if height != self._wrapped_height:
            self._wrapped_height = height
            self.invalidate()  # the parent asks again for the minimum, now with the wrapped height

    def sizeHint(self) -> QSize:
        # One line when there is room for it; heightForWidth gives the real height once the width is known.
        width, height = 0, 0
        for item in self._visible_items():
            hint = item.sizeHint()
            width += hint.width() + (self._spacing if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        one_line = QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())
        return one_line.expandedTo(QSize(0, self._wrapped_height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's override
        margins: QMargins = self.contentsMargins()
        size = QSize(0, max(self._wrapped_height - margins.top() - margins.bottom(), 0))
        for item in self._visible_items():
            size = size.expandedTo(item.minimumSize())
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible_items(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rectangle: QRect, move: bool) -> int:
        """Place the items line by line inside ``rectangle``; returns the height used."""
        margins = self.contentsMargins()
        area = rectangle.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._visible_items():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + self._spacing, 0
            if move:
                width = min(hint.width(), area.width())
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rectangle.y() + margins.bottom()


def flow_widget(parent: QWidget, *widgets: QWidget) -> QWidget:
    """A holder widget with a reflowing row of ``widgets`` (a layout cannot be nested in a QFormLayout row)."""
    holder = QWidget(parent)
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    layout = FlowLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.add_widgets(*widgets)
    return holder
