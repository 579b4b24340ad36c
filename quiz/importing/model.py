"""Plain results of parsing a document; every offset is into ``ParsedDocument.text`` (cleaned, NFC)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.errors import UserError


class ImportRefused(UserError):
    """A file that cannot be imported; the message is one clear Vietnamese sentence for the user."""


@dataclass(frozen=True)
class SourceBlock:
    """Raw text as a reader found it: a whole .txt file, a .docx paragraph or a PDF page."""

    text: str
    # The outline level of a .docx heading style (1 = "Heading 1"); None for body text.
    heading_level: int | None = None


@dataclass(frozen=True)
class ParsedSentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ParsedSection:
    title: str
    level: int
    # Position of the parent section in ``ParsedDocument.sections``, None at the top level.
    parent: int | None
    start: int
    end: int
    text: str
    sentences: tuple[ParsedSentence, ...]


@dataclass(frozen=True)
class RemovedLine:
    """A line the importer dropped as page noise, with the reason shown to the admin (Vietnamese)."""

    line: str
    reason: str


@dataclass(frozen=True)
class ParsedDocument:
    title: str
    text: str
    sections: tuple[ParsedSection, ...]
    removed_lines: tuple[RemovedLine, ...] = field(default=())
    source_name: str = ""
    # How the file was read ("utf-8", "cp1258", "utf-16-le-bom", "docx", "pdf"); "" for pasted text.
    encoding: str = ""
