"""Read the text layer of a PDF with pypdfium2, re-joining the lines that the page width broke."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from quiz.importing import refusals
from quiz.importing.model import ImportRefused, SourceBlock
from quiz.importing.pdfium_lock import PDFIUM_LOCK

# A page with fewer letters than this has no real text layer (a scan, or only page numbers).
_MINIMUM_LETTERS_PER_PAGE = 20
_SENTENCE_END = '.!?:;…”")'
_LIST_MARKER = re.compile(r"^(?:[-–+•*]\s|[a-zđ][).]\s|\d{1,2}[.)]\s|[IVXLC]+[.-]\s)")
# pdfium ends lines with "\r\n"; the others are the breaks quiz.text also reads as line ends.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# pdfium drops a hyphen that ends a line and writes one character instead of it and the line break:
# U+0002 in the page's bounded text (what we read), U+FFFE in its ranged text. Vietnamese breaks lines
# between syllables, so such a hyphen was really typed ("kinh tế -", "05-"): put it and the break back, and
# let the line joining below decide as it does for any other line.
_LINE_END_HYPHEN = re.compile("[\x02\ufffe]")
# Other control characters stand for glyphs with no meaning as text; a space keeps the words apart.
_CONTROL_CHARACTERS = re.compile("[\x00\x01\x03-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\uffff]")
# A soft hyphen is invisible unless the line breaks there, and then pdfium reports the break on its own.
_SOFT_HYPHEN = "\u00ad"
# A tone or vowel mark drawn as its own glyph may come out after a space; it belongs to the letter before.
_SPACE_BEFORE_MARK = re.compile(r"[ \t]+(?=[\u0300-\u036f])")


def read_pdf_blocks(data: bytes) -> list[SourceBlock]:
    """One block per page, lines re-joined into paragraphs; refuse encrypted, damaged and scanned files."""
    pages = [clean_page_text(text) for text in _page_texts(data)]
    letters = sum(1 for page in pages for character in page if character.isalpha())
    if letters < _MINIMUM_LETTERS_PER_PAGE * max(1, len(pages)) // 2 or letters < _MINIMUM_LETTERS_PER_PAGE:
        raise ImportRefused(refusals.SCANNED_PDF)
    return [SourceBlock(join_wrapped_lines(page.split("\n"))) for page in pages]


def clean_page_text(text: str) -> str:
    """pdfium's page text as the rest of the importer reads text: "\\n" line ends, no control characters, NFC
    (so that line widths below count letters, not letters plus separate marks)."""
    text = _LINE_END_HYPHEN.sub("-\n", _LINE_BREAK.sub("\n", text)).replace(_SOFT_HYPHEN, "")
    text = _CONTROL_CHARACTERS.sub(" ", text)
    return unicodedata.normalize("NFC", _SPACE_BEFORE_MARK.sub("", text))


def _page_texts(data: bytes) -> list[str]:
    import pypdfium2  # imported here: only PDF imports need it
    import pypdfium2.raw as pdfium_raw

    # Holding the lock from opening to closing: pdfium is not thread-safe (see pdfium_lock).
    with PDFIUM_LOCK:
        try:
            # No password given: pdfium tries the empty one, so a PDF that is "encrypted" only to forbid
            # editing opens like any other.
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            if error.err_code in (pdfium_raw.FPDF_ERR_PASSWORD, pdfium_raw.FPDF_ERR_SECURITY):
                raise ImportRefused(refusals.ENCRYPTED_PDF) from error
            raise ImportRefused(refusals.DAMAGED_PDF) from error
        try:
            return [_page_text(document, index) for index in range(len(document))]
        except Exception as error:
            # A page that fails to load raises PdfiumError; whatever else a broken page may raise from inside
            # pypdfium2, the user can only be told the file is damaged.
            raise ImportRefused(refusals.DAMAGED_PDF) from error
        finally:
            document.close()


def _page_text(document: Any, index: int) -> str:
    # Closed here rather than by the garbage collector, which could run on another thread without the lock.
    page = document[index]
    try:
        text_page = page.get_textpage()
        try:
            # The bounded form returns the whole page in full Unicode (the ranged one stops at UCS-2).
            text: str = text_page.get_text_bounded()
        finally:
            text_page.close()
    finally:
        page.close()
    return text


def join_wrapped_lines(lines: list[str]) -> str:
    """Re-join lines that only the page width broke: a full-width line that does not end a sentence, or a
    line followed by one starting in lower case, continues into the next line."""
    stripped = [line.strip() for line in lines]
    widest = max((len(line) for line in stripped), default=0)
    paragraphs: list[str] = []
    previous_line = ""
    for line in stripped:
        if paragraphs and paragraphs[-1] and line and _continues(previous_line, line, widest):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous_line = line
    return "\n".join(paragraphs)


def _continues(previous_line: str, line: str, widest: int) -> bool:
    if _LIST_MARKER.match(line) or previous_line.endswith(tuple(_SENTENCE_END)):
        return False
    # A capital line is a heading or title block, and a line without letters is a separator ("-----").
    if previous_line.isupper() or not any(character.isalpha() for character in line):
        return False
    return line[0].islower() or len(previous_line) >= 0.8 * widest
