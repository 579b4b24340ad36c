"""Stems identify one fact (heading context, the document named) and false statements respect qualifiers."""

from __future__ import annotations

import re

import pytest

from quiz.facts import extract_facts
from quiz.facts.numbers import bound
from quiz.importing.pipeline import parse_file, parse_text
from quiz.questions.disambiguation import ambiguous_stems, joined
from quiz.questions.generate import generate_questions
from quiz.questions.model import GeneratedQuestion
from quiz.text import fold
from tests.conftest import TEST_DATA

SHAPES = sorted((TEST_DATA / "resolution-shapes").glob("*.txt"))
BOUNDS_TEXT = """NGHỊ QUYẾT
VỀ PHÁT TRIỂN GIÁO DỤC

I- MỤC TIÊU
- Tỷ lệ trường đạt chuẩn quốc gia đạt ít nhất 80%;
- Tỷ lệ học sinh bỏ học giảm xuống dưới 10%;
- Thu nhập bình quân của giáo viên đạt trên 110 triệu đồng mỗi năm;
- Mỗi năm bồi dưỡng từ 500 giáo viên cốt cán trở lên;
- Sĩ số mỗi lớp không quá 35 học sinh;
- Chi cho giáo dục đạt tối thiểu 20% tổng chi, trong đó chi cho giáo dục đại học đạt ít nhất 2% tổng chi ngân sách.

II- TỔ CHỨC THỰC HIỆN
Các chi bộ hoàn thành việc quán triệt Nghị quyết trước ngày 30/9/2022.
"""


def _prompts(questions: list[GeneratedQuestion], answer: str) -> list[str]:
    return [question.prompt for question in questions if question.type == "single" and question.key == answer]


def test_the_same_target_for_two_horizons_carries_its_heading() -> None:
    questions = generate_questions(parse_file(TEST_DATA / "resolution-shapes" / "nghi-quyet-chuyen-doi-so.txt"))
    (for_2030,) = [prompt for prompt in _prompts(questions, "30") if "GRDP" in prompt]
    (for_2045,) = [prompt for prompt in _prompts(questions, "50") if "GRDP" in prompt]
    assert for_2030 == "Theo Nghị quyết, đến năm 2030, kinh tế số đạt tối thiểu bao nhiêu% GRDP?"
    assert for_2045 == "Theo Nghị quyết, tầm nhìn đến năm 2045, kinh tế số đạt tối thiểu bao nhiêu% GRDP?"


@pytest.mark.parametrize("path", SHAPES, ids=lambda path: path.stem)
def test_no_two_stems_read_the_same_with_different_keys(path: object) -> None:
    for seed in range(4):
        questions = generate_questions(parse_file(TEST_DATA / "resolution-shapes" / str(path)), seed=seed)
        assert ambiguous_stems(questions) == 0
        assert not [question.prompt for question in questions if question.prompt.startswith(("-", "+", "•"))]


def test_a_predicate_no_heading_separates_is_dropped() -> None:
    text = (
        "KẾ HOẠCH\nVỀ CÔNG TÁC DÂN VẬN\n\n1. Kết quả\n- Tỷ lệ hộ tham gia đạt 30%;\n- Có 5 mô hình mới.\n\n"
        "2. Kết quả\n- Tỷ lệ hộ tham gia đạt 40%.\n- Có 6 tổ tự quản."
    )
    questions = generate_questions(parse_text(text))
    asked = {question.key for question in questions if "tham gia" in question.prompt}
    assert not asked & {"30", "40"}
    assert any("mô hình" in question.prompt for question in questions)


def test_stems_say_which_document() -> None:
    questions = generate_questions(parse_text(BOUNDS_TEXT))
    scalar = [question for question in questions if question.fact.kind in ("number", "date")]
    assert scalar
    for question in scalar:
        assert re.match(r"Theo Nghị quyết, |.*[Nn]ghị quyết", question.prompt), question.prompt


