"""What the reader shows, gathered from the facade: a document's text, its sections and the facts' sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gui.reader_text import HeadingSpan
from quiz.service import Service
from quiz.text import fold


@dataclass(frozen=True)
class ReaderSection:
    id: str
    document_id: str
    title: str
    level: int
    parent_id: str | None
    # Body offsets in the document text; the heading (when found in the text) starts at heading_start.
    start: int
    end: int
    heading_start: int


@dataclass(frozen=True)
class ReaderContent:
    document_id: str
    title: str
    text: str
    sections: tuple[ReaderSection, ...]
    headings: tuple[HeadingSpan, ...]
    facts: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SectionInput:
    id: str
    title: str
    level: int
    parent_id: str | None
    start: int
    end: int


def build_content(
    document_id: str, title: str, text: str, sections: Sequence[SectionInput], facts: Sequence[tuple[int, int]]
) -> ReaderContent:
    """Find each section's heading line in the gap before its body, so it can be drawn as a heading."""
    folded = fold(text)
    built: list[ReaderSection] = []
    headings: list[HeadingSpan] = []
    boundary = 0
    for section in sections:
        heading = _heading_line(text, folded, section, min(boundary, section.start))
        heading_start = section.start
        if heading is not None:
            heading_start = heading[0]
            headings.append(HeadingSpan(heading[0], heading[1], section.level))
        built.append(
            ReaderSection(
                section.id,
                document_id,
                section.title,
                section.level,
                section.parent_id,
                section.start,
                section.end,
                heading_start,
            )
        )
        # The next heading lies after this body's start (nested sections may not end before their children).
        boundary = section.start
    spans = tuple(sorted({(start, end) for start, end in facts if 0 <= start < end <= len(text)}))
    return ReaderContent(document_id, title, text, tuple(built), tuple(headings), spans)


def _heading_line(text: str, folded: str, section: SectionInput, gap_start: int) -> tuple[int, int] | None:
    """The whole line in [gap_start, section.start) that begins with the section's title, if any."""
    title = fold(section.title).strip()
    if not title:
        return None
    found = folded.rfind(title, gap_start, section.start)
    if found < 0:
        return None
    line_start = text.rfind("\n", 0, found) + 1
    line_end = text.find("\n", found)
    if line_end < 0 or line_end > section.start:
        line_end = section.start
    if line_start < gap_start or folded[line_start:found].strip(" -–.:0123456789IVXivx"):
        return None
    return line_start, line_end


def list_documents(service: Service) -> list[tuple[str, str]]:
    """(id, title) of every document, in the facade's order (oldest import first)."""
    return [(document.id, document.title) for document in service.documents.list_documents()]


def load_content(service: Service, document_id: str) -> ReaderContent:
    info = service.documents.get(document_id)
    text = service.documents.document_text(document_id)
    sections = service.documents.sections(document_id)
    ids_by_position = {section.position: section.id for section in sections}
    inputs = [
        SectionInput(
            section.id,
            section.title,
            section.level,
            ids_by_position.get(section.parent_position) if section.parent_position is not None else None,
            section.start,
            section.end,
        )
        for section in sections
    ]
    return build_content(document_id, info.title, text, inputs, fact_spans(service, document_id))


def fact_spans(service: Service, document_id: str) -> list[tuple[int, int]]:
    """The sentences the enabled questions ask about (subtly marked in the text)."""
    return service.bank.fact_sentence_spans(document_id)
