"""The unit summary as PDF: counts per chi bộ and in total, a bar chart, members not done, hardest questions."""

from __future__ import annotations

import io
from typing import Any

from quiz.formatting import format_date, format_number, format_ratio
from reports import fonts
from reports.chart import progress_chart
from reports.header import party_header
from reports.model import PendingMember, UnitReportData, UnitRow
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
from reports.tables import fitting_cell

COUNT_COLUMNS = ("Chi bộ", "Đảng viên", "Đã học", "Đã làm bài", "Đạt yêu cầu", "Đã cam kết", "Điểm trung bình")
COUNT_WIDTHS = (37, 17, 22, 22, 22, 22, 23)


def unbroken_percent(text: str) -> str:
    """Keep "96,67 %" on one line in a narrow cell: the ratio may wrap only before its parenthesis."""
    return text.replace(" %", "\u00a0%")


def average_text(row: UnitRow, maximum: float) -> str:
    if row.average_score is None:
        return "–"
    return f"{format_number(row.average_score, 2)}/{format_number(maximum, 0)}"


def summary_sentence(data: UnitReportData) -> str:
    """The figures as they are reported upward: "đã học 35.599/35.900 (99,16 %)"."""
    total = data.total
    parts = [
        f"đã học {format_ratio(total.studied, total.members)}",
        f"đã làm bài kiểm tra {format_ratio(total.took_quiz, total.members)}",
        f"đạt yêu cầu {format_ratio(total.passed, total.members)}",
        f"đã đăng ký cam kết {format_ratio(total.pledged, total.members)}",
    ]
    sentence = f"{plain(total.name)}: tổng số {format_number(total.members)} đảng viên; " + "; ".join(parts)
    if total.average_score is not None:
        sentence += f"; điểm trung bình {average_text(total, data.score_maximum)}"
    return unbroken_percent(sentence + ".")


def count_cells(row: UnitRow, maximum: float, bold: bool) -> list[Any]:
    from reportlab.platypus import Paragraph

    sheet = styles()
    centre = sheet.small_header if bold else sheet.small_center
    ratios = (row.studied, row.took_quiz, row.passed, row.pledged)
    return [
        Paragraph(f"<b>{plain(row.name)}</b>" if bold else plain(row.name), sheet.small),
        Paragraph(format_number(row.members), centre),
        *(Paragraph(unbroken_percent(format_ratio(count, row.members)), centre) for count in ratios),
        Paragraph(average_text(row, maximum), centre),
    ]


def ruled_table(rows: list[list[Any]], widths: tuple[float, ...]) -> Any:
    from reportlab.platypus import Table

    table = Table(rows, colWidths=[width * MILLIMETRE for width in widths], repeatRows=1)
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        )
    )
    return table


def counts_table(data: UnitReportData) -> Any:
    from reportlab.platypus import Paragraph

    sheet = styles()
    rows: list[list[Any]] = [[Paragraph(text, sheet.small_header) for text in COUNT_COLUMNS]]
    rows += [count_cells(row, data.score_maximum, bold=False) for row in data.rows]
    if data.rows != (data.total,):  # a one-chi bộ report has no separate total line
        rows.append(count_cells(data.total, data.score_maximum, bold=True))
    return ruled_table(rows, COUNT_WIDTHS)


PENDING_WIDTHS = (12, 58, 95)


def pending_groups(pending: tuple[PendingMember, ...]) -> list[tuple[str, list[PendingMember]]]:
    """The pending members per chi bộ, in the order the chi bộ first appear (the data is sorted by chi bộ)."""
    groups: dict[str, list[PendingMember]] = {}
    for member in pending:
        groups.setdefault(member.chi_bo, []).append(member)
    return list(groups.items())


