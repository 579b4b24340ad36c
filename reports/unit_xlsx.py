"""The unit summary as an XLSX workbook (openpyxl), one sheet per table, ready for reporting upward."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from quiz.formatting import format_date
from reports.model import UnitReportData, UnitRow

SUMMARY_SHEET = "Tổng hợp"
PENDING_SHEET = "Chưa hoàn thành"
HARDEST_SHEET = "Câu hỏi khó"
SUMMARY_COLUMNS = (
    "Chi bộ", "Số đảng viên", "Đã học", "Tỷ lệ đã học", "Đã làm bài", "Tỷ lệ đã làm bài",
    "Đạt yêu cầu", "Tỷ lệ đạt", "Đã cam kết", "Tỷ lệ cam kết", "Điểm trung bình",
)  # fmt: skip
PERCENT_FORMAT = "0.00%"
# A cell starting with one of these may be run as a formula by a spreadsheet (=HYPERLINK(...), +cmd|..., @SUM...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def summary_values(row: UnitRow) -> list[Any]:
    """Numbers stay numbers (the spreadsheet formats them), so the sheet can be summed further up."""
    values: list[Any] = [row.name, row.members]
    for count in (row.studied, row.took_quiz, row.passed, row.pledged):
        values += [count, share(count, row.members)]
    values.append(None if row.average_score is None else round(row.average_score, 2))
    return values


def write_table(sheet: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """A title line, a bold header row (frozen) and the rows; returns the header's row number."""
    from openpyxl.styles import Alignment, Font

    sheet.append([title])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    sheet.append(list(header))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A3"
    for index, label in enumerate(header, start=1):
        longest = max([len(label), *(len(str(row[index - 1] or "")) for row in rows)])
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = min(60, max(10, longest + 2))
    return 2


def keep_as_text(sheet: Any) -> None:
    """Every string stays text: names, titles and questions come from users and must never become formulas.

    The cell is written as a string (not a formula) and marked with Excel's quote prefix, so editing it later
    in Excel or LibreOffice does not turn it into a formula either; the text itself is unchanged.
    """
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.quotePrefix = True


def build_unit_xlsx(data: UnitReportData) -> bytes:
    """The workbook as bytes: Tổng hợp (per chi bộ and total), Chưa hoàn thành, Câu hỏi khó."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    lines = data.rows if data.rows == (data.total,) else (*data.rows, data.total)
    rows = [summary_values(row) for row in lines]
    write_table(summary, f"{data.title} - {data.resolution_title}", SUMMARY_COLUMNS, rows)
    for row in summary.iter_rows(min_row=3, max_row=summary.max_row):
        for cell in row[3:10:2]:
            cell.number_format = PERCENT_FORMAT
        row[10].number_format = "0.00"
    for cell in summary[summary.max_row]:
        cell.font = Font(bold=True)
    deadline = f" (hạn {format_date(data.deadline)})" if data.deadline else ""
    pending = workbook.create_sheet(PENDING_SHEET)
    pending_rows = [
        (position, member.name, member.chi_bo, "; ".join(member.missing))
        for position, member in enumerate(data.pending, start=1)
    ]
    pending_header = ("STT", "Họ và tên", "Chi bộ", "Còn thiếu")
    write_table(pending, f"Đảng viên chưa hoàn thành{deadline}", pending_header, pending_rows)
    hardest = workbook.create_sheet(HARDEST_SHEET)
    hardest_rows = [
        (position, item.text, item.section, item.answered, item.correct, share(item.correct, item.answered))
        for position, item in enumerate(data.hardest, start=1)
    ]
    header = ("STT", "Câu hỏi", "Phần", "Số lượt trả lời", "Trả lời đúng", "Tỷ lệ đúng")
    write_table(hardest, "Những câu hỏi có tỷ lệ trả lời đúng thấp nhất", header, hardest_rows)
    for row in hardest.iter_rows(min_row=3, max_row=hardest.max_row, min_col=6, max_col=6):
        row[0].number_format = PERCENT_FORMAT
    for sheet in workbook.worksheets:
        keep_as_text(sheet)
    # A fixed timestamp: the same data gives the same workbook properties.
    stamp = dt.datetime.combine(data.header.date, dt.time())
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "Học tập Nghị quyết"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
