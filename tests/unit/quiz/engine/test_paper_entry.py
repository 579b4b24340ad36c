"""Tokens read from a paper become the responses the scoring takes, and the review grid shows them back."""

from __future__ import annotations

import pytest

from quiz.api.answers import ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer
from quiz.api.enums import QuestionType
from quiz.api.paper import PaperQuestion
from quiz.api.paper_entry import response_for, responses_for, token_for
from quiz.errors import UserError

SINGLE = PaperQuestion(0, QuestionType.SINGLE, "Câu một?", ("a", "b", "c", "d"), ())
MULTI = PaperQuestion(1, QuestionType.MULTI, "Câu hai?", ("a", "b", "c", "d"), ())
TRUE_FALSE = PaperQuestion(2, QuestionType.TRUE_FALSE, "Câu ba?", ("Đúng", "Sai"), ())
MATCHING = PaperQuestion(3, QuestionType.MATCHING, "Câu bốn?", ("x", "y", "z"), ("1", "2", "3"))
CLOZE = PaperQuestion(4, QuestionType.CLOZE, "Câu năm?", (), (), ("23.000",))
PAPER = (SINGLE, MULTI, TRUE_FALSE, MATCHING, CLOZE)


def test_a_line_of_tokens_gives_one_response_per_question() -> None:
    responses = responses_for(PAPER, 'c ca đ BCA "hai mươi ba nghìn"')
    assert responses == [
        ChoiceAnswer(2),
        ChoicesAnswer((0, 2)),
        ChoiceAnswer(0),
        PairsAnswer((1, 2, 0)),
        TextAnswer("hai mươi ba nghìn"),
    ]
    assert [token_for(question, response) for question, response in zip(PAPER, responses, strict=True)] == [
        "C",
        "AC",
        "Đ",
        "BCA",
        "hai mươi ba nghìn",
    ]


def test_digits_stand_for_letters_and_dash_for_a_blank() -> None:
    assert responses_for(PAPER, "4 - S 2-1 -") == [
        ChoiceAnswer(3),
        None,
        ChoiceAnswer(1),
        PairsAnswer((1, None, 0)),
        None,
    ]


@pytest.mark.parametrize(
    ("question", "token", "message"),
    [
        (SINGLE, "E", "Câu 1"),
        (SINGLE, "AB", "một đáp án"),
        (TRUE_FALSE, "X", "Đúng/Sai"),
        (MATCHING, "AB", "ghép đôi"),
    ],
)
def test_impossible_tokens_name_the_question(question: PaperQuestion, token: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        response_for(question, token)


def test_a_wrong_number_of_tokens_is_refused() -> None:
    with pytest.raises(UserError, match="5 câu"):
        responses_for(PAPER, "A B")
