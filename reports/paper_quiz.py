"""The quiz on paper: per member a personalised exam (code and name on every page) and an answer sheet."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from typing import Any

from quiz.api.paper import PaperQuestion, PaperSheet
from quiz.api.paper_codes import display_code
from quiz.api.paper_entry import letter
from quiz.formatting import format_short_date
from quiz.text import fold
from reports import fonts
from reports.signatures import dotted_lines
from reports.styles import (
    BODY_SIZE,
    FRAME_WIDTH,
    MARGIN_LEFT,
    MILLIMETRE,
    PAGE_HEIGHT,
    PageNumbering,
    balanced,
    document_start,
    new_document,
    plain,
    styles,
)

# Every text of the paper is at least this large: many members who take it on paper are elderly.
SMALLEST_SIZE = 13
BUBBLE_RADIUS = 3.6 * MILLIMETRE
BUBBLE_STEP = 11 * MILLIMETRE
# Up to this many options per row, the answer sheet has two columns of rows.
TWO_COLUMN_OPTIONS = 5
TITLE = "BÀI KIỂM TRA TÌM HIỂU NGHỊ QUYẾT"
SHEET_TITLE = "PHIẾU TRẢ LỜI"
INSTRUCTIONS = (
    "Đồng chí đọc từng câu hỏi rồi tô kín (hoặc đánh dấu X vào) ô của phương án chọn trên PHIẾU TRẢ LỜI ở trang "
    "cuối. Câu có nhiều đáp án đúng: tô mọi ô đúng. Câu ghép đôi: với mỗi ý 1, 2, … tô một chữ cái. "
    "Câu điền: viết câu trả lời trên dòng kẻ ngay dưới câu hỏi."
)
Progress = Callable[[int, int], None]


class PaperPages(PageNumbering):
    """Draws the paper's code, the member's name and the page number at the top of every page."""

    def __init__(self, sheets: Sequence[PaperSheet], progress: Progress | None = None) -> None:
        super().__init__(self._started)
        self.sheets = sheets
        self.current = 0
        self.progress = progress

    def _started(self, index: int) -> None:
        self.current = index
        if self.progress is not None:
            self.progress(index, len(self.sheets))

    def draw(self, canvas: Any, document: Any) -> None:
        sheet = self.sheets[self.current]
        number = canvas.getPageNumber() - self.first_page + 1
        top = PAGE_HEIGHT - 12 * MILLIMETRE
        canvas.saveState()
        canvas.setFont(fonts.BOLD, SMALLEST_SIZE)
        canvas.drawString(MARGIN_LEFT, top, f"Mã bài: {display_code(sheet.code)}")
        canvas.setFont(fonts.REGULAR, SMALLEST_SIZE)
        owner = f"{sheet.member_name} · " if sheet.member_name else ""
        canvas.drawRightString(MARGIN_LEFT + FRAME_WIDTH, top, f"{owner}Trang {number}")
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, top - 4, MARGIN_LEFT + FRAME_WIDTH, top - 4)
        canvas.restoreState()


@functools.cache
def _memo_paragraph() -> type[Any]:
    """A Paragraph that keeps its line breaks for the width it was last wrapped to.

    A question is wrapped twice (to keep it together, then to place it), and the same option text recurs on many
    members' papers; breaking lines is most of the layout time, so both are done once.
    """
    from reportlab.platypus import Paragraph

    class MemoParagraph(Paragraph):  # type: ignore[misc]
        memo: tuple[float, tuple[float, float]] | None = None

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            if self.memo is not None and self.memo[0] == available_width:
                return self.memo[1]
            size: tuple[float, float] = super().wrap(available_width, available_height)
            self.memo = (available_width, size)
            return size

    return MemoParagraph


@functools.cache
def _text_line() -> type[Any]:
    """A flowable of one line of plain text placed like the first line of a paragraph in ``style``."""
    from reportlab.platypus import Flowable

    class TextLine(Flowable):  # type: ignore[misc]
        def __init__(self, text: str, style: Any) -> None:
            super().__init__()
            self.text = text
            self.style = style

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return available_width, self.style.leading

        def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
            return float(self.style.spaceBefore)

        def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
            return float(self.style.spaceAfter)

        def draw(self) -> None:
            self.canv.setFont(self.style.fontName, self.style.fontSize)
            # Where a paragraph puts its first baseline: one font size below its top.
            baseline = self.style.leading - self.style.fontSize
            self.canv.drawString(self.style.leftIndent + self.style.firstLineIndent, baseline, self.text)

    return TextLine


class Paragraphs:
    """Paragraphs of one PDF, shared where the same text and style recur (option lines on many papers)."""

    def __init__(self) -> None:
        self.made: dict[tuple[str, str], Any] = {}

    def line(self, text: str, style: Any) -> Any:
        """Plain text on one line when it fits (drawn as a string: no markup, no line breaking), else a
        shared paragraph; most options are short."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        indent = style.leftIndent + style.firstLineIndent
        if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= FRAME_WIDTH - indent - 2:
            return _text_line()(text, style)
        return self(plain(text), style, shared=True)

    def __call__(self, markup: str, style: Any, shared: bool = False) -> Any:
        if not shared:
            return _memo_paragraph()(markup, style)
        key = (markup, style.name)
        if key not in self.made:
            self.made[key] = _memo_paragraph()(markup, style)
        return self.made[key]