@pytest.mark.parametrize(
    ("answer", "direction"), [("80", 1), ("10", -1), ("110", 1), ("500", 1), ("35", -1), ("20", 1), ("2", 1)]
)
def test_qualifiers_make_floors_and_ceilings(answer: str, direction: int) -> None:
    facts = [fact for fact in extract_facts(parse_text(BOUNDS_TEXT)) if fact.kind == "number"]
    (fact,) = [fact for fact in facts if fact.answer == answer]
    assert bound(fact) == direction


def _value(text: str) -> float:
    parts = [int(part) for part in text.split("/")]
    return float(parts[2] * 10000 + parts[1] * 100 + parts[0]) if len(parts) == 3 else float(parts[0])


def _shown_value(question: GeneratedQuestion) -> float:
    sentence_numbers = re.findall(r"\d+(?:/\d+)*", question.fact.sentence.text)
    shown = [value for value in re.findall(r"\d+(?:/\d+)*", question.prompt) if value not in sentence_numbers]
    assert len(shown) == 1, question.prompt
    return _value(shown[0])


def test_false_statements_move_a_bound_where_it_really_becomes_false() -> None:
    checked = 0
    for seed in range(12):
        for question in generate_questions(parse_text(BOUNDS_TEXT), seed=seed):
            if question.type != "truefalse" or question.correct != (1,):
                continue
            fact = question.fact
            key, shown = _value(question.key), _shown_value(question)
            direction = bound(fact) if fact.kind == "number" else -1
            assert (shown - key) * direction > 0, question.prompt
            checked += 1
    assert checked >= 10


def test_a_breakdown_clause_is_asked_in_place_not_garbled() -> None:
    questions = generate_questions(parse_text(BOUNDS_TEXT))
    clozes = [question.prompt for question in questions if question.type == "cloze" and question.key == "2"]
    assert clozes == [
        "Theo Nghị quyết, chi cho giáo dục đạt tối thiểu 20% tổng chi, trong đó chi cho giáo dục đại học "
        "đạt ít nhất ___% tổng chi ngân sách."
    ]
    assert not [question for question in questions if "tổng chi ngân sách có" in fold(question.prompt)]


def test_the_same_slot_in_different_sentences_gets_its_heading_too() -> None:
    text = (
        "Nghị quyết số 09-NQ/TU ngày 5/3/2023 của Tỉnh ủy về phát triển kinh tế số\n\n"
        "I- MỤC TIÊU\n1. Đến năm 2030\n- Quy mô kinh tế số đạt tối thiểu 30% GRDP.\n"
        "- Có 5 khu công nghệ thông tin tập trung.\n"
        "2. Tầm nhìn đến năm 2045\n- Bình An có quy mô kinh tế số đạt tối thiểu 50% GRDP, thuộc nhóm dẫn đầu cả nước."
    )
    questions = generate_questions(parse_text(text))
    single = {question.key: question.prompt for question in questions if question.type == "single"}
    assert single["30"] == "Theo Nghị quyết, đến năm 2030, quy mô kinh tế số đạt tối thiểu bao nhiêu% GRDP?"
    assert single["50"].startswith("Theo Nghị quyết, tầm nhìn đến năm 2045, Bình An có quy mô kinh tế số")


@pytest.mark.parametrize(
    ("prefix", "stem", "expected"),
    [
        ("Theo văn bản", "Ở mục “Mục tiêu”, tỉ lệ nào?", "Theo văn bản, ở mục “Mục tiêu”, tỉ lệ nào?"),
        ("Theo văn bản", "GDP bình quân đạt bao nhiêu?", "Theo văn bản, GDP bình quân đạt bao nhiêu?"),
        ("Theo Nghị quyết", "Đảng bộ tỉnh có bao nhiêu chi bộ?", "Theo Nghị quyết, Đảng bộ tỉnh có bao nhiêu chi bộ?"),
    ],
)
def test_a_prefix_lowers_a_one_letter_opening_word_but_keeps_acronyms_and_names(
    prefix: str, stem: str, expected: str
) -> None:
    assert joined(prefix, stem) == expected
