"""Ruled tables of the forms: the header row repeats on every page, short fixed cells are plain strings."""

from __future__ import annotations

from typing import Any

from reports import fonts
from reports.styles import MILLIMETRE, plain, table_style

# Cells taller than this continue on the next row; texts shorter than SHORT_TEXT characters are never that tall.
PIECE_HEIGHT = 320.0
SHORT_TEXT = 200


def grid_table(rows: list[list[Any]], widths: tuple[float, ...], centred: tuple[int, ...] = (), extra: Any = ()) -> Any:
    """A ruled table whose header row repeats on every page it spans; a very tall row may split inside.

    Short fixed cells (numbers, dates) are plain strings, drawn without paragraph parsing: it halves the time.
    """
    from reportlab.platypus import Table

    table = Table(rows, colWidths=[width * MILLIMETRE for width in widths], repeatRows=1)
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            *(("ALIGN", (column, 1), (column, -1), "CENTER") for column in centred),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *extra,
        )
    )
    return table


def fitting_cell(text: str, style: Any, width_mm: float, padding: float = 6.0) -> Any:
    """One line that fits is a plain string (drawn literally, no markup parsing: much faster); else a Paragraph."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    text = text.strip()
    width = width_mm * MILLIMETRE - padding
    if len(text) < SHORT_TEXT and "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return Paragraph(plain(text), style)


def cell_pieces(text: str, style: Any, width_mm: float, padding: float = 6.0) -> list[Any]:
    """``text`` as cells no taller than PIECE_HEIGHT for a column ``width_mm`` wide.

    reportlab cannot split one table row across pages cleanly, so a very long cell continues on further rows.
    Short texts (the usual case) skip the measuring.
    """
    first = fitting_cell(text, style, width_mm, padding)
    if isinstance(first, str) or len(text) < SHORT_TEXT:
        return [first]
    width = width_mm * MILLIMETRE - padding
    paragraph, pieces = first, []
    while paragraph.wrap(width, PIECE_HEIGHT)[1] > PIECE_HEIGHT:
        parts = paragraph.split(width, PIECE_HEIGHT)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        paragraph = parts[1]
    return [*pieces, paragraph]
