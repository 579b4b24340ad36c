"""Split a paragraph into sentences, respecting Vietnamese abbreviations, numbers, quotes and parentheses."""

from __future__ import annotations

import re

from quiz.importing.model import ParsedSentence
from quiz.importing.words import ABBREVIATIONS

# A terminator run ("." "?!" "..." "…"), any closing quotes/brackets after it, then the space before the next.
_CANDIDATE = re.compile(r"[.!?…]+[”\"’')\]»]*(?=\s)")
_OPENERS = {"(": ")", "[": "]", "“": "”", "«": "»"}
_CLOSERS = {closer: opener for opener, closer in _OPENERS.items()}


def split_sentences(paragraph: str, offset: int = 0) -> list[ParsedSentence]:
    """Sentences of ``paragraph`` (one line of text) with offsets shifted by ``offset``; no empty sentence."""
    depths = _DepthTracker(paragraph)
    boundaries = [match.end() for match in _CANDIDATE.finditer(paragraph) if _is_boundary(paragraph, match, depths)]
    sentences: list[ParsedSentence] = []
    start = 0
    for end in [*boundaries, len(paragraph)]:
        piece = paragraph[start:end]
        stripped_start = start + len(piece) - len(piece.lstrip())
        stripped_end = end - (len(piece) - len(piece.rstrip()))
        if stripped_end > stripped_start:
            text = paragraph[stripped_start:stripped_end]
            sentences.append(ParsedSentence(offset + stripped_start, offset + stripped_end, text))
        start = end
    return sentences


# Only a few characters around a candidate decide; slicing the whole rest would make a long line quadratic.
_WINDOW = 200


def _is_boundary(paragraph: str, match: re.Match[str], depths: _DepthTracker) -> bool:
    following = paragraph[match.end() : match.end() + _WINDOW].lstrip()
    if not following or not _opens_sentence(following[0]):
        return False
    if depths.depth_at(match.end()) > 0:
        return False
    terminator = match.group().rstrip("”\"’')]»")
    if terminator != ".":
        return True
    before = paragraph[max(0, match.start() - _WINDOW) : match.start()]
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("(“\"'[")
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Nguyễn V. An", "P. Hồng Gai"
    lowered = word.lower()
    if lowered in {"v.v", "vv"}:
        return True  # "v.v." closes a list; a capital after it starts a new sentence
    parts = [part for part in lowered.split(".") if part]
    dotted = len(parts) > 1 and all(len(part) <= 3 for part in parts)  # "Th.S", "PGS.TS"
    return not (parts and (dotted or all(part in ABBREVIATIONS for part in parts)))


def _opens_sentence(character: str) -> bool:
    return character.isupper() or character.isdigit() or character in "“\"'(«[-–—•"


class _DepthTracker:
    """How many brackets/curly quotes are open at a position, scanning forward once per paragraph.

    A kind that is unbalanced in the paragraph is ignored: a stray quote must not glue the rest of the
    paragraph into one sentence.
    """

    def __init__(self, paragraph: str) -> None:
        self._paragraph = paragraph
        self._balanced = {
            opener for opener, closer in _OPENERS.items() if paragraph.count(opener) == paragraph.count(closer)
        }
        self._straight_quotes = paragraph.count('"') % 2 == 0
        self._position = 0
        self._depth = 0
        self._straight_open = False

    def depth_at(self, position: int) -> int:
        """Positions must be asked in increasing order."""
        for character in self._paragraph[self._position : position]:
            if character in _OPENERS and character in self._balanced:
                self._depth += 1
            elif character in _CLOSERS and _CLOSERS[character] in self._balanced:
                self._depth = max(0, self._depth - 1)
            elif character == '"' and self._straight_quotes:
                self._straight_open = not self._straight_open
        self._position = max(self._position, position)
        return self._depth + (1 if self._straight_open else 0)
