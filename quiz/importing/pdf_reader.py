"""Read the text layer of a PDF with pypdf, re-joining the lines that the page width broke."""

from __future__ import annotations

import io
import re

from quiz.importing import refusals
from quiz.importing.model import ImportRefused, SourceBlock

# A page with fewer letters than this has no real text layer (a scan, or only page numbers).
_MINIMUM_LETTERS_PER_PAGE = 20
_SENTENCE_END = '.!?:;…”")'
_LIST_MARKER = re.compile(r"^(?:[-–+•*]\s|[a-zđ][).]\s|\d{1,2}[.)]\s|[IVXLC]+[.-]\s)")


def read_pdf_blocks(data: bytes) -> list[SourceBlock]:
    """One block per page, lines re-joined into paragraphs; refuse encrypted, damaged and scanned files."""
    import pypdf  # imported here: only PDF imports need it
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        # Many PDFs are "encrypted" with an empty user password only to forbid editing; those still open.
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportRefused(refusals.ENCRYPTED_PDF)
        pages = [page.extract_text() or "" for page in reader.pages]
    except ImportRefused:
        raise
    except PyPdfError as error:
        if "decrypt" in str(error).lower() or "password" in str(error).lower():
            raise ImportRefused(refusals.ENCRYPTED_PDF) from error
        raise ImportRefused(refusals.DAMAGED_PDF) from error
    except Exception as error:
        # pypdf can fail deep inside a broken stream with ordinary exceptions; the file is damaged.
        raise ImportRefused(refusals.DAMAGED_PDF) from error
    letters = sum(1 for page in pages for character in page if character.isalpha())
    if letters < _MINIMUM_LETTERS_PER_PAGE * max(1, len(pages)) // 2 or letters < _MINIMUM_LETTERS_PER_PAGE:
        raise ImportRefused(refusals.SCANNED_PDF)
    return [SourceBlock(join_wrapped_lines(page.split("\n"))) for page in pages]


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
