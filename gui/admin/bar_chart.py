"""A plain horizontal bar chart painted with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from quiz.formatting import format_percent

# Distinct in colour and in lightness, so they read apart in grey print and for colour-blind eyes.
SERIES_COLOURS = ("#0b4f9c", "#d97a00", "#1b6e20", "#8b1a1a", "#5b3a8c")


@dataclass(frozen=True)
class ChartGroup:
    """One group of bars (a chi bộ): a label and one percentage (0–100) per series."""

    label: str
    percents: tuple[float, ...]


class BarChart(QWidget):
    """Groups of horizontal bars, one colour per series, with a legend above and values at the bar ends."""

    BAR_HEIGHT = 14
    GROUP_GAP = 12
    MARGIN = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bar_chart")
        self.series: tuple[str, ...] = ()
        self.groups: tuple[ChartGroup, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)

    def set_data(self, series: tuple[str, ...], groups: list[ChartGroup]) -> None:
        self.series = series
        self.groups = tuple(groups)
        # Screen readers get the figures as text, since the bars themselves say nothing to them.
        lines = [
            group.label
            + ": "
            + "; ".join(f"{name} {format_percent(value)}" for name, value in zip(series, group.percents, strict=False))
            for group in groups
        ]
        self.setAccessibleDescription("\n".join(lines))
        self.updateGeometry()
        self.update()

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).height()

    def sizeHint(self) -> QSize:
        line = self._line_height()
        group_height = max(line, self.BAR_HEIGHT) * max(len(self.series), 1) + self.GROUP_GAP
        return QSize(600, self.MARGIN * 2 + line * 2 + group_height * max(len(self.groups), 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_colour = palette.text().color()
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        if not self.groups:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Chưa có số liệu."))
            painter.end()
            return
        top = self._paint_legend(painter, metrics, text_colour)
        label_width = min(max(metrics.horizontalAdvance(group.label) for group in self.groups) + 12, self.width() // 3)
        value_width = metrics.horizontalAdvance("100,00 %") + 8
        bar_left = self.MARGIN + label_width
        bar_span = max(self.width() - bar_left - value_width - self.MARGIN, 10)
        bar_height = max(self.BAR_HEIGHT, line - 2)
        y = top
        for group in self.groups:
            group_height = (bar_height + 2) * len(self.series)
            painter.setPen(text_colour)
            label_box = QRectF(self.MARGIN, y, label_width - 8, group_height)
            elided = metrics.elidedText(group.label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(label_box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
            for index, value in enumerate(group.percents[: len(self.series)]):
                bar_top = y + index * (bar_height + 2)
                length = bar_span * max(0.0, min(value, 100.0)) / 100.0
                colour = QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
                painter.fillRect(QRectF(bar_left, bar_top, length, bar_height), colour)
                painter.setPen(text_colour)
                text_box = QRectF(bar_left + length + 4, bar_top - 2, value_width + 40, bar_height + 4)
                painter.drawText(text_box, int(Qt.AlignmentFlag.AlignVCenter), format_percent(value))
            y += group_height + self.GROUP_GAP
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(int(bar_left), int(top - 4), int(bar_left), int(y - self.GROUP_GAP + 4))
        painter.end()

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics, text_colour: QColor) -> int:
        x = self.MARGIN
        line = metrics.height()
        for index, name in enumerate(self.series):
            painter.fillRect(QRectF(x, self.MARGIN + 2, line - 4, line - 4), QColor(SERIES_COLOURS[index]))
            painter.setPen(text_colour)
            painter.drawText(int(x + line), self.MARGIN + metrics.ascent(), name)
            x += line + metrics.horizontalAdvance(name) + 24
        return self.MARGIN + line * 2
