"""Acronyms with the expansion the text gives them: "Chỉ số … cấp tỉnh (PCI)", "PCI (Chỉ số …)", "(PAR Index)"."""

from __future__ import annotations

import re

from quiz.facts.lexicon import UPPER_LETTERS
from quiz.facts.model import Fact, SentenceSpan, fact_at
from quiz.facts.roman import roman_to_int
from quiz.text import fold

_ACRONYM = rf"[{UPPER_LETTERS}][{UPPER_LETTERS}0-9&\-]{{1,9}}(?:\s+[A-Z][a-z]+)?"
_AFTER_EXPANSION = re.compile(rf"\(\s*({_ACRONYM})\s*\)")
_BEFORE_EXPANSION = re.compile(rf"(?<!\w)({_ACRONYM})\s*\(([^()]{{6,120}})\)")
_WORD = re.compile(r"\S+")
_MAX_WORDS = 26


def _is_acronym(text: str) -> bool:
    letters = [character for character in text.split()[0] if character.isalpha()]
    # "(XV)" is an ordinal; "DCI" spells a Roman number too but Party texts only write ordinals with I, V, X, L.
    ordinal = set(text) <= set("IVXL") and roman_to_int(text) > 0
    return len(letters) >= 2 and all(letter.isupper() for letter in letters) and not ordinal


def _initials(acronym: str) -> str:
    return fold("".join(character for character in acronym.split()[0] if character.isalpha()))


def _expansion_before(text: str, paren_start: int, acronym: str) -> tuple[int, int] | None:
    """Where the expansion before "(ACRONYM)" starts and ends, or None when the text gives none."""
    words = list(_WORD.finditer(text[:paren_start]))[-_MAX_WORDS:]
    end = words[-1].end() if words else 0
    initials = _initials(acronym)
    # First choice: as many words as letters whose initials spell the acronym (HĐND = Hội đồng nhân dân).
    if len(words) >= len(initials) > 1:
        tail = words[-len(initials) :]
        if "".join(fold(word.group())[0] for word in tail) == initials:
            return tail[0].start(), end
    # Otherwise back to the nearest capitalised word, not crossing ; : ( or another expansion.
    for index in range(len(words) - 1, -1, -1):
        word = words[index].group()
        if index != len(words) - 1 and any(mark in word for mark in ";:()"):
            return None
        if word[:1].isupper() and len(words) - index >= 3:
            # A start inside a name ("Nam" of "Việt Nam, đóng góp vào chỉ số …") or one that ends a clause
            # ("Tỉnh, …") opens no noun phrase: the text then gives no expansion.
            previous = words[index - 1].group() if index > 0 else ""
            if word.endswith(",") or (previous[:1].isupper() and previous[-1:].isalpha()):
                return None
            # A run of capitalised words only ("Văn Đức (TTXVN)") is a name or a byline, not an expansion.
            if any(other.group()[:1].islower() for other in words[index:]):
                return words[index].start(), end
            return None
    return None


def extract_acronyms(sentence: SentenceSpan) -> list[Fact]:
    """Acronyms whose expansion is written next to them in this sentence; a bare acronym yields nothing."""
    text = sentence.text
    facts: list[Fact] = []
    for match in _AFTER_EXPANSION.finditer(text):
        acronym = match.group(1)
        if not _is_acronym(acronym):
            continue
        found = _expansion_before(text, match.start(), acronym)
        if found is None:
            continue
        expansion = text[found[0] : found[1]].strip(" ,;:")
        if len(expansion.split()) >= 2 and not any(character.isdigit() for character in expansion):
            facts.append(fact_at("acronym", sentence, *match.span(1), expansion=expansion))
    for match in _BEFORE_EXPANSION.finditer(text):
        acronym, expansion = match.group(1), match.group(2).strip()
        if not _is_acronym(acronym) or not expansion[:1].isupper() or len(expansion.split()) < 2:
            continue
        if any(character.isdigit() for character in expansion) or _is_acronym(expansion):
            continue
        facts.append(fact_at("acronym", sentence, *match.span(1), expansion=expansion))
    return facts
