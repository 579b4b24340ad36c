"""Provisional parser (to be replaced by the foundation issue): paragraphs become sections."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.importing.model import ParsedDocument, ParsedSection, ParsedSentence
from quiz.text import normalise_document_text


def parse_text(raw_text: str, source_name: str = "") -> ParsedDocument:
    """Parse already-decoded text into a document with sections and sentences (offsets into its text)."""
    text = normalise_document_text(raw_text).strip()
    sections: list[ParsedSection] = []
    title = text.split("\n", 1)[0] if text else source_name
    for match in re.finditer(r"[^\n]+", text):
        sentences = tuple(
            ParsedSentence(match.start() + part.start(), match.start() + part.end(), part.group())
            for part in re.finditer(r"[^.!?]+[.!?]?", match.group())
            if part.group().strip()
        )
        sections.append(
            ParsedSection(match.group()[:40], 1, None, match.start(), match.end(), match.group(), sentences)
        )
    return ParsedDocument(title=title, text=text, sections=tuple(sections))


def parse_file(path: Path) -> ParsedDocument:
    return parse_text(path.read_text(encoding="utf-8"), path.name)
