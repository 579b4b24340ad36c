"""Plain results of the study area: section progress, bookmarks, notes, search hits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionProgressInfo:
    """One section as one member has studied it (a section never opened has zeros)."""

    section_id: str
    document_id: str
    position: int
    title: str
    opened: bool
    opened_at: dt.datetime | None
    reading_seconds: int
    studied: bool
    studied_at: dt.datetime | None
    bookmarked: bool
    has_note: bool


@dataclass(frozen=True)
class SearchHit:
    """A sentence matching a search; ``start``/``end`` are its offsets in the document text and
    ``highlights`` are spans in ``text`` (add ``start`` for document offsets)."""

    document_id: str
    section_id: str
    section_title: str
    sentence_id: str
    start: int
    end: int
    text: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ReviewCardInfo:
    """One fact to review: when it is due, how it went so far, and the sentence it comes from."""

    fact_key: str
    question_id: str | None
    sentence: str
    prompt: str
    due: dt.datetime
    state: str
    reviews: int
    lapses: int
    last_review: dt.datetime | None
