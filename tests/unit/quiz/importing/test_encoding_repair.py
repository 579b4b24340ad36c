"""Damaged UTF-8 and UTF-8 with a line in Windows-1258 are repaired as UTF-8, never taken for TCVN3 or VNI."""

from __future__ import annotations

import random
import unicodedata

import pytest

from quiz.importing.encoding import decode_text_bytes
from quiz.importing.model import ImportRefused
from tests.conftest import TEST_DATA
from tests.data.bad.make_corpus import tcvn3, vni

TEXT = unicodedata.normalize("NFC", (TEST_DATA / "import" / "resolution-cp1258.txt").read_bytes().decode("cp1258"))


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: â, ê, ơ, ... precomposed, the tone as a separate combining mark."""
    out = bytearray()
    for character in text:
        try:
            out += character.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", character)
            tones = "".join(mark for mark in decomposed if mark in TONE_MARKS)
            letter = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in TONE_MARKS))
            out += (letter + tones).encode("cp1258")
    return bytes(out)


def damaged_lines(seed: int, flips: int) -> tuple[bytes, set[int]]:
    """The text in UTF-8 with ``flips`` of its non-ASCII bytes broken; returns the bytes and the damaged lines."""
    data = bytearray(TEXT.encode("utf-8"))
    chooser = random.Random(seed)
    positions = chooser.sample([index for index, byte in enumerate(data) if byte >= 0x80], flips)
    for position in positions:
        data[position] = chooser.choice([0x20, 0xFF, 0x41])
    damaged = {bytes(data[:position]).count(b"\n") for position in positions}
    return bytes(data), damaged


@pytest.mark.parametrize("seed", range(5))
def test_damaged_utf8_keeps_its_undamaged_lines(seed: int) -> None:
    data, damaged = damaged_lines(seed, 40)
    text, encoding = decode_text_bytes(data)
    assert encoding == "utf-8"
    lines, expected = text.split("\n"), TEXT.split("\n")
    assert len(lines) == len(expected)
    assert [line for index, line in enumerate(lines) if index not in damaged] == [
        line for index, line in enumerate(expected) if index not in damaged
    ]
    assert not any(debris in text for debris in ("Ã", "áº", "Ä‘", "§"))


def test_one_windows_1258_line_in_utf8_is_read_as_windows_1258() -> None:
    lines = TEXT.split("\n")
    marked = next(index for index, line in enumerate(lines) if sum(not c.isascii() for c in line) >= 3)
    encoded = [windows_1258(line) if index == marked else line.encode("utf-8") for index, line in enumerate(lines)]
    text, encoding = decode_text_bytes(b"\n".join(encoded))
    assert encoding == "utf-8" and text == TEXT


@pytest.mark.parametrize(("encode", "name"), [(tcvn3, "TCVN3"), (vni, "VNI")])
def test_real_legacy_files_are_still_named(encode: object, name: str) -> None:
    assert callable(encode)
    with pytest.raises(ImportRefused, match=name):
        decode_text_bytes(encode(TEXT.lower()))
