"""Decode the bytes of a text file in whatever encoding a Vietnamese office uses (detected, never asked)."""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

from quiz.importing.model import ImportRefused
from quiz.importing.refusals import BINARY_FILE, EMPTY_FILE, LEGACY_TCVN3, LEGACY_VNI, NOT_TEXT, UNREADABLE

_BASE_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
# Every lower- and upper-case Vietnamese letter that is not plain ASCII (ạ, Ư, đ, ...), precomposed.
VIETNAMESE_LETTERS = frozenset(
    variant
    for vowel in _BASE_VOWELS
    for tone in _TONES
    for variant in (unicodedata.normalize("NFC", vowel + tone), unicodedata.normalize("NFC", vowel + tone).upper())
    if not variant.isascii()
) | frozenset("đĐ")
# Typography that legitimately appears in office documents besides letters.
_TYPOGRAPHY = frozenset("“”‘’–—…•·°§«»×±€\u00a0²³½¼¾µ")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of files that are surely not text (images, archives, executables, PDFs, old Word files).
_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF",
    b"PK\x03\x04",
    b"%PDF",
    b"\x7fELF",
    b"MZ",
    b"\xd0\xcf\x11\xe0",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\x1f\x8b",
)
# VNI writes a vowel followed by a separate mark byte; read as cp1252 this gives pairs like "aø", "eä", "où".
_VNI_PAIR = re.compile(r"[aeiouyAEIOUY][øùûõïàáåãäâêéèëüúÙØÛÕÏÀÁÅÃÄÂÊÉÈËÜÚ]")
# TCVN3 (ABC) stores precomposed letters on symbol bytes: "§" (Đ), "®" (đ), "¶" (ả), "µ" (à), "¸" (á), ...
_TCVN3_SYMBOLS = frozenset(chr(code) for code in range(0xA1, 0xC0))
# Valid UTF-8 letters per broken byte above which a file is damaged UTF-8 rather than another encoding.
UTF8_MAJORITY = 3


def decode_text_bytes(data: bytes) -> tuple[str, str]:
    """Return the decoded text and the encoding's name; raise ImportRefused when it is not readable text."""
    if not data.strip():
        raise ImportRefused(EMPTY_FILE)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding), encoding + "-bom"
    if data.startswith(_BINARY_SIGNATURES):
        raise ImportRefused(BINARY_FILE)
    if b"\x00" in data:
        return _decode_without_bom_utf16(data)
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return _checked(damaged), "utf-8"
    return _decode_single_byte(data)


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with broken bytes (a cut copy, a bad sector) or a few lines pasted in Windows-1258: repair it.

    It is UTF-8 when the valid multi-byte letters clearly outnumber the broken bytes (legacy encodings and
    Windows-1258 make almost no valid UTF-8 sequence). Then each line that is not UTF-8 is read as Windows-1258
    when it holds no UTF-8 at all and reads as Vietnamese, else its broken bytes are dropped.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for character in text if not character.isascii()) - broken
    if valid < 10 or valid < UTF8_MAJORITY * broken:
        return None
    return "\n".join(_repaired_line(line) for line in data.split(b"\n"))


def _repaired_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = line.decode("utf-8", errors="replace")
    if all(character.isascii() or character == "\ufffd" for character in lenient):
        try:
            legacy = unicodedata.normalize("NFC", line.decode("cp1258"))
        except UnicodeDecodeError:
            legacy = ""
        if legacy and vietnamese_score(legacy) >= 0.9:
            return legacy
    return lenient.replace("\ufffd", "")


def readable_file_name(path: os.PathLike[str] | str) -> str:
    """The file's name as text that can be shown and stored: bytes that are not UTF-8 become "�".

    On Linux a name is bytes; Python keeps undecodable ones as lone surrogates, which no database or console takes.
    """
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="replace")
    return name


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _checked(data.decode(encoding))
    except UnicodeDecodeError as error:
        raise ImportRefused(UNREADABLE) from error


def _checked(text: str) -> str:
    """Refuse text full of control characters (a binary file that happened to decode)."""
    controls = sum(1 for character in text if unicodedata.category(character) == "Cc" and character not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 200):
        raise ImportRefused(BINARY_FILE)
    if not any(character.isalpha() for character in text):
        raise ImportRefused(NOT_TEXT)
    return text


def _decode_without_bom_utf16(data: bytes) -> tuple[str, str]:
    """NUL bytes: UTF-16 written without a byte order mark, or a binary file."""
    candidates: list[tuple[float, str, str]] = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((vietnamese_score(text), text, encoding))
    if candidates:
        score, text, encoding = max(candidates)
        if score > 0.9:
            return _checked(text), encoding
    raise ImportRefused(BINARY_FILE)


def _decode_single_byte(data: bytes) -> tuple[str, str]:
    """Not UTF-8: Windows-1258 (the usual one), legacy TCVN3/VNI (refused), or what charset-normalizer finds."""
    candidates: list[tuple[float, str, str]] = []
    try:
        # cp1258 writes tones as combining marks; NFC turns them into the precomposed letters we store.
        cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
        candidates.append((vietnamese_score(cp1258), cp1258, "cp1258"))
    except UnicodeDecodeError:
        pass
    if candidates and candidates[0][0] >= 0.9:
        return _checked(candidates[0][1]), "cp1258"
    legacy = legacy_encoding(data.decode("latin-1"))
    if legacy is not None:
        raise ImportRefused(LEGACY_VNI if legacy == "vni" else LEGACY_TCVN3)
    import charset_normalizer  # only a file that is neither UTF-8 nor UTF-16 needs it; keeps start-up light

    best_guess = charset_normalizer.from_bytes(data).best()
    if best_guess is not None:
        guessed = unicodedata.normalize("NFC", str(best_guess))
        candidates.append((vietnamese_score(guessed), guessed, best_guess.encoding))
    if not candidates:
        raise ImportRefused(UNREADABLE)
    score, text, encoding = max(candidates, key=lambda candidate: candidate[0])
    if score < 0.6:
        raise ImportRefused(UNREADABLE)
    return _checked(text), encoding


def vietnamese_score(text: str) -> float:
    """Share of non-ASCII characters that are Vietnamese letters or office typography (1.0 for pure ASCII)."""
    sample = text[:200_000]
    non_ascii = [character for character in sample if not character.isascii()]
    if not non_ascii:
        printable = sum(1 for character in sample if character.isprintable() or character in "\n\r\t")
        return printable / max(1, len(sample))
    good = sum(1 for character in non_ascii if character in VIETNAMESE_LETTERS or character in _TYPOGRAPHY)
    return good / len(non_ascii)


def legacy_encoding(latin_text: str) -> str | None:
    """Name the pre-Unicode font encoding ("vni", "tcvn3") whose marks the Latin-1 reading shows, or None."""
    words = latin_text.split()
    marked = [word for word in words if not word.isascii()]
    if len(marked) < 5:
        return None
    vni_words = sum(1 for word in marked if _VNI_PAIR.search(word))
    tcvn3_words = sum(1 for word in marked if any(character in _TCVN3_SYMBOLS for character in word))
    if vni_words >= 0.3 * len(marked) and vni_words >= tcvn3_words * 0.5:
        return "vni"
    if tcvn3_words >= 0.3 * len(marked):
        return "tcvn3"
    return None
