"""Shipped word lists (surnames, titles, administrative prefixes, units) and the patterns built from them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from resources import read_lines

# Every upper-case Latin letter Vietnamese uses (A–Z, Đ and the precomposed vowels with marks).
UPPER_LETTERS = "".join(
    character
    for character in map(chr, range(0x41, 0x1EFF))
    if character.isalpha() and character.isupper() and "LATIN" in unicodedata.name(character, "")
)
LOWER_LETTERS = "".join(
    character
    for character in map(chr, range(0x61, 0x1EFF))
    if character.isalpha() and character.islower() and "LATIN" in unicodedata.name(character, "")
)
# A capitalised syllable ("Nguyễn") and a lower-case one ("tỉnh").
CAPITALISED = rf"[{UPPER_LETTERS}][{LOWER_LETTERS}]*"
LOWER_WORD = rf"[{LOWER_LETTERS}]+"
# The most frequent surnames (the head of resources/data/surnames.txt): when a run of capitalised words has one
# inside, the name starts there.
COMMON_SURNAME_COUNT = 20
COMMON_SURNAMES = frozenset(read_lines("data/surnames.txt")[:COMMON_SURNAME_COUNT])


@dataclass(frozen=True)
class Lexicon:
    surnames: frozenset[str]
    titles: tuple[str, ...]
    title_pattern: re.Pattern[str]
    admin_prefixes: tuple[str, ...]
    units: tuple[str, ...]
    unit_pattern: re.Pattern[str]
    middle_names: tuple[str, ...]
    given_names: tuple[str, ...]
    acronyms: tuple[tuple[str, str], ...]


def _alternation(words: list[str]) -> str:
    ordered = sorted({word for word in words}, key=len, reverse=True)
    return "|".join(re.escape(word) for word in ordered)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists, read once from ``resources/data``."""
    titles = read_lines("data/titles.txt")
    units = read_lines("data/units.txt")
    acronym_lines = read_lines("data/acronyms.txt")
    # Titles match in either tone style and any case of the head ("Bí Thư"); the list keeps one spelling.
    title_pattern = re.compile(rf"(?<!\w)(?:{_alternation(titles)})(?!\w)", re.IGNORECASE)
    unit_pattern = re.compile(rf"(?:{_alternation(units)})(?![\w])", re.IGNORECASE)
    return Lexicon(
        surnames=frozenset(read_lines("data/surnames.txt")),
        titles=tuple(sorted(titles, key=len, reverse=True)),
        title_pattern=title_pattern,
        admin_prefixes=tuple(read_lines("data/administrative_prefixes.txt")),
        units=tuple(sorted(units, key=len, reverse=True)),
        unit_pattern=unit_pattern,
        middle_names=tuple(read_lines("data/middle_names.txt")),
        given_names=tuple(read_lines("data/given_names.txt")),
        acronyms=tuple(
            (acronym.strip(), expansion.strip())
            for acronym, _, expansion in (line.partition("|") for line in acronym_lines)
        ),
    )
