"""The member's form: bản thu hoạch and bản đăng ký cam kết, combined or as two documents, as PDF bytes."""

from __future__ import annotations

import io
from typing import Any

from quiz.formatting import format_number, format_ratio, format_short_date
from quiz.text import fold
from reports import fonts
from reports.commitment_table import commitment_part
from reports.header import party_header
from reports.model import AttemptRow, FormData, FormLayout, SectionResult
from reports.signatures import dotted_lines, signature_block
from reports.styles import (
    FRAME_WIDTH,
    PageNumbering,
    balanced,
    document_start,
    heading_break,
    new_document,
    plain,
    styles,
)
from reports.tables import fitting_cell, grid_table

ROMAN = ("I", "II", "III", "IV", "V")
SECTION_WIDTHS = (12, 93, 22, 38)


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
    story.append(grid_table(rows, SECTION_WIDTHS, centred=(0, 2, 3)))
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

    sheet = styles()
    result = format_ratio(section.correct, section.answered) if section.answered else "–"
    studied = "Đã học" if section.studied else "Chưa học"
    return [str(position), fitting_cell(section.title, sheet.cell, SECTION_WIDTHS[1]), studied, result]


def reflection_part(data: FormData, number: str) -> list[Any]:
    """Part II: each question set by the committee and the member's answer, paragraph by paragraph."""
    from reportlab.platypus import Paragraph

    sheet = styles()
    # The part heading needs room for the first question and two lines of its answer below it.
    story: list[Any] = [heading_break(7), Paragraph(f"{number}. {plain(data.labels.part_reflection)}", sheet.heading)]
    for position, item in enumerate(data.reflections, start=1):
        story.append(heading_break(4))
        story.append(Paragraph(f"{position}. {plain(item.question)}", sheet.subheading))
        paragraphs = [line for line in item.answer.splitlines() if line.strip()]
        story.extend(Paragraph(plain(line), sheet.justified) for line in paragraphs)
        if not paragraphs:
            story.append(dotted_lines(4))
    return story


def with_prefix(prefix: str, title: str) -> str:
    """ "Học tập, quán triệt" + title, unless the title already begins with one of the prefix's verbs."""
    verbs = [fold(verb).strip() for verb in prefix.split(",") if verb.strip()]
    if any(fold(title).startswith(verb) for verb in verbs):
        return title.strip()
    return f"{prefix} {title}".strip()


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
    subtitle = with_prefix(labels.subtitle_prefix, data.resolution_title)
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
    commitment_subtitle = with_prefix(labels.commitment_subtitle_prefix, data.resolution_title)
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
