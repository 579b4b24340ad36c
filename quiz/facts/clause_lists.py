"""Assessments written as clauses ("còn một số hạn chế, yếu kém. A chưa …; B còn …") read as enumerations."""

from __future__ import annotations

import re

from quiz.facts.enumerations import Group, Item, marker_of
from quiz.importing.model import ParsedDocument

# What an assessment paragraph lists, in the text's words; "còn một số hạn chế" announces the clauses after it.
_WEAKNESSES = (
    "hạn chế, yếu kém", "hạn chế, bất cập", "hạn chế, khuyết điểm", "khó khăn, thách thức", "hạn chế",
    "yếu kém", "khuyết điểm", "tồn tại", "bất cập", "khó khăn", "thách thức",
)  # fmt: skip
_STRENGTHS = ("kết quả", "thành tựu", "ưu điểm")
_ANNOUNCED = re.compile(
    r"(?<!\w)(?:còn|có|bộc lộ|gặp|đạt được|đạt)\s+(?:một số|những|nhiều|các)\s+"
    rf"(?P<noun>{'|'.join(re.escape(noun) for noun in (*_WEAKNESSES, *_STRENGTHS))})(?!\w)",
    re.IGNORECASE,
)
# A clause that says something is missing, late or short ("chưa đáp ứng", "còn thiếu", "chậm đổi mới").
_SHORTFALL = re.compile(r"(?<!\w)(?:chưa|còn|thiếu|chậm|hạn chế|bất cập|yếu|khó khăn|thách thức)(?!\w)", re.I)
_CONTRAST = re.compile(r"(?:tuy nhiên|bên cạnh đó|mặt khác|song|nhưng)\s*,\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")
_CLAUSE_END = re.compile(r";\s*")
MINIMUM_CLAUSES = 3
MAXIMUM_CLAUSES = 10
MINIMUM_CLAUSE_WORDS = 4
# The label a sentence of shortfalls gets when no noun announces it: every clause must say one.
SHORTFALL_LABEL = "hạn chế"


def clause_groups(document: ParsedDocument) -> list[tuple[Group, str]]:
    """Each assessment paragraph's clauses as a group, with its label; lists with markers or a colon are
    read elsewhere."""
    text = document.text
    found: list[tuple[Group, str]] = []
    # The last sentence of the paragraph before, when it announces what follows ("… còn một số hạn chế.").
    announcing: tuple[int, int, int, str] | None = None
    for position, section in enumerate(document.sections):
        offset = section.start
        for line in text[section.start : section.end].split("\n"):
            start, offset = offset, offset + len(line) + 1
            if not line.strip():
                continue
            if ":" in line or marker_of(line) is not None:
                announcing = None
                continue
            sentences = _spans(text, _SENTENCE_END, start, start + len(line))
            groups = _paragraph_groups(text, sentences, position, announcing)
            found.extend(groups)
            # A paragraph ending with "… còn một số hạn chế." announces the next one (a page break between them
            # in a PDF makes them two sections).
            announcing = None if groups else _announcing(text, sentences[-1], position)
    return found


def _announcing(text: str, sentence: tuple[int, int], section: int) -> tuple[int, int, int, str] | None:
    found = _ANNOUNCED.search(text, *sentence)
    if found is None or ";" in text[sentence[0] : sentence[1]]:
        return None
    return sentence[0], sentence[1], section, found.group("noun").lower()


def _paragraph_groups(
    text: str, sentences: list[tuple[int, int]], section: int, announcing: tuple[int, int, int, str] | None
) -> list[tuple[Group, str]]:
    first = _announcing(text, sentences[0], section)
    if first is not None and len(sentences) > 1:
        # "… còn một số hạn chế, yếu kém …. A …; B …. C …": the sentences after the first are the items.
        announcing, sentences = first, sentences[1:]
    if announcing is not None:
        clauses = [clause for sentence in sentences for clause in _clauses(text, sentence)]
        lead_start, lead_end, lead_section, label = announcing
        if _agrees(text, clauses, label in _WEAKNESSES):
            return [(_group((lead_start, lead_end), lead_section, clauses, section), label)]
    for sentence in sentences:
        clauses = _clauses(text, sentence)
        if len(clauses) >= MINIMUM_CLAUSES and all(_SHORTFALL.search(text, *clause) for clause in clauses):
            # "Tuy nhiên, A còn chậm; B chưa …; C còn thiếu": shortfalls the sentence does not name.
            return [(_group((sentence[0], clauses[0][0]), section, clauses, section), SHORTFALL_LABEL)]
    return []


def _agrees(text: str, clauses: list[tuple[int, int]], weaknesses: bool) -> bool:
    """The clauses are what the noun says: shortfalls after "hạn chế", achievements after "kết quả"."""
    if not MINIMUM_CLAUSES <= len(clauses) <= MAXIMUM_CLAUSES:
        return False
    shortfalls = sum(1 for clause in clauses if _SHORTFALL.search(text, *clause))
    return shortfalls * 3 >= len(clauses) * 2 if weaknesses else shortfalls * 3 <= len(clauses)


def _group(lead: tuple[int, int], lead_section: int, clauses: list[tuple[int, int]], section: int) -> Group:
    items = tuple(Item(start, end, section, rank) for rank, (start, end) in enumerate(clauses, start=1))
    return Group(lead[0], lead[1], lead_section, items, False, "clauses")


def _spans(text: str, separator: re.Pattern[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    for found in separator.finditer(text, start, end):
        spans.append((position, found.start()))
        position = found.end()
    spans.append((position, end))
    return spans


def _clauses(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The ";"-separated clauses of a sentence, trimmed, without an opening "Tuy nhiên,"; empty when one is
    too short to stand alone."""
    clauses: list[tuple[int, int]] = []
    for start, end in _spans(text, _CLAUSE_END, *sentence):
        contrast = _CONTRAST.match(text, start)
        start = contrast.end() if contrast else start
        while end > start and text[end - 1] in " .;,":
            end -= 1
        if len(text[start:end].split()) < MINIMUM_CLAUSE_WORDS:
            return []
        clauses.append((start, end))
    return clauses
