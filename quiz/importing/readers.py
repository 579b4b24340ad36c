"""Read .txt, .docx and text .pdf files into blocks of raw text (with heading hints where the format has them)."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.importing import refusals
from quiz.importing.encoding import decode_text_bytes
from quiz.importing.html_text import html_to_text, looks_like_html
from quiz.importing.model import ImportRefused, SourceBlock
from quiz.importing.pdf_reader import read_pdf_blocks

SUPPORTED_EXTENSIONS = (".txt", ".docx", ".pdf", ".html", ".htm")
_HEADING_STYLE = re.compile(r"^(?:heading|tiêu đề|đề mục)\s*(\d)", re.IGNORECASE)


def read_blocks(path: Path) -> tuple[list[SourceBlock], str]:
    """Read ``path`` into raw blocks and name how it was decoded; raise ImportRefused for anything unusable."""
    data = read_checked_bytes(path)
    extension = path.suffix.lower()
    if extension in (".txt", ".html", ".htm"):
        text, encoding = decode_text_bytes(data)
        if extension != ".txt" or looks_like_html(text):
            # A news page saved from the browser (often renamed .txt): keep its visible text only.
            return [SourceBlock(html_to_text(text))], encoding + "+html"
        return [SourceBlock(text)], encoding
    if extension == ".docx":
        return read_docx_blocks(path), "docx"
    return read_pdf_blocks(data), "pdf"


def read_checked_bytes(path: Path) -> bytes:
    """The file's bytes after the checks every format shares: exists, supported, not too big, readable."""
    name = path.name or str(path)
    if not path.exists():
        raise ImportRefused(refusals.MISSING_FILE.format(name=name))
    if not path.is_file():
        raise ImportRefused(refusals.NOT_A_FILE.format(name=name))
    extension = path.suffix.lower()
    if extension == ".doc":
        raise ImportRefused(refusals.OLD_WORD_FORMAT)
    if extension not in SUPPORTED_EXTENSIONS:
        raise ImportRefused(refusals.UNSUPPORTED_EXTENSION.format(extension=extension or name))
    try:
        size = path.stat().st_size
        if size > refusals.MAXIMUM_FILE_BYTES:
            raise ImportRefused(refusals.TOO_LARGE.format(name=name, size=size // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(refusals.UNREADABLE_FILE.format(name=name)) from error
    if not data.strip():
        raise ImportRefused(refusals.EMPTY_FILE)
    return data


def read_docx_blocks(path: Path) -> list[SourceBlock]:
    """Paragraphs (and table cells, in document order) of a .docx; heading styles become heading hints."""
    import docx  # imported here: python-docx loads lxml, which plain-text imports never need
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        blocks: list[SourceBlock] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks.extend(_table_blocks(item))
                continue
            blocks.append(SourceBlock(item.text, _heading_level(item.style.name if item.style else None)))
    except Exception as error:
        # python-docx raises BadZipFile, KeyError, PackageNotFoundError or lxml's XMLSyntaxError for a
        # broken file; whichever it is, the user can only be told the file is damaged.
        raise ImportRefused(refusals.DAMAGED_DOCX) from error
    return blocks


def _table_blocks(table: object) -> list[SourceBlock]:
    from docx.table import Table

    assert isinstance(table, Table)
    blocks: list[SourceBlock] = []
    seen: list[object] = []
    for row in table.rows:
        for cell in row.cells:
            # A merged cell is returned once per grid position; read it once (compared by identity, and
            # kept referenced so lxml keeps handing out the same proxy object).
            if any(cell._tc is element for element in seen):
                continue
            seen.append(cell._tc)
            blocks.extend(SourceBlock(paragraph.text) for paragraph in cell.paragraphs)
    return blocks


def _heading_level(style_name: str | None) -> int | None:
    if not style_name:
        return None
    match = _HEADING_STYLE.match(style_name.strip())
    return int(match.group(1)) if match else None
