"""Turn a parsed document into database rows (content-derived ids) and rows back into plain dataclasses."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from quiz.api.documents import DocumentInfo, SectionInfo, SentenceInfo
from quiz.importing.model import ParsedDocument, ParsedSection, ParsedSentence, RemovedLine
from quiz.storage.base import content_id, utc_now
from quiz.storage.models.documents import Document, Section, Sentence
from quiz.text import fold


def content_hash(parsed: ParsedDocument) -> str:
    """SHA-256 of the cleaned text: the same document has the same hash (and ids) on every PC."""
    return hashlib.sha256(parsed.text.encode("utf-8")).hexdigest()


def add_document(session: Session, parsed: ParsedDocument, source_name: str) -> Document:
    """Add the document, its sections and sentences to ``session`` and return the document row."""
    digest = content_hash(parsed)
    document = Document(
        id=content_id(digest),
        title=parsed.title[:500],
        source_name=source_name[:500],
        imported_at=utc_now(),
        content_hash=digest,
        text=parsed.text,
        removed_lines=[{"line": line.line, "reason": line.reason} for line in parsed.removed_lines],
    )
    sentence_number = 0
    for position, parsed_section in enumerate(parsed.sections):
        section = Section(
            id=content_id(digest, "section", str(position)),
            position=position,
            level=parsed_section.level,
            parent_position=parsed_section.parent,
            title=parsed_section.title[:500],
            start=parsed_section.start,
            end=parsed_section.end,
            text=parsed_section.text,
        )
        for sentence_position, parsed_sentence in enumerate(parsed_section.sentences):
            section.sentences.append(
                Sentence(
                    id=content_id(digest, "sentence", str(sentence_number)),
                    document_id=document.id,
                    position=sentence_position,
                    start=parsed_sentence.start,
                    end=parsed_sentence.end,
                    text=parsed_sentence.text,
                    folded_text=fold(parsed_sentence.text),
                )
            )
            sentence_number += 1
        document.sections.append(section)
    session.add(document)
    return document


def document_info(document: Document, section_count: int) -> DocumentInfo:
    return DocumentInfo(
        id=document.id,
        title=document.title,
        source_name=document.source_name,
        imported_at=document.imported_at,
        content_hash=document.content_hash,
        section_count=section_count,
    )


def section_info(section: Section) -> SectionInfo:
    return SectionInfo(
        id=section.id,
        document_id=section.document_id,
        position=section.position,
        level=section.level,
        parent_position=section.parent_position,
        title=section.title,
        start=section.start,
        end=section.end,
        text=section.text,
    )


def sentence_info(sentence: Sentence) -> SentenceInfo:
    return SentenceInfo(
        id=sentence.id,
        document_id=sentence.document_id,
        section_id=sentence.section_id,
        position=sentence.position,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
    )


def removed_lines(document: Document) -> list[RemovedLine]:
    return [RemovedLine(str(item.get("line", "")), str(item.get("reason", ""))) for item in document.removed_lines]


def parsed_from_database(document: Document) -> ParsedDocument:
    """Rebuild the parsed form of a stored document (sections and sentences with their offsets)."""
    sections = tuple(
        ParsedSection(
            section.title,
            section.level,
            section.parent_position,
            section.start,
            section.end,
            section.text,
            tuple(ParsedSentence(s.start, s.end, s.text) for s in section.sentences),
        )
        for section in document.sections
    )
    return ParsedDocument(document.title, document.text, sections)
