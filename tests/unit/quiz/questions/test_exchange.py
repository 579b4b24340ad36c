"""GIFT export and import round-trip, and Moodle XML that an XML parser reads back."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from quiz.questions.exchange import BankItem
from quiz.questions.gift import GiftError, export_gift, parse_gift
from quiz.questions.moodle import export_moodle

ITEMS = [
    BankItem(
        "a1",
        "single",
        "Hội nghị có bao nhiêu điểm cầu: {test}?",
        ("208", "231", "254", "277"),
        (1,),
        explanation="Văn bản nêu: “231 điểm cầu”",
    ),
    BankItem(
        "a2",
        "multi",
        "Những chức vụ nào?",
        ("Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh", "Phó Bí thư", "Trưởng ban"),
        (0, 1),
    ),
    BankItem("a3", "truefalse", "Đại hội lần thứ XV.", ("Đúng", "Sai"), (1,)),
    BankItem("a4", "cloze", "Trên ___ đảng viên tham gia.", answers=("23.000", "23000")),
    BankItem(
        "a5",
        "matching",
        "Nối chữ viết tắt.",
        ("Chỉ số A", "Chỉ số B", "Chỉ số C"),
        (),
        pairs=(("PCI", "Chỉ số A"), ("PAPI", "Chỉ số B"), ("SIPAS", "Chỉ số C")),
    ),
]


def test_gift_round_trip_keeps_every_type() -> None:
    parsed = parse_gift(export_gift(ITEMS))
    assert [(item.type, item.prompt, item.correct, item.answers) for item in parsed] == [
        (item.type, item.prompt, item.correct, item.answers) for item in ITEMS
    ]
    assert parsed[0].choices == ITEMS[0].choices and parsed[0].explanation == ITEMS[0].explanation
    assert sorted(parsed[4].pairs) == sorted(ITEMS[4].pairs)


def test_gift_written_by_a_trainer() -> None:
    text = "// câu hỏi\n::Q1:: Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng ~Cần Thơ}\n\nĐại hội XIII năm 2021. {TRUE}\n"
    first, second = parse_gift(text)
    assert (first.type, first.choices[first.correct[0]]) == ("single", "Hà Nội")
    assert (second.type, second.correct) == ("truefalse", (0,))


def test_bad_gift_is_refused_in_vietnamese() -> None:
    with pytest.raises(GiftError, match="thiếu phần đáp án"):
        parse_gift("Câu hỏi không có đáp án\n")


def test_moodle_xml_is_well_formed_with_every_question() -> None:
    root = ElementTree.fromstring(export_moodle(ITEMS))
    types = [question.get("type") for question in root.iter("question")]
    assert types == ["multichoice", "multichoice", "truefalse", "shortanswer", "matching"]
    first = root.find("question")
    assert first is not None
    fractions = [answer.get("fraction") for answer in first.iter("answer")]
    assert fractions == ["0", "100", "0", "0"]
