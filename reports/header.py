"""The two-column heading of a Party document: issuing bodies left, "ĐẢNG CỘNG SẢN VIỆT NAM" and dateline right."""

from __future__ import annotations

from typing import Any

from quiz.formatting import format_place_date
from reports import fonts
from reports.model import DocumentHeader
from reports.styles import FRAME_WIDTH, MILLIMETRE, balanced, plain, styles, table_style

PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
PARTY_NAME_SIZE = 15
LEFT_WIDTH = 72 * MILLIMETRE
# Printed where a name is still unknown, so it can be written in by hand (never a bare "ĐẢNG BỘ").
BLANK_NAME = "……………………"


def underlined_title(text: str, face: str, size: float) -> Any:
    """Centred text with a solid rule under it exactly as wide as the text (36-HD/VPTW)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    text_width = stringWidth(text, face, size)

    class UnderlinedTitle(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, size * 1.2 + 4

        def draw(self) -> None:
            left = (self.width - text_width) / 2
            self.canv.setFont(face, size)
            self.canv.drawString(left, 5, text)
            self.canv.setLineWidth(0.7)
            self.canv.line(left, 1.5, left + text_width, 1.5)

    return UnderlinedTitle()


def party_header(header: DocumentHeader) -> Any:
    """The heading table of a document's first page."""
    from reportlab.platypus import Paragraph, Table

    sheet = styles()
    committee = balanced(header.party_committee.upper() or BLANK_NAME, fonts.REGULAR, 14, LEFT_WIDTH)
    left: list[Any] = [Paragraph(committee, sheet.centered)]
    if header.chi_bo:
        left.append(Paragraph(balanced(header.chi_bo.upper(), fonts.BOLD, 14, LEFT_WIDTH), sheet.centered_bold))
    left.append(Paragraph("*", sheet.centered))
    right: list[Any] = [
        underlined_title(PARTY_NAME, fonts.BOLD, PARTY_NAME_SIZE),
        Paragraph(plain(format_place_date(header.place or BLANK_NAME, header.date)), sheet.centered_italic),
    ]
    table = Table([[left, right]], colWidths=[LEFT_WIDTH, FRAME_WIDTH - LEFT_WIDTH])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table
