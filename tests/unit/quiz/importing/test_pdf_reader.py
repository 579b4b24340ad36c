"""The pdfium PDF reader: pdfium's text cleaned for the importer, refusals, closing, locking, no pypdf at run time."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any

import pypdfium2
import pytest

from quiz.importing import ImportRefused, parse_file, refusals
from quiz.importing.pdf_reader import clean_page_text, read_pdf_blocks
from quiz.importing.pdfium_lock import PDFIUM_LOCK
from tests.conftest import REPOSITORY
from tests.unit.quiz.importing.helpers import IMPORT_DATA, RESOLUTION

RESOLUTION_PDF = IMPORT_DATA / "resolution.pdf"


def lines_pdf(lines: list[str]) -> bytes:
    """One A4 page with each line drawn as given (so NFD text is drawn as base letters plus marks)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from resources import file_path

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(file_path("fonts/LiberationSerif-Regular.ttf"))))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.setFont("LiberationSerif", 12)
    for number, line in enumerate(lines):
        page.drawString(72, 780 - 16 * number, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_pdf_blocks(data)
    return str(caught.value)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Dòng một\r\nDòng hai\rDòng ba", "Dòng một\nDòng hai\nDòng ba"),
        ("kinh\x02tế", "kinh-\ntế"),
        ("kinh\ufffetế", "kinh-\ntế"),
        ("phát\u00adtriển", "pháttriển"),
        ("Cột\x00một\x1fhai\x7fba", "Cột một hai ba"),
        (unicodedata.normalize("NFD", "Nghị quyết Đảng bộ"), "Nghị quyết Đảng bộ"),
        ("Nghi\u0323 quye\u0302 \u0301t", "Nghị quyết"),
    ],
    ids=["line-ends", "hyphen-bounded", "hyphen-ranged", "soft-hyphen", "controls", "nfd", "space-before-mark"],
)
def test_page_text_is_cleaned_for_the_importer(raw: str, clean: str) -> None:
    assert clean_page_text(raw) == clean


def test_hyphen_that_ends_a_line_is_kept() -> None:
    data = lines_pdf(["Nghị quyết về phát triển kinh tế xã hội nhanh và bền vững, tăng trưởng kinh-", "tế ổn định."])
    text = "\n".join(block.text for block in read_pdf_blocks(data))
    assert "kinh-" in text and "tế ổn định." in text
    assert not any(unicodedata.category(character) == "Cc" and character != "\n" for character in text)


def test_text_drawn_with_separate_marks_reads_as_nfc() -> None:
    lines = ["Hội nghị lần thứ tư Ban Chấp hành Đảng bộ huyện khóa XXIV.", "Quyết nghị thống nhất ban hành Nghị quyết."]
    blocks = read_pdf_blocks(lines_pdf([unicodedata.normalize("NFD", line) for line in lines]))
    assert [block.text for block in blocks] == ["\n".join(lines)]


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_encrypted_pdf_opens_without_a_password_and_is_refused_with_one(algorithm: str) -> None:
    """What Word and Acrobat write today (pdfium decrypts AES itself; pypdf needs cryptography only to write)."""
    pytest.importorskip("cryptography")
    import pypdf

    def encrypted(user_password: str) -> bytes:
        writer = pypdf.PdfWriter(clone_from=str(RESOLUTION_PDF))
        writer.encrypt(user_password=user_password, owner_password="chu", algorithm=algorithm)
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    plain = [block.text for block in read_pdf_blocks(RESOLUTION_PDF.read_bytes())]
    assert [block.text for block in read_pdf_blocks(encrypted(""))] == plain
    assert refusal(encrypted("matkhau")) == refusals.ENCRYPTED_PDF


