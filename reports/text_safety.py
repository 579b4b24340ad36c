"""Text made printable before layout: NFC (so accents sit on their letters) and a marker for what cannot print."""

from __future__ import annotations

import functools
import unicodedata

from reports import fonts

# Drawn where the font has no glyph (emoji, Arabic, Chinese, ...) or where the PDF would print a right-to-left
# script backwards (Hebrew): one box per run, so the reader sees that something was there.
UNSUPPORTED_MARKER = "□"
_KEPT_CONTROLS = frozenset("\n\t")


@functools.cache
def covered_code_points(face: str = fonts.REGULAR) -> frozenset[int]:
    """The characters ``face`` has a glyph for (its cmap)."""
    from reportlab.pdfbase import pdfmetrics

    fonts.register_fonts()
    return frozenset(pdfmetrics.getFont(face).face.charToGlyph)


def printable(text: str, face: str = fonts.REGULAR) -> str:
    """``text`` in NFC, each run of characters the PDF cannot show correctly replaced by one marker."""
    covered = covered_code_points(face)
    pieces: list[str] = []
    in_run = False
    for character in unicodedata.normalize("NFC", text):
        if character in _KEPT_CONTROLS:
            pieces.append(character)
            in_run = False
        elif _invisible(character):
            # Joiners, variation selectors and stray controls print nothing; inside a run they stay part of it.
            continue
        elif ord(character) in covered and not _right_to_left(character):
            pieces.append(character)
            in_run = False
        elif not in_run:
            pieces.append(UNSUPPORTED_MARKER)
            in_run = True
    return "".join(pieces)


def _right_to_left(character: str) -> bool:
    # reportlab lays every line out left to right: Hebrew or Arabic would come out reversed.
    return unicodedata.bidirectional(character) in ("R", "AL")


def _invisible(character: str) -> bool:
    category = unicodedata.category(character)
    return category in ("Cc", "Cf") or "\ufe00" <= character <= "\ufe0f"
