"""Signature blocks (chi bộ on the left, the member on the right) and dotted lines to write on by hand."""

from __future__ import annotations

from typing import Any

from reports import fonts
from reports.model import FormData
from reports.styles import FRAME_WIDTH, MILLIMETRE, balanced, plain, styles, table_style


def dotted_lines(count: int, line_height: float = 7 * MILLIMETRE) -> Any:
    """``count`` dotted lines across the available width, for a hand-written comment or answer."""
    from reportlab.platypus import Flowable

    class DottedLines(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, count * line_height

        def draw(self) -> None:
            self.canv.saveState()
            self.canv.setLineWidth(0.6)
            self.canv.setDash(1, 2.5)
            for line in range(count):
                height = (count - line - 1) * line_height + 2
                self.canv.line(0, height, self.width, height)
            self.canv.restoreState()

    return DottedLines()


def signature_block(chi_bo_title: str, signer_title: str, data: FormData) -> Any:
    """Both signature columns, kept together on one page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    sheet, labels = styles(), data.labels
    half = FRAME_WIDTH / 2
    size = sheet.centered_bold.fontSize
    left: list[Any] = [
        Paragraph(balanced(chi_bo_title, fonts.BOLD, size, half - 8), sheet.centered_bold),
        dotted_lines(3),
        Spacer(1, 4),
        Paragraph(plain(labels.chi_bo_on_behalf), sheet.centered_bold),
        Paragraph(plain(labels.chi_bo_secretary), sheet.centered_bold),
    ]
    right: list[Any] = [
        Paragraph(balanced(signer_title, fonts.BOLD, size, half - 8), sheet.centered_bold),
        Paragraph(plain(labels.signer_hint), sheet.centered_italic),
        Spacer(1, 26 * MILLIMETRE),
        Paragraph(plain(data.member_name), sheet.centered_bold),
    ]
    table = Table([[left, right]], colWidths=[half, half])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return KeepTogether([Spacer(1, 6 * MILLIMETRE), table])
