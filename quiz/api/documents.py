"""Plain, frozen views of stored documents, sections and sentences handed to the GUI and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The files the import reads (quiz.importing.readers); the window's file dialog offers the same.
SUPPORTED_EXTENSIONS = (".txt", ".docx", ".pdf", ".html", ".htm")
# ``documents.import_file`` reports progress as a share of the work: below this share it only reads and parses
# (stopping loses nothing); from it on the document is being stored, so a cancel must wait for the end.
PARSED_FRACTION = 0.5


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    title: str
    source_name: str
    imported_at: dt.datetime
    content_hash: str
    section_count: int


@dataclass(frozen=True)
class SectionInfo:
    id: str
    document_id: str
    position: int
    level: int
    # Position of the parent section, None at the top level.
    parent_position: int | None
    title: str
    # Offsets of the section body in the document text: document_text[start:end] == text.
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentenceInfo:
    id: str
    document_id: str
    section_id: str
    position: int
    start: int
    end: int
    text: str
