"""A grouped bar chart (reportlab graphics) of each chi bộ's completion rates, in Liberation fonts only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reports import fonts
from reports.model import UnitRow
from reports.styles import FRAME_WIDTH, MILLIMETRE
from reports.text_safety import printable

SERIES = ("Đã học", "Đã làm bài", "Đạt yêu cầu", "Đã cam kết")
# Greys and one blue print legibly on a black-and-white office printer.
SERIES_COLOURS = ("#1f4e79", "#5b9bd5", "#a5a5a5", "#404040")
LABEL_LENGTH = 22


def short_label(name: str) -> str:
    name = printable(name)
    return name if len(name) <= LABEL_LENGTH else name[: LABEL_LENGTH - 1].rstrip() + "…"


def rates(rows: Sequence[UnitRow]) -> list[list[float]]:
    """One list per series: the percentage of members of each chi bộ."""

    def share(part: int, whole: int) -> float:
        return 100.0 * part / whole if whole else 0.0

    return [
        [share(row.studied, row.members) for row in rows],
        [share(row.took_quiz, row.members) for row in rows],
        [share(row.passed, row.members) for row in rows],
        [share(row.pledged, row.members) for row in rows],
    ]


def progress_chart(rows: Sequence[UnitRow], height: float = 80 * MILLIMETRE) -> Any:
    """Bars per chi bộ for the four rates; labels turn when there are many chi bộ."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    fonts.register_fonts()
    many = len(rows) > 4
    drawing = Drawing(FRAME_WIDTH, height)
    # The graphics state would otherwise start in Helvetica, a base-14 font.
    drawing.initialFontName, drawing.initialFontSize = fonts.REGULAR, 9
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 28 * MILLIMETRE if many else 16 * MILLIMETRE
    chart.width, chart.height = FRAME_WIDTH - 40, height - chart.y - 8
    chart.data = rates(rows)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 9
    chart.categoryAxis.categoryNames = [short_label(row.name) for row in rows]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 8 if many else 9
    if many:
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barLabels.fontName = fonts.REGULAR
    chart.groupSpacing, chart.barSpacing = 6, 1
    for index, colour in enumerate(SERIES_COLOURS):
        chart.bars[index].fillColor = colors.HexColor(colour)
        chart.bars[index].strokeColor = None
    legend = Legend()
    legend.fontName, legend.fontSize = fonts.REGULAR, 10
    legend.x, legend.y = 30, 8
    legend.alignment = "right"
    legend.columnMaximum, legend.deltax = 1, 95
    pairs = zip(SERIES_COLOURS, SERIES, strict=True)
    legend.colorNamePairs = [(colors.HexColor(colour), name) for colour, name in pairs]
    drawing.add(chart)
    drawing.add(legend)
    return drawing
