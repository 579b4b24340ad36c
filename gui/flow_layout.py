"""A layout that puts its widgets in a row and wraps them onto the next line when the row is too narrow."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Rows of buttons that reflow: the window's minimum width is the widest single item, not the whole row.

    ``trailing`` items (``add_trailing_widget``) are pushed to the right end of the last line, the way a
    stretch pushes "Nộp bài" to the right in a plain row.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._trailing: set[int] = set()
        self._spacing = spacing
        # The height the items took at the last width they were given: reported as the minimum height, because
        # splitters and scroll areas ask for a minimum, never for a height at a width.
        self._wrapped_height = 0
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def __del__(self) -> None:
        # Hand the items back before Qt deletes the layout, or Python frees them a second time at exit.
        while self.takeAt(0) is not None:
            pass

    def add_widgets(self, *widgets: QWidget) -> FlowLayout:
        for widget in widgets:
            self.addWidget(widget)
        return self

    def add_trailing_widget(self, widget: QWidget) -> None:
        self.addWidget(widget)
        self._trailing.add(id(self._items[-1]))

    # QLayout -----------------------------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._trailing.discard(id(item))
        return item

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if height != self._wrapped_height:
            self._wrapped_height = height
            self.invalidate()  # the parent asks again for the minimum, now with the wrapped height

    def sizeHint(self) -> QSize:
        # One line when there is room for it.
        width = sum(item.sizeHint().width() for item in self._shown()) + self._spacing * max(0, len(self._shown()) - 1)
        height = max((item.sizeHint().height() for item in self._shown()), default=0)
        margins = self.contentsMargins()
        one_line = QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())
        return one_line.expandedTo(QSize(0, self._wrapped_height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        size = QSize(0, max(self._wrapped_height - margins.top() - margins.bottom(), 0))
        for item in self._shown():
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint().boundedTo(item.maximumSize())))
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # Placing -----------------------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not (isinstance(item, QWidgetItem) and item.isEmpty())]

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            width = min(item.sizeHint().width(), area.width())
            if lines[-1] and used + self._spacing + width > area.width():
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.top()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            if move:
                self._place_line(line, area, y, height)
            y += height + self._spacing
        return y - self._spacing - area.top() + margins.top() + margins.bottom() if y > area.top() else 0

    def _place_line(self, line: list[QLayoutItem], area: QRect, y: int, height: int) -> None:
        widths = [min(item.sizeHint().width(), area.width()) for item in line]
        trailing_width = sum(
            width + self._spacing for item, width in zip(line, widths, strict=True) if id(item) in self._trailing
        )
        x = area.left()
        right = area.right() + 1 - trailing_width + self._spacing
        for item, width in zip(line, widths, strict=True):
            if id(item) in self._trailing:
                item.setGeometry(QRect(QPoint(right, y), QSize(width, height)))
                right += width + self._spacing
            else:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self._spacing


def flow_row(*widgets: QWidget, trailing: tuple[QWidget, ...] = ()) -> FlowLayout:
    """A FlowLayout holding ``widgets`` (left) and ``trailing`` (right)."""
    layout = FlowLayout()
    layout.add_widgets(*widgets)
    for widget in trailing:
        layout.add_trailing_widget(widget)
    return layout


def flow_widget(parent: QWidget, *widgets: QWidget) -> QWidget:
    """A holder widget with a reflowing row of ``widgets`` (a layout cannot be nested in a QFormLayout row)."""
    holder = QWidget(parent)
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    FlowLayout(holder).add_widgets(*widgets)
    return holder


def allow_shrink(widget: QWidget) -> QWidget:
    """Let ``widget`` be narrower than its text (labels that word-wrap, fields that scroll their text)."""
    policy = widget.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    return widget
