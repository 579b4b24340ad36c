"""Plain results of parsing a document; every offset is into ``ParsedDocument.text`` (cleaned, NFC)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.errors import UserError


class ImportRefused(UserError):
    """A file that cannot be imported; the message is one clear Vietnamese sentence for the user."""


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
    line: str
    reason: str


@dataclass(frozen=True)
class ParsedDocument:
    title: str
    text: str
    sections: tuple[ParsedSection, ...]
    removed_lines: tuple[RemovedLine, ...] = field(default=())