@functools.cache
def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    sheet = styles()
    return {
        "question": ParagraphStyle("paper_question", parent=sheet.body, fontName=fonts.BOLD, spaceBefore=8),
        "option": ParagraphStyle(
            "paper_option", parent=sheet.body, leftIndent=10 * MILLIMETRE, firstLineIndent=-7 * MILLIMETRE
        ),
        "note": ParagraphStyle(
            "paper_note", parent=sheet.body, fontName=fonts.ITALIC, fontSize=SMALLEST_SIZE, leading=SMALLEST_SIZE * 1.25
        ),
    }


def identity(sheet: PaperSheet) -> list[Any]:
    """Title, the document, and who the paper is for, with its code large enough to read from across a desk."""
    from reportlab.platypus import Paragraph, Table

    looks = styles()
    # A blank copy leaves dots for the member to write their name and chi bộ.
    dots = "." * 60
    rows = [
        ["Họ và tên:", sheet.member_name or dots],
        ["Chi bộ:", sheet.chi_bo_name or dots],
        ["Mã bài làm:", display_code(sheet.code)],
        ["Ngày in:", format_short_date(sheet.printed_at.astimezone().date())],
    ]
    if sheet.time_limit_minutes:
        rows.append(["Thời gian làm bài:", f"{sheet.time_limit_minutes} phút"])
    table = Table(rows, colWidths=[45 * MILLIMETRE, FRAME_WIDTH - 45 * MILLIMETRE])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTNAME", (1, 0), (1, 2), fonts.BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
            ("FONTSIZE", (1, 2), (1, 2), 20),
            ("LEADING", (1, 2), (1, 2), 24),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ]
    )
    subtitle = balanced(sheet.document_title, fonts.BOLD, BODY_SIZE, FRAME_WIDTH)
    return [
        Paragraph(plain(TITLE), looks.title),
        Paragraph(subtitle, looks.subtitle),
        table,
        Paragraph(plain(INSTRUCTIONS), _styles()["note"]),
    ]


def question_story(question: PaperQuestion, paragraph: Paragraphs) -> list[Any]:
    """One question: its prompt, then lettered options, numbered pairs, or a line to write on."""
    from reportlab.platypus import KeepTogether

    looks = _styles()
    number = question.position + 1
    hint = {
        "multi": "(chọn tất cả các phương án đúng)",
        "truefalse": "(Đúng hay Sai?)",
        "matching": "(ghép mỗi ý với một phương án)",
    }.get(question.type, "")
    marked_hint = f" <i>{plain(hint)}</i>" if hint else ""
    parts: list[Any] = [paragraph(f"Câu {number}. {plain(question.prompt)}{marked_hint}", looks["question"])]
    lines: list[str] = []
    if question.type == "cloze":
        parts.append(dotted_lines(2, 9 * MILLIMETRE))
    elif question.type == "matching":
        lines += [f"{index}. {item.strip()}" for index, item in enumerate(question.left_items, 1)]
    if question.type in ("single", "multi", "matching"):
        lines += [f"{letter(index)}. {option.strip()}" for index, option in enumerate(question.options)]
    parts += [paragraph.line(line, looks["option"]) for line in lines]
    return [KeepTogether(parts)]


def bubble_keys(question: PaperQuestion) -> list[str]:
    """The labels of the bubbles of one answer-sheet row: letters, or Đ and S for true/false."""
    if question.type == "truefalse":
        return [
            "Đ" if fold(option).strip() == "dung" else "S" if fold(option).strip() == "sai" else option[:1]
            for option in question.options
        ]
    return [letter(index) for index in range(len(question.options))]


