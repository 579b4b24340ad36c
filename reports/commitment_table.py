"""Part III of the form: the commitment table, grouped, with very long cells continued on further rows."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from reports.model import CommitmentRow, FormData, FormLabels
from reports.styles import heading_break, plain, styles
from reports.tables import cell_pieces, grid_table

COMMITMENT_WIDTHS = (12, 55, 50, 27, 21)


def commitment_part(data: FormData, number: str) -> list[Any]:
    """Part III: the commitment table, its header row repeated on every page it spans."""
    from reportlab.platypus import Paragraph

    sheet, labels = styles(), data.labels
    heading = f"{number}. {plain(labels.part_commitment)}" if number else plain(labels.part_commitment)
    # Room for the heading, the table's header row and a first row, so the heading never stands alone.
    story: list[Any] = [heading_break(9), Paragraph(heading, sheet.heading)]
    if not data.commitments:
        story.append(Paragraph(plain(labels.no_commitments), sheet.body))
        return story
    rows, spans = commitment_rows(data.commitments, labels)
    extra = [("SPAN", (0, row), (-1, row)) for row in spans]
    story.append(grid_table(rows, COMMITMENT_WIDTHS, centred=(0, 3), extra=extra))
    return story


def commitment_rows(commitments: tuple[CommitmentRow, ...], labels: FormLabels) -> tuple[list[list[Any]], list[int]]:
    """Table rows, with a spanning line where a new group (e.g. "Tư tưởng chính trị") begins."""
    from reportlab.platypus import Paragraph

    sheet = styles()
    rows: list[list[Any]] = [[Paragraph(plain(text), sheet.cell_header) for text in labels.commitment_columns]]
    spans: list[int] = []
    group = ""
    for position, item in enumerate(commitments, start=1):
        if item.group.strip() and item.group != group:
            group = item.group
            spans.append(len(rows))
            rows.append([Paragraph(f"<b>{plain(group)}</b>", sheet.cell), "", "", "", ""])
        cells = (
            cell_pieces(item.content, sheet.cell, COMMITMENT_WIDTHS[1]),
            cell_pieces(item.measures, sheet.cell, COMMITMENT_WIDTHS[2]),
            cell_pieces(item.deadline, sheet.cell_center, COMMITMENT_WIDTHS[3]),
            cell_pieces(item.note, sheet.cell, COMMITMENT_WIDTHS[4]),
        )
        for index, pieces in enumerate(zip_longest(*cells, fillvalue="")):
            rows.append([str(position) if index == 0 else "", *pieces])
    return rows, spans
