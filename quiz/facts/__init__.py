"""Typed facts (numbers, dates, persons, acronyms, lists, …) extracted from a document with their provenance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.facts.model import Fact

if TYPE_CHECKING:
    from quiz.importing.model import ParsedDocument


def extract_facts(document: ParsedDocument) -> list[Fact]:
    """Every fact of ``document``; the extractors (word lists, many patterns) load on the first call only."""
    from quiz.facts.extract import extract_facts as extract

    return extract(document)


__all__ = ["Fact", "extract_facts"]
