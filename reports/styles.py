"""Page geometry, paragraph styles and the document template of the Party format (36-HD/VPTW)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any
from xml.sax.saxutils import escape

from reports import fonts
from reports.text_safety import printable

MILLIMETRE = 72.0 / 25.4
PAGE_WIDTH = 210 * MILLIMETRE
PAGE_HEIGHT = 297 * MILLIMETRE
MARGIN_TOP = 20 * MILLIMETRE
MARGIN_BOTTOM = 20 * MILLIMETRE
MARGIN_LEFT = 30 * MILLIMETRE
MARGIN_RIGHT = 15 * MILLIMETRE
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
BODY_SIZE = 14
TABLE_SIZE = 13


def plain(text: str) -> str:
    """Typed text as paragraph markup that prints literally: ``<b>``, ``&`` and ``<para>`` stay as typed.

    NFC first, so decomposed accents sit on their letters; what the font cannot show becomes a visible marker.
    """
    return escape(printable(text.strip())).replace("\n", "<br/>")


@functools.lru_cache(maxsize=512)
def balanced(text: str, face: str, size: float, width: float) -> str:
    """Markup for a centred title: one line if it fits, else two lines of similar width (no lone last word)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = printable(text, face)
    words = text.split()
    if stringWidth(text, face, size) <= width or len(words) < 2:
        return plain(text)
    splits = [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]
    fitting = [pair for pair in splits if all(stringWidth(line, face, size) <= width for line in pair)]
    if not fitting:
        return plain(text)
    # Top-heavy lines read naturally ("NHẬN XÉT, XÁC NHẬN / CỦA CHI BỘ"); never leave one word alone below.
    preferred = [
        pair
        for pair in fitting
        if stringWidth(pair[0], face, size) >= stringWidth(pair[1], face, size) and " " in pair[1]
    ]
    first, second = min(
        preferred or fitting,
        key=lambda pair: abs(stringWidth(pair[0], face, size) - stringWidth(pair[1], face, size)),
    )
    return f"{plain(first)}<br/>{plain(second)}"


def heading_break(lines: int = 4) -> Any:
    """Start a heading on a new page when fewer than ``lines`` lines remain, without holding long content back."""
    from reportlab.platypus import CondPageBreak

    return CondPageBreak(BODY_SIZE * 1.25 * lines)


def table_style(*commands: Any) -> Any:
    """A TableStyle whose cells name a Liberation face (reportlab sets a cell font even for flowable cells)."""
    from reportlab.platypus import TableStyle

    font = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_SIZE * 1.25),
    ]
    return TableStyle([*font, *commands])


@dataclass(frozen=True)
class Styles:
    body: Any
    justified: Any
    centered: Any
    centered_bold: Any
    centered_italic: Any
    heading: Any
    subheading: Any
    title: Any
    subtitle: Any
    cell: Any
    cell_center: Any
    cell_header: Any
    small: Any
    small_center: Any
    small_header: Any


@functools.cache
def styles() -> Styles:
    """Every style names a Liberation face explicitly, so no base-14 font reaches the PDF."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    regular = fonts.register_fonts()

    def style(name: str, size: float = BODY_SIZE, face: str = regular, **options: Any) -> ParagraphStyle:
        options.setdefault("leading", size * 1.25)
        options.setdefault("alignment", TA_LEFT)
        return ParagraphStyle(name, fontName=face, bulletFontName=face, fontSize=size, splitLongWords=1, **options)

    return Styles(
        body=style("body", spaceAfter=3),
        justified=style("justified", alignment=TA_JUSTIFY, firstLineIndent=10 * MILLIMETRE, spaceAfter=3),
        centered=style("centered", alignment=TA_CENTER),
        centered_bold=style("centered_bold", face=fonts.BOLD, alignment=TA_CENTER),
        centered_italic=style("centered_italic", face=fonts.ITALIC, alignment=TA_CENTER),
        heading=style("heading", face=fonts.BOLD, spaceBefore=10, spaceAfter=4),
        subheading=style("subheading", face=fonts.BOLD, spaceBefore=4, spaceAfter=3),
        title=style("title", 16, fonts.BOLD, alignment=TA_CENTER, spaceBefore=14),
        subtitle=style("subtitle", face=fonts.BOLD, alignment=TA_CENTER, spaceAfter=12),
        cell=style("cell", TABLE_SIZE),
        cell_center=style("cell_center", TABLE_SIZE, alignment=TA_CENTER),
        cell_header=style("cell_header", TABLE_SIZE, fonts.BOLD, alignment=TA_CENTER),
        small=style("small", 10.5),
        small_center=style("small_center", 10.5, alignment=TA_CENTER),
        small_header=style("small_header", 10.5, fonts.BOLD, alignment=TA_CENTER),
    )


class PageNumbering:
    """Tracks where the current document began, so numbers restart for each form of a batch."""

    def __init__(self, on_start: Callable[[int], None] | None = None) -> None:
        self.first_page = 1
        self.on_start = on_start

    def start(self, page_number: int, index: int) -> None:
        self.first_page = page_number
        if self.on_start is not None:
            self.on_start(index)

    def draw(self, canvas: Any, document: Any) -> None:
        """Party format: no number on a document's first page, then centred at the top."""
        number = canvas.getPageNumber() - self.first_page + 1
        if number >= 2:
            canvas.saveState()
            canvas.setFont(fonts.REGULAR, BODY_SIZE)
            canvas.drawCentredString(MARGIN_LEFT + FRAME_WIDTH / 2, PAGE_HEIGHT - 12 * MILLIMETRE, str(number))
            canvas.restoreState()


def document_start(numbering: PageNumbering, index: int) -> Any:
    """A zero-size flowable placed first in each document; drawing it marks the document's first page."""
    from reportlab.platypus import Flowable

    class DocumentStart(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0.0, 0.0

        def draw(self) -> None:
            numbering.start(self.canv.getPageNumber(), index)

    return DocumentStart()


def new_document(output: IO[bytes], title: str, numbering: PageNumbering, author: str = "") -> Any:
    """An A4 template with the Party margins; ``invariant`` makes the same input give the same bytes."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    fonts.register_fonts()
    frame = Frame(
        MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )  # fmt: skip
    return BaseDocTemplate(
        output,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPageEnd=numbering.draw)],
        title=title,
        author=author,
        creator="Học tập Nghị quyết",
        invariant=1,
        # Without these the canvas preamble would name Helvetica, a base-14 font, in every page's resources.
        initialFontName=fonts.REGULAR,
        initialFontSize=BODY_SIZE,
        initialLeading=BODY_SIZE * 1.25,
    )
