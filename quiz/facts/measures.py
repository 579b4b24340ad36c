"""Measures: the opening clause of each paragraph under a numbered task, with the task it belongs to."""

from __future__ import annotations

import re
from collections import defaultdict

from quiz.facts.enumerations import marker_of
from quiz.facts.model import Fact, SentenceSpan
from quiz.facts.structure import label_length
from quiz.importing.model import ParsedDocument
from quiz.text import fold

# A task's own heading is its label; the paragraphs under it say how ("Tập trung đầu tư …", "Có chính sách …").
MEASURES_PER_ITEM = 2
# Options are the group's item labels: four of them at least, or the question has too few real options.
MINIMUM_ITEMS = 4
SHORTEST_WORDS = 6
LONGEST_WORDS = 22
# A measure that repeats its task's words gives the answer away.
MOST_SHARED = 0.5
_WHO = re.compile(r"(?:các|những|mỗi|mọi)\s", re.IGNORECASE)


def extract_measures(document: ParsedDocument, structure: list[Fact]) -> list[Fact]:
    """For groups whose items are sections of their own (numbered tasks), the first clause of the first few
    paragraphs of each item's body, as facts of kind ``measure``; ``count`` is the item's position."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in structure:
        if fact.value:
            groups[dict(fact.extra)["group"] + "|" + fact.head].append(fact)
    measures: list[Fact] = []
    for key, items in groups.items():
        sections = {fact.sentence.section for fact in items}
        if len(items) < MINIMUM_ITEMS or len(sections) != len(items):
            continue
        for item in items:
            measures.extend(_measures(document, item, key))
    return measures


def _measures(document: ParsedDocument, item: Fact, key: str) -> list[Fact]:
    section = document.sections[item.sentence.section]
    text = document.text
    found: list[Fact] = []
    for sentence in section.sentences:
        start = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
        opens_paragraph = start == section.start or text[max(start - 1, 0)] == "\n"
        if not opens_paragraph or start <= item.start < sentence.end:
            continue
        end = sentence.start + len(sentence.text.rstrip())
        marker = marker_of(text[start:end])
        while marker is not None and start < end:
            # "- (1) Sửa đổi …": every marker goes.
            start += marker[2]
            marker = marker_of(text[start:end])
        length = label_length(text[start:end])
        answer = text[start : start + length]
        if not SHORTEST_WORDS <= len(answer.split()) <= LONGEST_WORDS or _shared(answer, item.answer) > MOST_SHARED:
            continue
        if _WHO.match(answer):
            # "Các cấp uỷ, tổ chức đảng, cán bộ …" names who acts; cut short it says nothing of the measure.
            continue
        path = item.sentence.section_path
        span = SentenceSpan(item.sentence.section, section.title, start, end, text[start:end], path)
        found.append(
            Fact(
                "measure", answer, start, start + length, span, subject=item.subject, head=item.head,
                items=item.items, count=int(item.value or 0), extra=(("group", key), *item.extra[1:]),
            )
        )  # fmt: skip
        if len(found) == MEASURES_PER_ITEM:
            break
    return found


def _shared(text: str, other: str) -> float:
    words, others = set(fold(text).split()), set(fold(other).split())
    return len(words & others) / max(min(len(words), len(others)), 1)
