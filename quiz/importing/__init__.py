"""Document import: read files in any encoding or format, strip page noise, split sections and sentences."""

from quiz.importing.model import ImportRefused, ParsedDocument, ParsedSection, ParsedSentence, RemovedLine
from quiz.importing.pipeline import parse_file, parse_text, read_document_text

__all__ = [
    "ImportRefused",
    "ParsedDocument",
    "ParsedSection",
    "ParsedSentence",
    "RemovedLine",
    "parse_file",
    "parse_text",
    "read_document_text",
]
