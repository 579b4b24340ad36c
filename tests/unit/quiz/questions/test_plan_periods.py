"""A plan's years ("Chiến lược 10 năm 2021 - 2030", "5 năm 2021 - 2025"): a period asked as "giai đoạn nào"."""

from __future__ import annotations

import random

from quiz.facts import extract_facts
from quiz.facts.model import SentenceSpan
from quiz.facts.scalars import extract_scalars
from quiz.importing.pipeline import parse_text
from quiz.questions.distractors import period_options
from quiz.questions.scalar_questions import question_word


def test_a_plan_counted_in_years_is_a_period() -> None:
    text = "Thông qua Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030 và kế hoạch 5 năm 2021 - 2025."
    periods = [fact for fact in extract_scalars(SentenceSpan(0, "", 0, len(text), text)) if fact.kind == "period"]
    assert [(fact.head, fact.answer) for fact in periods] == [("10 năm", "2021 - 2030"), ("5 năm", "2021 - 2025")]


def test_counted_periods_follow_each_other_and_terms_share_a_year() -> None:
    for key, length in (("2021 - 2025", 4), ("2011 - 2020", 9), ("2020 - 2025", 5)):
        options = period_options(key, random.Random(1))
        starts = [int(option[:4]) for option in options]
        assert key in options and all(int(option[-4:]) - int(option[:4]) == length for option in options)
        # A plan counts its years (the next starts a year after it ends); a term hands over in its last year.
        step = length + 1 if length % 5 == 4 else length
        assert all((value - starts[0]) % step == 0 for value in starts), options


def test_the_question_asks_which_period() -> None:
    text = "Đại hội thông qua phương hướng, nhiệm vụ phát triển kinh tế - xã hội 5 năm 2026 - 2030 của huyện."
    (fact,) = [fact for fact in extract_scalars(SentenceSpan(0, "", 0, len(text), text)) if fact.kind == "period"]
    assert question_word(fact) == "giai đoạn nào"


def test_a_plans_length_is_not_asked_as_a_quantity() -> None:
    text = "Định hướng các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội 5 năm 2021 - 2025 đạt 6,5 - 7%/năm."
    facts = extract_facts(parse_text(text))
    assert [fact.answer for fact in facts if fact.kind == "period"] == ["2021 - 2025"]
    assert not [fact for fact in facts if fact.kind == "number" and fact.answer.strip() == "5"]
