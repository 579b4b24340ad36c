"""Vietnamese text normalisation: NFC storage form, tone-placement unification and folding for matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks (the five Vietnamese tones); other marks (circumflex, breve, horn) are vowel quality.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

# Old-style placement puts the tone on the first vowel of "oa", "oe", "uy" in an open syllable
# ("hòa", "thủy"); the new style puts it on the second ("hoà", "thuỷ"). NFC keeps both distinct, so we
# move the tone to the second vowel. "qu" is a consonant cluster, so "quý" is never touched.
_OLD_STYLE_TONE = re.compile(
    rf"(?<![qQ])([oO])([{TONE_MARKS}])([aAeE])(?![^\W\d_])"
    rf"|(?<![qQ])([uU])([{TONE_MARKS}])([yY])(?![^\W\d_])"
)
_WHITESPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_DIGIT_GROUP_SEPARATOR = re.compile(r"(?<=\d)[.\s](?=\d{3}(?!\d))")
_SPACES = re.compile(r"\s+")


def to_nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stored string uses."""
    return unicodedata.normalize("NFC", text)


def unify_tone_placement(text: str) -> str:
    """Return ``text`` (NFC) with old-style tone placement moved to the new style (hòa → hoà)."""
    decomposed = unicodedata.normalize("NFD", text)

    def move_tone(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1) + match.group(3) + match.group(2)
        return match.group(4) + match.group(6) + match.group(5)

    return unicodedata.normalize("NFC", _OLD_STYLE_TONE.sub(move_tone, decomposed))


def strip_marks(text: str) -> str:
    """Remove every combining mark and map đ/Đ to d/D ("đảng" → "dang")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def fold(text: str) -> str:
    """Fold for matching and search: NFC, one tone style, đ→d, no marks, casefolded.

    The result has exactly one character per character of the NFC input, so offsets found in the folded
    text are valid in the original. Short strings (options, titles, stems) are remembered: generation folds
    the same ones many times.
    """
    return _fold_remembered(text) if len(text) <= REMEMBERED_CHARACTERS else _fold(text)


# Strings up to this length are kept by fold's cache; longer ones (whole documents) are folded each time.
REMEMBERED_CHARACTERS = 400


@lru_cache(maxsize=1 << 16)
def _fold_remembered(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    # Tone placement needs no unifying here: the marks it moves are all removed, so each character of the
    # NFC text folds on its own (the table remembers every character once).
    return to_nfc(text).translate(_fold_table())


class _FoldTable(dict[int, str]):
    """Code point → its folded character, filled the first time ``str.translate`` meets a character."""

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        self[code] = folded
        return folded


@lru_cache(maxsize=1)
def _fold_table() -> _FoldTable:
    return _FoldTable()


def _fold_character(character: str) -> str:
    """One character folded to one character: marks and đ removed, casefolded (a longer result keeps it lower)."""
    folded = strip_marks(character).casefold()
    return folded if len(folded) == 1 else character.lower()


def unify_whitespace(text: str) -> str:
    """Unify line breaks to "\\n", runs of spaces to one space, and trim every line."""
    lines = _LINE_BREAKS.sub("\n", text).split("\n")
    return "\n".join(_WHITESPACE_RUN.sub(" ", line).strip() for line in lines)


def normalise_document_text(text: str) -> str:
    """The storage form of imported text: NFC with unified whitespace (NFD input gives identical output)."""
    return unify_whitespace(to_nfc(text.replace("\ufeff", "")))


def fold_answer(text: str) -> str:
    """Fold a typed answer for comparison: folded, digit-group separators and outer punctuation removed."""
    folded = fold(text).strip()
    folded = _DIGIT_GROUP_SEPARATOR.sub("", folded)
    folded = _SPACES.sub(" ", folded)
    return folded.strip(" .,;:!?\"'“”‘’()")


def name_sort_key(full_name: str, folded_name: str | None = None) -> tuple[str, str, str, str]:
    """Vietnamese lists sort by the given name (the last word), unmarked first (Anh before Ánh), then the rest.

    Pass the stored ``folded_name`` to skip folding again (long lists are sorted on every keystroke).
    """
    folded = fold(full_name) if folded_name is None else folded_name
    given = full_name.rsplit(" ", 1)[-1].lower()
    return (folded.rsplit(" ", 1)[-1], given, folded, full_name.lower())
