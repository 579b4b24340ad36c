"""PDF text: decomposed accents are composed before layout; what the font cannot show becomes a visible marker."""

from __future__ import annotations

import unicodedata

import pytest

from reports.form import build_member_form
from reports.text_safety import UNSUPPORTED_MARKER, printable
from tests.unit.reports.pdf_tools import reader
from tests.unit.reports.samples import sample_form

NAME = "Nguyễn Thị Ánh Tuyết"


def raw_text(data: bytes) -> str:
    """The text as drawn (no normalisation): decomposed accents would show up as separate marks here."""
    return " ".join(page.extract_text() for page in reader(data).pages)


def test_a_decomposed_name_prints_composed() -> None:
    decomposed = unicodedata.normalize("NFD", NAME)
    assert decomposed != NAME
    text = raw_text(build_member_form(sample_form(name=decomposed)))
    assert NAME.upper() in text or NAME in text
    assert not any(unicodedata.combining(character) for character in text)


@pytest.mark.parametrize(
    ("foreign", "label"),
    [("שלום עולם", "Hebrew"), ("مرحبا", "Arabic"), ("👍🏽 😀", "emoji"), ("中文", "Chinese")],
)
def test_characters_that_cannot_print_become_a_marker(foreign: str, label: str) -> None:
    answer = f"Tôi đồng ý {foreign} với Nghị quyết."
    text = raw_text(build_member_form(sample_form(answer=answer)))
    assert not any(character in text for character in foreign.replace(" ", "")), label
    assert f"Tôi đồng ý {printable(foreign)} với Nghị quyết." in " ".join(text.split())
    assert UNSUPPORTED_MARKER in printable(foreign)


def test_printable_keeps_vietnamese_and_marks_one_box_per_run() -> None:
    assert printable("Đảng viên “gương mẫu” – 23.000") == "Đảng viên “gương mẫu” – 23.000"
    assert printable("a 👩‍👩‍👧 b שלום c") == f"a {UNSUPPORTED_MARKER} b {UNSUPPORTED_MARKER} c"
