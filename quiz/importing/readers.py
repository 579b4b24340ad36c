"""Read .txt, .docx and text .pdf files into blocks of raw text (with heading hints where the format has them)."""

from __future__ import annotations

from pathlib import Path

from quiz.api.documents import SUPPORTED_EXTENSIONS
from quiz.importing import refusals
from quiz.importing.docx_reader import read_docx
from quiz.importing.encoding import decode_text_bytes, readable_file_name
from quiz.importing.html_text import html_to_text, looks_like_html
from quiz.importing.model import ImportRefused, SourceBlock
from quiz.importing.pdf_reader import read_pdf_blocks


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
        return read_docx(data), "docx"
    return read_pdf_blocks(data), "pdf"


def read_checked_bytes(path: Path) -> bytes:
    """The file's bytes after the checks every format shares: exists, supported, not too big, readable."""
    name = readable_file_name(path)
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
