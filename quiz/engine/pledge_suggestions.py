"""Commitment suggestions drawn from a document's targets, tasks and solutions (any resolution text)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quiz.engine.pledge_content import CommitmentSuggestion
from quiz.text import fold

# Folded words that open a task, a target or a solution in Vietnamese resolutions.
TASK_WORDS = ("phan dau", "nhiem vu", "giai phap", "tap trung", "day manh", "nang cao", "thuc hien tot")
MIN_WORDS = 5
MAX_CHARACTERS = 400

_LEADING_MARKER = re.compile(r"^\s*(?:[-–•*+]|\d+[.)]|[a-zđ][.)]|[IVXLC]+\.)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class CandidateSentence:
    text: str
    section_id: str | None
    # From a question about a target or a list (already judged a fact by the generator): ranked first.
    from_question: bool


def has_task_words(text: str) -> bool:
    folded = fold(text)
    return any(re.search(rf"(?<![^\W_]){word}(?![^\W_])", folded) for word in TASK_WORDS)


def commitment_text(sentence: str) -> str:
    """The sentence as a table row: no list marker, no closing full stop, a capital first letter."""
    text = _LEADING_MARKER.sub("", sentence.strip()).rstrip(" .;:")
    return text[:1].upper() + text[1:]


def suggest(candidates: Iterable[CandidateSentence], limit: int = 20) -> list[CommitmentSuggestion]:
    """Question-backed sentences first, then task sentences, in document order; no near-duplicates."""
    ordered = sorted(enumerate(candidates), key=lambda pair: (not pair[1].from_question, pair[0]))
    seen: set[str] = set()
    suggestions: list[CommitmentSuggestion] = []
    for _, candidate in ordered:
        content = commitment_text(candidate.text)
        key = " ".join(re.findall(r"[^\W_]+", fold(content)))
        usable = len(key.split()) >= MIN_WORDS and len(content) <= MAX_CHARACTERS
        if not usable or key in seen:
            continue
        seen.add(key)
        suggestions.append(CommitmentSuggestion(content, candidate.text, candidate.section_id))
        if len(suggestions) >= limit:
            break
    return suggestions
