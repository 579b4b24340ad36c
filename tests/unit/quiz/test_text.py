"""Normalisation and folding of Vietnamese text."""

from __future__ import annotations

import unicodedata

import pytest

from quiz.text import fold, fold_answer, normalise_document_text, unify_tone_placement


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [("hòa", "hoà"), ("thủy", "thuỷ"), ("khóa", "khoá"), ("Hòa Bình", "Hoà Bình"), ("khỏe", "khoẻ")],
)
def test_old_tone_placement_moves_to_the_new_style(old_style: str, new_style: str) -> None:
    assert unify_tone_placement(old_style) == new_style


@pytest.mark.parametrize("word", ["quý", "hoàn", "thuyền", "toán", "quả", "hoạch"])
def test_closed_syllables_and_qu_are_untouched(word: str) -> None:
    assert unify_tone_placement(word) == word


def test_fold_removes_marks_maps_d_and_casefolds() -> None:
    assert fold("Đảng Viên") == "dang vien"
    assert fold("chuyển đổi số") == "chuyen doi so"
    assert fold("hòa") == fold("hoà") == "hoa"


def test_fold_keeps_offsets_aligned() -> None:
    text = "Đồng chí Nguyễn Xuân Ký, Bí thư Tỉnh ủy"
    assert len(fold(text)) == len(text)
    assert fold(text).index("bi thu") == text.index("Bí thư")


def test_nfd_input_gives_the_same_stored_text_as_nfc() -> None:
    nfc = "Nghị quyết Đại hội  Đảng bộ\r\ntỉnh   Quảng Ninh"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert normalise_document_text(nfd) == normalise_document_text(nfc) == "Nghị quyết Đại hội Đảng bộ\ntỉnh Quảng Ninh"


@pytest.mark.parametrize(("typed", "key"), [("23000", "23.000"), ("DANG VIEN", "đảng viên"), (" 71,5 ", "71,5")])
def test_typed_answers_fold_to_the_key(typed: str, key: str) -> None:
    assert fold_answer(typed) == fold_answer(key)


def test_different_answers_stay_different() -> None:
    assert fold_answer("23.000") != fold_answer("25.000")
    assert fold_answer("71,5") != fold_answer("715")


def test_fold_folds_each_character_on_its_own() -> None:
    # A stray mark kept and a "ß" that would expand, in one string: still one folded character per character.
    text = "\u0348ßḄỦẩ Đảng"
    assert fold(text) == "\u0348ßbua dang"
    assert fold(text * 100) == fold(text) * 100


def test_fold_of_nfd_and_old_tone_style_equals_fold_of_nfc() -> None:
    nfc = "Thủy lợi, hòa bình, Khỏe mạnh"
    assert fold(unicodedata.normalize("NFD", nfc)) == fold(nfc) == "thuy loi, hoa binh, khoe manh"
