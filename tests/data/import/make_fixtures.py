"""Build the binary and re-encoded import fixtures from resolution.txt (run from the repository root):

    .venv/bin/python -m tests.data.import.make_fixtures   (or: .venv/bin/python tests/data/import/make_fixtures.py)

The outputs are committed; the tests only read them.
"""

from __future__ import annotations

import datetime
import sys
import unicodedata
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
sys.path.insert(0, str(FOLDER.parent.parent.parent))

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

PLAN_TITLE = "Kế hoạch học tập Nghị quyết năm 2022"
PLAN = [
    ("Mục đích, yêu cầu", 1),
    ("Giúp cán bộ, đảng viên nắm vững nội dung cơ bản của Nghị quyết. Việc học tập phải nghiêm túc, thiết thực.", None),
    ("Nội dung và hình thức", 1),
    ("Nội dung học tập", 2),
    ("Các quan điểm, mục tiêu và ba khâu đột phá của Nghị quyết; chương trình hành động của chi bộ.", None),
    ("Hình thức tổ chức", 2),
    ("Học tập tập trung tại hội trường trong một buổi; đảng viên vắng mặt học bù trước ngày 30/6.", None),
    ("Tổ chức thực hiện", 1),
    ("Chi ủy phân công đồng chí Phó Bí thư theo dõi, tổng hợp kết quả và báo cáo cấp ủy cấp trên.", None),
]
TABLE = [["Thời gian", "Nội dung"], ["Tháng 5", "Học tập tập trung"]]


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 has base vowels with quality marks (ê, ơ, ư) but writes tones as separate marks."""
    characters: list[str] = []
    for character in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", character)
        tones = "".join(mark for mark in decomposed if mark in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in TONE_MARKS))
        characters.append(base + tones)
    return "".join(characters).encode("cp1258")


def write_encodings(text: str) -> None:
    (FOLDER / "resolution-cp1258.txt").write_bytes(cp1258_bytes(text))
    (FOLDER / "resolution-utf16le-bom.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (FOLDER / "resolution-utf16be-bom.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (FOLDER / "resolution-utf8-bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (FOLDER / "resolution-nfd.txt").write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    # Legacy font encodings, typed as their bytes show in Latin-1 ("Nghị quyết Đại hội Đảng bộ tỉnh ...").
    vni = "Nghò quyeát Ñaïi hoäi Ñaûng boä tænh veà phaùt trieån kinh teá xaõ hoäi nhanh vaø beàn vöõng.\n"
    (FOLDER / "legacy-vni.txt").write_bytes((vni * 5).encode("latin-1"))
    tcvn3 = "NghÞ quyÕt §¹i héi §¶ng bé tØnh vÒ ph¸t triÓn kinh tÕ x· héi nhanh vµ bÒn v÷ng.\n"
    (FOLDER / "legacy-tcvn3.txt").write_bytes((tcvn3 * 5).encode("latin-1"))


def write_docx() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(PLAN_TITLE, style="Title")
    for text, level in PLAN:
        if level is None:
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=level)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for row, values in zip(table.rows, TABLE, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    # python-docx stamps the current time; a fixed one keeps the committed file stable.
    fixed = datetime.datetime(2022, 5, 1, tzinfo=datetime.UTC)
    document.core_properties.created = document.core_properties.modified = fixed
    document.save(str(FOLDER / "plan.docx"))


def write_pdfs(text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from resources import file_path

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(file_path("fonts/LiberationSerif-Regular.ttf"))))
    style = ParagraphStyle("body", fontName="LiberationSerif", fontSize=12, leading=16, spaceAfter=8)
    story = [Paragraph(line, style) for line in text.split("\n") if line.strip()]
    SimpleDocTemplate(str(FOLDER / "resolution.pdf"), pagesize=A4, invariant=1).build(story)
    # A "scanned" page: only a drawn rectangle, no text layer.
    scan = canvas.Canvas(str(FOLDER / "scanned.pdf"), pagesize=A4, invariant=1)
    scan.rect(72, 72, 400, 600, fill=1)
    scan.showPage()
    scan.save()


def main() -> None:
    text = (FOLDER / "resolution.txt").read_text(encoding="utf-8")
    write_encodings(text)
    write_docx()
    write_pdfs(text)


if __name__ == "__main__":
    main()
