"""Import pipeline: read and decode a file, normalise, strip page noise, then split sections and sentences."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.importing import refusals
from quiz.importing.encoding import readable_file_name
from quiz.importing.header import find_title
from quiz.importing.model import ImportRefused, ParsedDocument, SourceBlock
from quiz.importing.noise import strip_noise
from quiz.importing.readers import read_blocks
from quiz.importing.sections import Paragraph, build_sections
from quiz.text import normalise_document_text

PARAGRAPH_SEPARATOR = "\n\n"
# A line that starts a list item never continues the line before it, even in lower case ("a) tăng ...").
_LIST_ITEM = re.compile(r"^(?:[-–+•*]|[a-zđ]\s*[).]|\d{1,2}\s*[.)])\s")
_LINE_END = '.!?:;…”")'


def parse_text(raw_text: str, source_name: str = "") -> ParsedDocument:
    """Parse already-decoded text into a document with sections and sentences (offsets into its text)."""
    return parse_blocks([SourceBlock(raw_text)], source_name)


def parse_file(path: Path) -> ParsedDocument:
    """Read, decode and parse ``path`` (.txt, .docx, .pdf); raise ImportRefused with a Vietnamese message."""
    blocks, encoding = read_blocks(path)
    return parse_blocks(blocks, readable_file_name(path), encoding)


def read_document_text(path: Path) -> str:
    """The decoded text of ``path`` (NFC, unified whitespace), before noise stripping and sectioning."""
    blocks, _ = read_blocks(path)
    return "\n".join(normalise_document_text(block.text) for block in blocks).strip()


def parse_blocks(blocks: list[SourceBlock], source_name: str = "", encoding: str = "") -> ParsedDocument:
    """Parse reader output: the cleaned text is the kept paragraphs joined by blank lines."""
    if sum(len(block.text) for block in blocks) > refusals.MAXIMUM_TEXT_CHARACTERS:
        raise ImportRefused(refusals.TOO_LONG)
    lines: list[str] = []
    style_levels: list[int | None] = []
    for block in blocks:
        normalised = normalise_document_text(block.text)
        if block.heading_level is not None:
            block_lines = [" ".join(normalised.split())]
        else:
            block_lines = join_continuation_lines(normalised.split("\n"))
        for line in block_lines:
            if line:
                lines.append(line)
                style_levels.append(block.heading_level)
    if not lines:
        raise ImportRefused(refusals.EMPTY_FILE)
    protected = frozenset(index for index, level in enumerate(style_levels) if level is not None)
    kept, removed = strip_noise(lines, protected)
    if not kept:
        raise ImportRefused(refusals.NOTHING_LEFT)
    paragraphs: list[Paragraph] = []
    position = 0
    for index in kept:
        paragraphs.append(Paragraph(position, position + len(lines[index]), lines[index], style_levels[index]))
        position += len(lines[index]) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(lines[index] for index in kept)
    title, header_count = find_title([paragraph.text for paragraph in paragraphs])
    body = paragraphs[header_count:] or paragraphs
    return ParsedDocument(
        title=title or Path(source_name).stem,
        text=text,
        sections=build_sections(text, body),
        removed_lines=tuple(removed),
        source_name=source_name,
        encoding=encoding,
    )


def join_continuation_lines(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped lines: a line that starts in lower case continues the one right before it."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        # A capital line is a title block; its lower-case subject line ("về ...") stays a line of its own.
        continues = bool(previous) and not previous.isupper() and not previous.endswith(tuple(_LINE_END))
        if continues and line and line[0].islower() and not _LIST_ITEM.match(line):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined
