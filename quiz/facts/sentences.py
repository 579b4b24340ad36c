"""Sentences of a parsed document as the generator reads them, repairing splits inside numbers and abbreviations."""

from __future__ import annotations

import re

from quiz.facts.model import SentenceSpan
from quiz.importing.model import ParsedDocument

# A real sentence ends with . ! ? … and the next one starts with a capital or a quote; a split before a
# digit or a lower-case word (a splitter that broke "23.000" or "TP. Hạ Long") is joined back.
_LOWER_OR_DIGIT_START = re.compile(r"[^\W_]")


def _continues(document_text: str, previous_end: int, next_start: int) -> bool:
    gap = document_text[previous_end:next_start]
    if "\n" in gap:
        return False
    first = document_text[next_start : next_start + 1]
    if not first or not _LOWER_OR_DIGIT_START.match(first):
        return False
    return first.isdigit() or first.islower()


def document_sentences(document: ParsedDocument) -> list[SentenceSpan]:
    """Every sentence of every section, in document order, with absolute offsets into ``document.text``."""
    spans: list[SentenceSpan] = []
    text = document.text
    for position, section in enumerate(document.sections):
        merged: list[list[int]] = []
        for sentence in section.sentences:
            start, end = sentence.start, sentence.end
            # Trim outer whitespace so offsets point at the first and last character.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            if merged and _continues(text, merged[-1][1], start):
                merged[-1][1] = end
            else:
                merged.append([start, end])
        path = section_path(document, position)
        lead_in = ""
        for start, end in merged:
            sentence_text = text[start:end]
            spans.append(SentenceSpan(position, section.title, start, end, sentence_text, path, lead_in))
            if sentence_text.endswith(":"):
                lead_in = sentence_text
    return spans


def section_path(document: ParsedDocument, position: int) -> tuple[str, ...]:
    """Titles of the section at ``position`` and its ancestors, the top level first."""
    titles: list[str] = []
    current: int | None = position
    while current is not None and len(titles) <= len(document.sections):
        titles.insert(0, document.sections[current].title)
        current = document.sections[current].parent
    return tuple(titles)