def pending_table(data: UnitReportData) -> list[Any]:
    """One short table per chi bộ, named in its first row (repeated with the header on a following page).

    A single 6,000-row table, re-measured at each of hundreds of page breaks, took most of a province's report;
    short cells are plain strings (no paragraph layout).
    """
    from reportlab.platypus import Paragraph, Spacer, Table

    sheet = styles()
    if not data.pending:
        return [Paragraph("Tất cả đảng viên đã hoàn thành.", sheet.body)]
    story: list[Any] = []
    for chi_bo, members in pending_groups(data.pending):
        title = fitting_cell(f"{chi_bo}: {format_number(len(members))} đảng viên chưa hoàn thành", sheet.small, 160)
        rows: list[list[Any]] = [[title, "", ""], ["STT", "Họ và tên", "Còn thiếu"]]
        for position, member in enumerate(members, start=1):
            name = fitting_cell(member.name, sheet.small, PENDING_WIDTHS[1])
            missing = fitting_cell("; ".join(member.missing), sheet.small, PENDING_WIDTHS[2])
            rows.append([str(position), name, missing])
        table = Table(rows, colWidths=[width * MILLIMETRE for width in PENDING_WIDTHS], repeatRows=2)
        table.setStyle(pending_style())
        story += [table, Spacer(1, 6)]
    return story


def pending_style() -> Any:
    return table_style(
        ("FONTSIZE", (0, 0), (-1, -1), 10.5),
        ("LEADING", (0, 0), (-1, -1), 13),
        ("GRID", (0, 1), (-1, -1), 0.5, "black"),
        ("SPAN", (0, 0), (-1, 0)),
        ("FONTNAME", (0, 0), (-1, 1), fonts.BOLD),
        ("ALIGN", (0, 1), (-1, 1), "CENTER"),
        ("ALIGN", (0, 2), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    )


def hardest_table(data: UnitReportData) -> list[Any]:
    from reportlab.platypus import Paragraph

    sheet = styles()
    if not data.hardest:
        return [Paragraph("Chưa có đủ lượt trả lời để thống kê.", sheet.body)]
    with_sections = any(question.section for question in data.hardest)
    header: tuple[str, ...] = ("STT", "Câu hỏi", "Phần", "Số lượt trả lời", "Trả lời đúng")
    rows: list[list[Any]] = []
    for position, question in enumerate(data.hardest, start=1):
        rows.append(
            [
                Paragraph(str(position), sheet.small_center),
                Paragraph(plain(question.text), sheet.small),
                Paragraph(plain(question.section), sheet.small),
                Paragraph(format_number(question.answered), sheet.small_center),
                Paragraph(unbroken_percent(format_ratio(question.correct, question.answered)), sheet.small_center),
            ]
        )
    widths: tuple[float, ...] = (12, 75, 30, 20, 28)
    if not with_sections:  # the section column only when the data names sections
        header, widths = header[:2] + header[3:], (12, 105, 20, 28)
        rows = [row[:2] + row[3:] for row in rows]
    return [ruled_table([[Paragraph(text, sheet.small_header) for text in header], *rows], widths)]


def unit_story(data: UnitReportData, numbering: PageNumbering) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    sheet = styles()
    deadline = f" (hạn hoàn thành: {format_date(data.deadline)})" if data.deadline else ""
    story: list[Any] = [
        document_start(numbering, 0),
        party_header(data.header),
        Paragraph(balanced(data.title, fonts.BOLD, sheet.title.fontSize, FRAME_WIDTH), sheet.title),
        Paragraph(balanced(data.resolution_title, fonts.BOLD, 14, FRAME_WIDTH), sheet.subtitle),
        Paragraph(summary_sentence(data), sheet.justified),
        heading_break(8),
        Paragraph("1. Kết quả theo từng chi bộ", sheet.heading),
        counts_table(data),
    ]
    if data.rows:
        story += [heading_break(16), Paragraph("2. Biểu đồ tỷ lệ hoàn thành (%)", sheet.heading)]
        story += [progress_chart(data.rows), Spacer(1, 4)]
    story += [heading_break(6), Paragraph(f"3. Đảng viên chưa hoàn thành{deadline}", sheet.heading)]
    story += pending_table(data)
    story += [heading_break(6), Paragraph("4. Những câu hỏi có tỷ lệ trả lời đúng thấp nhất", sheet.heading)]
    story += hardest_table(data)
    return story


def build_unit_pdf(data: UnitReportData) -> bytes:
    """The unit summary as PDF bytes (byte-stable for the same data)."""
    output = io.BytesIO()
    numbering = PageNumbering()
    new_document(output, data.title, numbering).build(unit_story(data, numbering))
    return output.getvalue()