def bubble_row(label: str, keys: Sequence[str], first_bubble: float) -> Any:
    """A row of the answer sheet: the question's number, then one circle per key with the key inside."""
    from reportlab.platypus import Flowable

    class BubbleRow(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, 2 * BUBBLE_RADIUS + 2 * MILLIMETRE

        def draw(self) -> None:
            middle = BUBBLE_RADIUS + MILLIMETRE
            self.canv.setFont(fonts.BOLD, BODY_SIZE)
            self.canv.drawString(0, middle - BODY_SIZE * 0.35, label)
            for index, key in enumerate(keys):
                self.canv.saveState()
                self.canv.translate(first_bubble + index * BUBBLE_STEP, middle)
                self.canv.doForm(_bubble_form(self.canv, key))
                self.canv.restoreState()

    return BubbleRow()


def _bubble_form(canvas: Any, key: str) -> str:
    """The name of a reusable drawing of one bubble with its key: drawn once per PDF, placed many times."""
    name = f"bubble-{ord(key[0]) if key else 0}"
    if not canvas.hasForm(name):
        canvas.beginForm(name, -BUBBLE_RADIUS - 1, -BUBBLE_RADIUS - 1, BUBBLE_RADIUS + 1, BUBBLE_RADIUS + 1)
        canvas.setLineWidth(0.8)
        canvas.circle(0, 0, BUBBLE_RADIUS)
        canvas.setFont(fonts.REGULAR, SMALLEST_SIZE)
        canvas.drawCentredString(0, -SMALLEST_SIZE * 0.35, key)
        canvas.endForm()
    return name


def sheet_rows(sheet: PaperSheet, first_bubble: float) -> list[Any]:
    """One row of bubbles per question (per numbered item for matching); typed answers point back to the text."""
    from reportlab.platypus import Paragraph

    rows: list[Any] = []
    for question in sheet.questions:
        number = question.position + 1
        if question.type == "cloze":
            rows.append(Paragraph(plain(f"Câu {number}: viết ở câu hỏi"), _styles()["note"]))
        elif question.type == "matching":
            keys = bubble_keys(question)
            rows += [
                bubble_row(f"{number} – ý {item}", keys, first_bubble)
                for item in range(1, len(question.left_items) + 1)
            ]
        else:
            rows.append(bubble_row(f"Câu {number}", bubble_keys(question), first_bubble))
    return rows


def answer_sheet(sheet: PaperSheet) -> list[Any]:
    """The last page: the bubbles in two columns (one when a question has too many options for half a page)."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

    looks = styles()
    widest = max((len(bubble_keys(question)) for question in sheet.questions), default=0)
    columns = 2 if widest <= TWO_COLUMN_OPTIONS else 1
    rows = sheet_rows(sheet, 30 * MILLIMETRE)
    half = (len(rows) + columns - 1) // columns
    cells = [
        [rows[row + column * half] if row + column * half < len(rows) else "" for column in range(columns)]
        for row in range(half)
    ]
    table = Table(cells or [[""]], colWidths=[FRAME_WIDTH / columns] * columns)
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return [
        PageBreak(),
        Paragraph(plain(SHEET_TITLE), looks.title),
        Paragraph(
            plain(f"{sheet.member_name or 'Họ và tên: ' + '.' * 40} — Mã bài làm: {display_code(sheet.code)}"),
            looks.subtitle,
        ),
        table,
        Spacer(1, 8 * MILLIMETRE),
        Paragraph(plain("Điểm (cán bộ chấm ghi): ……………"), looks.body),
    ]


def paper_story(sheet: PaperSheet, numbering: PageNumbering, index: int, paragraph: Paragraphs) -> list[Any]:
    story: list[Any] = [document_start(numbering, index), *identity(sheet)]
    for question in sheet.questions:
        story.extend(question_story(question, paragraph))
    story.extend(answer_sheet(sheet))
    return story


def build_paper_quiz(sheets: Sequence[PaperSheet], progress: Progress | None = None) -> bytes:
    """Every paper in one PDF, each starting on a new page; the same sheets always give the same bytes."""
    from reportlab.platypus import PageBreak

    numbering = PaperPages(sheets, progress)
    story: list[Any] = []
    paragraph = Paragraphs()
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.extend(paper_story(sheet, numbering, index, paragraph))
    output = io.BytesIO()
    new_document(output, TITLE.capitalize(), numbering).build(story)
    if progress is not None:
        progress(len(sheets), len(sheets))
    return output.getvalue()
