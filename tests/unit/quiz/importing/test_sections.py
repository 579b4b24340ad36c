"""Section trees from headings, paragraph groups with titles from the text, offsets, NFC/NFD equality."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from quiz.importing import ImportRefused, parse_file, parse_text
from quiz.importing.grouping import group_paragraphs
from tests.unit.quiz.importing.helpers import (
    IMPORT_DATA,
    NEWS,
    RESOLUTION,
    SEED,
    assert_offsets_hold,
    assert_real_title,
)


def test_resolution_headings_give_the_matching_tree() -> None:
    document = parse_file(RESOLUTION)
    assert document.title.startswith("Nghị quyết HỘI NGHỊ LẦN THỨ TƯ")
    assert document.title.endswith("định hướng đến năm 2030")
    # Titles of heading lines keep their marker; the level follows the marker kinds' nesting.
    tree = [(section.title.split()[0], section.level, section.parent) for section in document.sections]
    assert tree == [
        ("Thảo", 1, None),  # the opening paragraph before "QUYẾT NGHỊ", titled from its text
        ("QUYẾT", 1, None),
        ("I-", 2, 1),
        ("1.", 3, 2),
        ("2.", 3, 2),
        ("II-", 2, 1),
        ("1.", 3, 5),
        ("a)", 4, 6),
        ("b)", 4, 6),
        ("2.", 3, 5),
        ("a)", 4, 9),
        ("b)", 4, 9),
        ("c)", 4, 9),
        ("III-", 2, 1),
        ("1.", 3, 13),
        ("2.", 3, 13),
    ]
    assert document.sections[3].title == "1. Kết quả đạt được"
    assert document.sections[3].text.startswith("Giai đoạn 2016 - 2020")
    assert_offsets_hold(document)


def test_header_and_signature_are_not_in_any_section() -> None:
    document = parse_file(RESOLUTION)
    everything = "\n".join(section.text for section in document.sections)
    for line in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số 05-NQ/HU", "T/M BAN CHẤP HÀNH", "Trần Văn Hùng"):
        assert line not in everything


def test_inline_list_item_keeps_its_text_and_gets_a_short_title() -> None:
    document = parse_file(RESOLUTION)
    item = next(section for section in document.sections if section.title.startswith("b) Quy hoạch"))
    assert item.text.startswith("Quy hoạch vùng sản xuất tập trung, ưu tiên")
    assert len(item.title.split()) <= 10


def test_news_article_becomes_five_to_ten_titled_sections() -> None:
    document = parse_file(NEWS)
    assert 5 <= len(document.sections) <= 10
    titles = [section.title for section in document.sections]
    assert len(set(titles)) == len(titles)
    for section in document.sections:
        assert section.level == 1 and section.parent is None
        assert_real_title(section.title)
        assert section.sentences
    assert "Về kinh tế" in titles
    assert_offsets_hold(document)


def test_seed_gives_five_to_ten_sections_with_real_titles_and_no_noise() -> None:
    document = parse_file(SEED)
    assert 5 <= len(document.sections) <= 10
    for section in document.sections:
        assert_real_title(section.title)
        # A title is taken from the section's own words.
        first_word = section.title.split()[0].lower()
        assert first_word in section.text.lower()
        for removed in document.removed_lines:
            assert removed.line not in section.text
    assert_offsets_hold(document)


def test_nfd_input_gives_output_identical_to_nfc() -> None:
    text = RESOLUTION.read_text(encoding="utf-8")
    nfc = parse_text(text, "a.txt")
    nfd = parse_text(unicodedata.normalize("NFD", text), "a.txt")
    assert nfd == nfc
    assert unicodedata.is_normalized("NFC", nfd.text)


def test_whitespace_variants_give_the_same_text() -> None:
    text = NEWS.read_text(encoding="utf-8")
    messy = text.replace("\n", "\r\n").replace(" ", "  ").replace("Huyện", "Huyện\u00a0", 1)
    assert parse_text(messy).text.replace("\u00a0", " ") == parse_text(text).text


@pytest.mark.parametrize("path", [*sorted(IMPORT_DATA.glob("resolution*.*")), NEWS, SEED], ids=lambda p: p.name)
def test_offsets_hold_for_every_fixture(path: Path) -> None:
    assert_offsets_hold(parse_file(path))


def test_hard_wrapped_text_is_rejoined() -> None:
    document = parse_text("Tiêu đề\n\nHội nghị đã thảo luận\nvà thống nhất các chỉ tiêu. Sau đó\nbế mạc.")
    assert document.sections[0].text == "Hội nghị đã thảo luận và thống nhất các chỉ tiêu. Sau đó bế mạc."


def test_text_that_is_only_noise_is_refused() -> None:
    with pytest.raises(ImportRefused):
        parse_text("\n\n  \n")


def test_long_article_without_headings_is_grouped_into_balanced_sections() -> None:
    paragraphs = [
        f"Đoạn {number}: Hội nghị thảo luận về nhiệm vụ số {number} và thống nhất giải pháp thực hiện trong năm tới, "
        "gắn với trách nhiệm của từng chi bộ và từng đảng viên."
        for number in range(1, 41)
    ]
    document = parse_text("Tiêu đề dài\n\n" + "\n\n".join(paragraphs))
    assert len(document.sections) == 10
    sizes = [len(section.text) for section in document.sections]
    assert max(sizes) <= 2 * min(sizes)
    assert_offsets_hold(document)


def test_grouping_merges_short_lead_ins_and_keeps_every_paragraph() -> None:
    groups = group_paragraphs([40, 500, 600, 30, 700])
    assert groups == [[0, 1], [2], [3, 4]]
    assert sorted(index for group in groups for index in group) == list(range(5))


def test_absurdly_long_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.importing import refusals

    monkeypatch.setattr(refusals, "MAXIMUM_TEXT_CHARACTERS", 1000)
    with pytest.raises(ImportRefused, match="quá dài"):
        parse_text("Tiêu đề\n\n" + "Một câu khá dài. " * 100)


def test_a_capital_roman_heading_right_after_the_title_opens_the_body() -> None:
    text = (
        "NGHỊ QUYẾT\nVỀ PHÁT TRIỂN DU LỊCH ĐẾN NĂM 2030\n\nI- QUAN ĐIỂM\n1. Du lịch là ngành kinh tế quan trọng.\n\n"
        "II- MỤC TIÊU\nĐến năm 2030 đón 2 triệu lượt khách."
    )
    document = parse_text(text)
    assert document.title == "Nghị quyết VỀ PHÁT TRIỂN DU LỊCH ĐẾN NĂM 2030"
    assert [(section.title, section.level) for section in document.sections] == [
        ("I- QUAN ĐIỂM", 1),
        ("1. Du lịch là ngành kinh tế quan trọng.", 2),
        ("II- MỤC TIÊU", 1),
    ]
