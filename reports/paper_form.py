"""The member's form as a blank to fill in by hand: identity and results printed, ruled lines, empty rows."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from typing import Any

from reports import fonts
from reports.commitment_table import COMMITMENT_WIDTHS
from reports.form import identity_block, results_part, title_block, with_prefix
from reports.header import party_header
from reports.model import FormData, ReflectionAnswer
from reports.signatures import signature_block
from reports.styles import MILLIMETRE, PageNumbering, document_start, heading_break, new_document, plain, table_style
from reports.styles import styles as paragraph_styles

# Enough room to write a few sentences by hand per question, and a commitment table a member can fill in.
LINES_PER_QUESTION = 8
EMPTY_COMMITMENT_ROWS = 6
LINE_HEIGHT = 9 * MILLIMETRE


def blank(data: FormData) -> FormData:
    """The form with the member's own writing left out (the committee's questions stay)."""
    return dataclasses.replace(
        data, reflections=tuple(ReflectionAnswer(item.question, "") for item in data.reflections), commitments=()
    )


def ruled_lines(count: int) -> Any:
    """Solid ruled lines across the width, like a school notebook, for hand-writing."""
    from reportlab.platypus import Flowable

    class RuledLines(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, count * LINE_HEIGHT

        def draw(self) -> None:
            self.canv.saveState()
            self.canv.setLineWidth(0.4)
            self.canv.setStrokeGray(0.45)
            for line in range(count):
                self.canv.line(0, line * LINE_HEIGHT + 1, self.width, line * LINE_HEIGHT + 1)
            self.canv.restoreState()

        def split(self, available_width: float, available_height: float) -> list[Any]:
            fitting = int(available_height // LINE_HEIGHT)
            if fitting <= 0 or fitting >= count:
                return []
            return [ruled_lines(fitting), ruled_lines(count - fitting)]

    return RuledLines()


def reflection_questions(data: FormData) -> list[Any]:
    from reportlab.platypus import Paragraph

    looks = paragraph_styles()
    story: list[Any] = [heading_break(7), Paragraph(f"II. {plain(data.labels.part_reflection)}", looks.heading)]
    for position, item in enumerate(data.reflections, start=1):
        story.append(heading_break(4))
        story.append(Paragraph(f"{position}. {plain(item.question)}", looks.subheading))
        story.append(ruled_lines(LINES_PER_QUESTION))
    return story


def empty_commitments(data: FormData) -> list[Any]:
    """The commitment table's header and empty rows tall enough to write two lines in each."""
    from reportlab.platypus import Paragraph, Table

    looks = paragraph_styles()
    heading = Paragraph(f"III. {plain(data.labels.part_commitment)}", looks.heading)
    # The narrow first column's short label stays a plain string: as a paragraph it would wrap ("ST / T").
    first, *others = data.labels.commitment_columns
    header = [first, *(Paragraph(plain(text), looks.cell_header) for text in others)]
    rows: list[list[Any]] = [header, *([str(number), "", "", "", ""] for number in range(1, EMPTY_COMMITMENT_ROWS + 1))]
    table = Table(
        rows,
        colWidths=[width * MILLIMETRE for width in COMMITMENT_WIDTHS],
        rowHeights=[None] + [2 * LINE_HEIGHT] * EMPTY_COMMITMENT_ROWS,
        repeatRows=1,
    )
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("FONTNAME", (0, 0), (0, 0), fonts.BOLD),
            ("LEFTPADDING", (0, 0), (0, -1), 1),
            ("RIGHTPADDING", (0, 0), (0, -1), 1),
        )
    )
    return [heading_break(9), heading, table]


def blank_form_story(data: FormData, numbering: PageNumbering, index: int = 0) -> list[Any]:
    """One member's blank: always the combined form, so everything is handed in on one set of sheets."""
    labels = data.labels
    return [
        document_start(numbering, index),
        party_header(data.header),
        *title_block(labels.title_combined, with_prefix(labels.subtitle_prefix, data.resolution_title)),
        *identity_block(data),
        *results_part(data, "I"),
        *reflection_questions(data),
        *empty_commitments(data),
        signature_block(labels.chi_bo_combined, labels.signer_combined, data),
    ]


def build_blank_forms(forms: Sequence[FormData]) -> bytes:
    """Every member's blank form in one PDF (page numbers restart for each member)."""
    from reportlab.platypus import PageBreak

    numbering = PageNumbering()
    story: list[Any] = []
    for index, data in enumerate(forms):
        if index:
            story.append(PageBreak())
        story.extend(blank_form_story(blank(data), numbering, index))
    output = io.BytesIO()
    new_document(output, "Bản thu hoạch và cam kết (bản giấy)", numbering).build(story)
    return output.getvalue()
