"""Build the .docx and PDF copies of two corpus texts for the import path (run from the repository root):

    .venv/bin/python tests/data/resolutions/make_fixtures.py

Roman-numbered lines ("I- QUAN ĐIỂM CHỈ ĐẠO") become Heading 1 in the .docx, numbered lines that end without a
full stop Heading 2, as a secretary's Word file has them; the PDF is the plain text set in paragraphs. The
outputs are committed; the tests only read them.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

FOLDER = Path(__file__).resolve().parent
sys.path.insert(0, str(FOLDER.parent.parent.parent))

DOCX_SOURCE = "nghi-quyet-57-bo-chinh-tri"
PDF_SOURCE = "ket-luan-69-bo-chinh-tri"
_ROMAN_HEADING = re.compile(r"^[IVX]+[-.]\s")
_NUMBERED_HEADING = re.compile(r"^\d+\.\s.*[^.;:]$")


def write_docx(text: str) -> None:
    import docx

    document = docx.Document()
    lines = [line for line in text.split("\n") if line.strip()]
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        if _ROMAN_HEADING.match(line):
            document.add_heading(line, level=1)
        elif _NUMBERED_HEADING.match(line) and len(line) < 300:
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    # python-docx stamps the current time; a fixed one keeps the committed file stable.
    fixed = datetime.datetime(2025, 1, 6, tzinfo=datetime.UTC)
    document.core_properties.created = document.core_properties.modified = fixed
    document.save(str(FOLDER / f"{DOCX_SOURCE}.docx"))


def write_pdf(text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from resources import file_path

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(file_path("fonts/LiberationSerif-Regular.ttf"))))
    style = ParagraphStyle("body", fontName="LiberationSerif", fontSize=13, leading=17, spaceAfter=6)
    story = [Paragraph(escape(line), style) for line in text.split("\n") if line.strip()]
    SimpleDocTemplate(str(FOLDER / f"{PDF_SOURCE}.pdf"), pagesize=A4, invariant=1).build(story)


def main() -> None:
    write_docx((FOLDER / f"{DOCX_SOURCE}.txt").read_text(encoding="utf-8"))
    write_pdf((FOLDER / f"{PDF_SOURCE}.txt").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