def test_truncated_pdf_is_damaged() -> None:
    data = RESOLUTION_PDF.read_bytes()
    assert refusal(data[: len(data) // 2]) == refusals.DAMAGED_PDF
    assert refusal(b"%PDF-1.4\n" + b"garbage " * 50) == refusals.DAMAGED_PDF


def test_page_with_only_a_few_letters_is_scanned() -> None:
    assert refusal(lines_pdf(["Trang 1", "- 2 -"])) == refusals.SCANNED_PDF


@pytest.fixture
def opened() -> Iterator[list[Any]]:
    """Every pdfium document, page and text page the reader opens (kept referenced, so only close() closes).
    Opening a page while an earlier page or text page is still open fails the test."""
    objects: list[Any] = []
    original_document, original_page, original_text_page = (
        pypdfium2.PdfDocument.__init__,
        pypdfium2.PdfDocument.get_page,
        pypdfium2.PdfPage.get_textpage,
    )

    def document_init(self: Any, *arguments: Any, **keywords: Any) -> None:
        original_document(self, *arguments, **keywords)
        objects.append(self)

    def get_page(self: Any, index: int) -> Any:
        still_open = [item for item in objects if item.raw is not None and not isinstance(item, pypdfium2.PdfDocument)]
        assert still_open == [], f"page {index} opened before {still_open} closed"
        objects.append(original_page(self, index))
        return objects[-1]

    def get_textpage(self: Any) -> Any:
        objects.append(original_text_page(self))
        return objects[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pypdfium2.PdfDocument, "__init__", document_init)
        patch.setattr(pypdfium2.PdfDocument, "get_page", get_page)
        patch.setattr(pypdfium2.PdfPage, "get_textpage", get_textpage)
        yield objects


def test_every_pdfium_object_is_closed_after_reading(opened: list[Any]) -> None:
    assert len(read_pdf_blocks(RESOLUTION_PDF.read_bytes())) == 2
    assert refusal((IMPORT_DATA / "scanned.pdf").read_bytes()) == refusals.SCANNED_PDF
    kinds = sorted({type(item).__name__ for item in opened})
    assert kinds == ["PdfDocument", "PdfPage", "PdfTextPage"]
    assert [item for item in opened if item.raw is not None] == []


def test_page_that_fails_to_load_is_damaged_and_the_document_still_closes(
    opened: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Any) -> Any:
        raise pypdfium2.PdfiumError("Failed to load text page.")

    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", broken)
    assert refusal(RESOLUTION_PDF.read_bytes()) == refusals.DAMAGED_PDF
    assert opened and [item for item in opened if item.raw is not None] == []


def test_reader_waits_for_the_shared_pdfium_lock() -> None:
    data = RESOLUTION_PDF.read_bytes()
    results: list[int] = []
    reader = threading.Thread(target=lambda: results.append(len(read_pdf_blocks(data))))
    with PDFIUM_LOCK:
        reader.start()
        reader.join(timeout=0.5)
        assert reader.is_alive() and results == []
    reader.join(timeout=60)
    assert results == [2]


def test_reading_on_several_threads_gives_the_same_text() -> None:
    data = RESOLUTION_PDF.read_bytes()
    expected = [block.text for block in read_pdf_blocks(data)]
    results: list[list[str]] = []

    def read_many() -> None:
        for _ in range(5):
            results.append([block.text for block in read_pdf_blocks(data)])

    threads = [threading.Thread(target=read_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 20 and all(result == expected for result in results)


CHILD = """
import json, sys
sys.modules["pypdf"] = None  # any "import pypdf" now raises ImportError
from pathlib import Path
from quiz.importing import parse_file
document = parse_file(Path(sys.argv[1]))
try:
    import pypdf
    blocked = False
except ImportError:
    blocked = True
sentences = [sentence.text for section in document.sections for sentence in section.sentences]
print(json.dumps({"blocked": blocked, "title": document.title, "sentences": sentences}))
"""


@pytest.mark.slow
def test_pdf_import_works_without_pypdf() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(RESOLUTION_PDF)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPOSITORY,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    reference = parse_file(RESOLUTION)
    assert result["blocked"] is True
    assert result["title"] == reference.title
    assert result["sentences"] == [sentence.text for section in reference.sections for sentence in section.sentences]
