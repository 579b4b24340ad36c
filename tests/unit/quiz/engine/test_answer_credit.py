"""Scoring every answer type, with the stated partial-credit rules, in displayed (shuffled) indexes."""

from __future__ import annotations

import pytest

from quiz.api.answers import ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer, answer_from_json
from quiz.engine.answer_credit import KeyedQuestion, key_indexes, key_texts, response_texts, score_response
from quiz.errors import UserError

SINGLE = KeyedQuestion("single", ["Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái"], [0], [], [])
MULTI = KeyedQuestion("multi", ["A", "B", "C", "D", "E"], [0, 1, 2], [], [])
CLOZE = KeyedQuestion("cloze", [], [], ["23.000", "Hà Nội"], [])
MATCHING = KeyedQuestion("matching", ["một", "hai", "ba", "bốn"], [], [], [["1", "một"], ["2", "hai"], ["3", "ba"]])


def test_single_uses_the_displayed_order() -> None:
    order = [2, 0, 3, 1]  # displayed 1 is the original 0 (the key)
    assert score_response(SINGLE, order, ChoiceAnswer(1)).is_correct
    wrong = score_response(SINGLE, order, ChoiceAnswer(0))
    assert (wrong.is_correct, wrong.credit) == (False, 0.0)
    assert key_indexes(SINGLE, order) == (1,)
    assert response_texts(SINGLE, order, ChoiceAnswer(0)) == ("Uông Bí",)


def test_true_false() -> None:
    question = KeyedQuestion("truefalse", ["Đúng", "Sai"], [1], [], [])
    assert score_response(question, [0, 1], ChoiceAnswer(1)).credit == 1.0
    assert score_response(question, [0, 1], ChoiceAnswer(0)).credit == 0.0


@pytest.mark.parametrize(
    ("picks", "credit", "correct"),
    [
        ([0, 1, 2], 1.0, True),
        ([0, 1], 2 / 3, False),
        ([0, 1, 3], 1 / 3, False),  # two right, one wrong: (2 - 1) / 3
        ([0, 3, 4], 0.0, False),  # never below zero
        ([0, 1, 2, 3], 2 / 3, False),  # picking everything is penalised
        ([], 0.0, False),
    ],
)
def test_multi_partial_credit(picks: list[int], credit: float, correct: bool) -> None:
    order = [4, 3, 2, 1, 0]  # reversed display: original i is displayed at 4 - i
    displayed = [4 - pick for pick in picks]
    score = score_response(MULTI, order, ChoicesAnswer(tuple(displayed)))
    assert score.credit == pytest.approx(credit)
    assert score.is_correct is correct


@pytest.mark.parametrize("typed", ["23000", "23.000", "23 000", " 23.000. ", "ha noi", "HÀ NỘI", "Hà  Nội"])
def test_cloze_accepts_folded_answers(typed: str) -> None:
    assert score_response(CLOZE, [], TextAnswer(typed)).is_correct


@pytest.mark.parametrize("typed", ["2300", "23.0000", "Hải Phòng", "", "   "])
def test_cloze_refuses_other_answers(typed: str) -> None:
    score = score_response(CLOZE, [], TextAnswer(typed))
    assert (score.is_correct, score.credit) == (False, 0.0)


def test_matching_credit_is_the_share_of_right_pairs() -> None:
    order = [3, 2, 1, 0]  # displayed: bốn, ba, hai, một
    assert key_indexes(MATCHING, order) == (3, 2, 1)
    full = score_response(MATCHING, order, PairsAnswer((3, 2, 1)))
    assert (full.is_correct, full.credit) == (True, 1.0)
    partial = score_response(MATCHING, order, PairsAnswer((3, 0, None)))
    assert partial.is_correct is False
    assert partial.credit == pytest.approx(1 / 3)
    assert response_texts(MATCHING, order, PairsAnswer((3, 0, None))) == ("1 → một", "2 → bốn", "3 → …")
    assert key_texts(MATCHING) == ("1 → một", "2 → hai", "3 → ba")


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (SINGLE, {"choice": 4}),
        (SINGLE, {"choice": True}),
        (SINGLE, {"choices": [0]}),
        (MULTI, {"choices": [0, 0]}),
        (MULTI, {"choices": "0"}),
        (CLOZE, {"text": 23000}),
        (MATCHING, {"pairs": [0, 1]}),
        (MATCHING, {"pairs": [0, 1, 9]}),
    ],
)
def test_malformed_responses_are_refused(question: KeyedQuestion, response: dict[str, object]) -> None:
    order = list(range(len(question.choices)))
    with pytest.raises(UserError):
        score_response(question, order, answer_from_json(response))
