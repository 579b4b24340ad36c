"""The member's form: bản thu hoạch and bản đăng ký cam kết, combined or as two documents, as PDF bytes."""

from __future__ import annotations

import io
from typing import Any

from quiz.formatting import format_number, format_ratio, format_short_date
from reports import fonts
from reports.header import party_header
from reports.model import AttemptRow, CommitmentRow, FormData, FormLabels, FormLayout, SectionResult
from reports.signatures import dotted_lines, signature_block
from reports.styles import (
    FRAME_WIDTH,
    MILLIMETRE,
    PageNumbering,
    balanced,
    document_start,
    heading_break,
    new_document,
    plain,
    styles,
    table_style,
)

ROMAN = ("I", "II", "III", "IV", "V")
COMMITMENT_WIDTHS = (12, 55, 50, 27, 21)


def grid_table(rows: list[list[Any]], widths: tuple[float, ...], centred: tuple[int, ...] = (), extra: Any = ()) -> Any:
    """A ruled table whose header row repeats on every page it spans; a very tall row may split inside.

    Short fixed cells (numbers, dates) are plain strings, drawn without paragraph parsing: it halves the time.
    """
    from reportlab.platypus import Table

    table = Table(rows, colWidths=[width * MILLIMETRE for width in widths], repeatRows=1, splitInRow=1)
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


def score_text(attempt: AttemptRow) -> str:
    return f"{format_number(attempt.score, 2)}/{format_number(attempt.maximum, 0)}"


def identity_block(data: FormData) -> list[Any]:
    from reportlab.platypus import Paragraph

    sheet = styles()
    lines = []
    for item in data.identity:
        value = plain(item.value) if item.value.strip() else "…" * 30
        lines.append(Paragraph(f"{plain(item.label)}: {value}", sheet.body))
    return lines


def results_part(data: FormData, number: str) -> list[Any]:
    """Part I: the sections studied with a per-section result, then every quiz attempt."""
    from reportlab.platypus import Paragraph, Spacer

    sheet, labels = styles(), data.labels
    story: list[Any] = [heading_break(8), Paragraph(f"{number}. {plain(labels.part_results)}", sheet.heading)]
    story.append(Paragraph(f"1. {plain(labels.sections_heading)}", sheet.subheading))
    rows: list[list[Any]] = [["STT", "Phần", "Đã học", "Kết quả"]]
    for position, section in enumerate(data.sections, start=1):
        rows.append(section_row(position, section))
    story.append(grid_table(rows, (12, 93, 22, 38), centred=(0, 2, 3)))
    story.append(Spacer(1, 6))
    story.append(heading_break(6))
    story.append(Paragraph(f"2. {plain(labels.attempts_heading)}", sheet.subheading))
    if not data.attempts:
        story.append(Paragraph(plain(labels.no_attempts), sheet.body))
        return story
    rows = [["Lần", "Ngày làm bài", "Điểm", "Kết quả"]]
    for position, attempt in enumerate(data.attempts, start=1):
        verdict = "Đạt" if attempt.passed else "Chưa đạt"
        rows.append([str(position), format_short_date(attempt.taken_on), score_text(attempt), verdict])
    story.append(grid_table(rows, (15, 55, 50, 45), centred=(0, 1, 2, 3)))
    return story


def section_row(position: int, section: SectionResult) -> list[Any]:
    from reportlab.platypus import Paragraph

    sheet = styles()
    result = format_ratio(section.correct, section.answered) if section.answered else "–"
    studied = "Đã học" if section.studied else "Chưa học"
    return [str(position), Paragraph(plain(section.title), sheet.cell), studied, result]


def reflection_part(data: FormData, number: str) -> list[Any]:
    """Part II: each question set by the committee and the member's answer, paragraph by paragraph."""
    from reportlab.platypus import Paragraph

    sheet = styles()
    story: list[Any] = [heading_break(), Paragraph(f"{number}. {plain(data.labels.part_reflection)}", sheet.heading)]
    for position, item in enumerate(data.reflections, start=1):
        story.append(heading_break())
        story.append(Paragraph(f"{position}. {plain(item.question)}", sheet.subheading))
        paragraphs = [line for line in item.answer.splitlines() if line.strip()]
        story.extend(Paragraph(plain(line), sheet.justified) for line in paragraphs)
        if not paragraphs:
            story.append(dotted_lines(4))
    return story


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
    story.append(grid_table(rows, COMMITMENT_WIDTHS, centred=(0,), extra=extra))
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
        rows.append(
            [
                str(position),
                Paragraph(plain(item.content), sheet.cell),
                Paragraph(plain(item.measures), sheet.cell),
                Paragraph(plain(item.deadline), sheet.cell_center),
                Paragraph(plain(item.note), sheet.cell),
            ]
        )
    return rows, spans


def title_block(title: str, subtitle: str) -> list[Any]:
    from reportlab.platypus import Paragraph

    sheet = styles()
    return [
        Paragraph(balanced(title, fonts.BOLD, sheet.title.fontSize, FRAME_WIDTH), sheet.title),
        Paragraph(balanced(subtitle, fonts.BOLD, sheet.subtitle.fontSize, FRAME_WIDTH), sheet.subtitle),
    ]


def form_story(data: FormData, numbering: PageNumbering, index: int = 0) -> list[Any]:
    """The flowables of one member's form (one or two documents, each restarting the page numbers)."""
    from reportlab.platypus import PageBreak

    labels = data.labels
    subtitle = f"{labels.subtitle_prefix} {data.resolution_title}".strip()
    start = [document_start(numbering, index), party_header(data.header)]
    if data.layout is FormLayout.COMBINED:
        return [
            *start,
            *title_block(labels.title_combined, subtitle),
            *identity_block(data),
            *results_part(data, ROMAN[0]),
            *reflection_part(data, ROMAN[1]),
            *commitment_part(data, ROMAN[2]),
            signature_block(labels.chi_bo_combined, labels.signer_combined, data),
        ]
    commitment_subtitle = f"{labels.commitment_subtitle_prefix} {data.resolution_title}".strip()
    return [
        *start,
        *title_block(labels.title_reflection, subtitle),
        *identity_block(data),
        *results_part(data, ROMAN[0]),
        *reflection_part(data, ROMAN[1]),
        signature_block(labels.chi_bo_reflection, labels.signer_reflection, data),
        PageBreak(),
        document_start(numbering, index),
        party_header(data.header),
        *title_block(labels.title_commitment, commitment_subtitle),
        *identity_block(data),
        *commitment_part(data, ""),
        signature_block(labels.chi_bo_commitment, labels.signer_commitment, data),
    ]


def build_member_form(data: FormData) -> bytes:
    """One member's form as PDF bytes (byte-stable for the same data)."""
    output = io.BytesIO()
    numbering = PageNumbering()
    title = f"{data.labels.title_combined} - {data.member_name}"
    document = new_document(output, title, numbering, author=data.member_name)
    document.build(form_story(data, numbering))
    return output.getvalue()
