"""Recognise the headings of a resolution text ("QUYẾT NGHỊ", "I-", "1.", "1.2.", "a)", "Điều 3.", caps blocks)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.text import fold

_ROMAN = re.compile(r"^(?P<marker>[IVXLC]{1,6})\s*[.\-–—)]\s*(?=[^\W\d_])")
_NESTED = re.compile(r"^(?P<marker>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)")
_ARABIC = re.compile(r"^(?P<marker>\d{1,2})\s*[.)\-–/]\s*(?=[^\W\d_]|[“\"'(])")
_LETTER = re.compile(r"^(?P<marker>[a-zđ])\s*[).]\s+(?=\S)")
_ARTICLE = re.compile(r"^(?P<marker>Điều\s+\d{1,3})\s*[.:]\s*", re.IGNORECASE)
_CHAPTER = re.compile(
    r"^(?P<marker>(?:chương|phần|mục)\s+(?:[IVXLC]+|\d{1,2}|thứ\s+[^\W\d_]+))\s*[.:\-–]?\s*", re.IGNORECASE
)
_VALID_ROMAN = re.compile(r"^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$")
# The words that, alone on a line, open the decision part of a resolution or conclusion.
DECISION_WORDS = frozenset({"quyet nghi", "quyet dinh", "ket luan", "nghi quyet", "chi thi"})
# A heading's words are few; a longer line is body text that merely starts with a list marker.
_MAXIMUM_HEADING_WORDS = 16
_LONGEST_CAPS_HEADING = 200


@dataclass(frozen=True)
class HeadingMatch:
    """How a line opens a section: its kind (decides nesting), where its words start, and whether the same
    line goes on with body text (``inline``: the title is then derived from that text)."""

    kind: str
    marker: str
    words_start: int
    inline: bool


def match_heading(line: str, style_level: int | None = None) -> HeadingMatch | None:
    """Return how ``line`` (one stripped paragraph) is a heading, or None for body text."""
    if style_level is not None:
        return HeadingMatch(f"style{style_level}", "", 0, inline=False)
    for kind, pattern in (("chapter", _CHAPTER), ("article", _ARTICLE), ("roman", _ROMAN), ("nested", _NESTED)):
        match = pattern.match(line)
        if match and (kind != "roman" or _VALID_ROMAN.match(match.group("marker"))):
            if kind == "nested":
                kind = f"nested{match.group('marker').count('.')}"
            return _with_body_check(kind, match.group("marker"), match.end(), line)
    for kind, pattern in (("arabic", _ARABIC), ("letter", _LETTER)):
        match = pattern.match(line)
        if match:
            return _with_body_check(kind, match.group("marker"), match.end(), line)
    if is_caps_heading(line):
        return HeadingMatch("caps", "", 0, inline=False)
    return None


def _with_body_check(kind: str, marker: str, words_start: int, line: str) -> HeadingMatch:
    rest = line[words_start:].strip()
    words = len(rest.split())
    ends_sentence = rest.endswith((".", ";", "!", "?", "…"))
    inline = words > _MAXIMUM_HEADING_WORDS or (ends_sentence and words > 8) or (kind == "letter" and ends_sentence)
    return HeadingMatch(kind, marker, words_start, inline)


def is_caps_heading(line: str) -> bool:
    """An all-capital line of a few words ("QUYẾT NGHỊ:", "MỤC TIÊU VÀ NHIỆM VỤ") that is not a sentence."""
    if len(line) > _LONGEST_CAPS_HEADING:
        return False
    letters = [character for character in line if character.isalpha()]
    if len(letters) < 4 or any(character.islower() for character in letters):
        return False
    words = line.split()
    return 2 <= len(words) <= 20 or (len(words) == 1 and len(letters) >= 6 and not line.endswith("."))


def is_decision_heading(line: str) -> bool:
    """A structural heading that ends the noisy tail of a web page ("QUYẾT NGHỊ", "I- ...", "Điều 1.")."""
    folded = fold(line).strip(" :.")
    if folded in DECISION_WORDS and line.strip(" :.").isupper():
        return True
    match = match_heading(line)
    return match is not None and match.kind in {"roman", "article", "chapter"}
