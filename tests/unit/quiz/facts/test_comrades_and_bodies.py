"""Counts of comrades ("180 đồng chí") are not sums of money, and "Ban Bí thư …" names a body, not a title."""

from __future__ import annotations

from quiz.facts.model import SentenceSpan
from quiz.facts.numbers import extract_numbers
from quiz.facts.persons import extract_persons


def _sentence(text: str) -> SentenceSpan:
    return SentenceSpan(0, "", 0, len(text), text)


def test_a_count_of_comrades_has_the_unit_dong_chi() -> None:
    text = "Ban Chấp hành gồm 200 đồng chí, trong đó có 180 đồng chí Uỷ viên chính thức."
    units = {fact.answer: fact.unit for fact in extract_numbers(_sentence(text), [])}
    assert units == {"200": "đồng chí", "180": "đồng chí"}


def test_a_title_inside_the_name_of_a_body_is_no_person() -> None:
    text = "Đảng đoàn Mặt trận Tổ quốc, Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh tuyên truyền."
    assert [fact.answer for fact in extract_persons(_sentence(text))] == []
    named = extract_persons(_sentence("Đồng chí Bí thư Tỉnh ủy Nguyễn Văn An phát biểu."))
    assert [fact.answer for fact in named] == ["Nguyễn Văn An"]
