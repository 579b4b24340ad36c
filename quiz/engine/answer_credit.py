"""Scoring one response with the partial-credit rules (which exam counts is quiz.api.counting).

Partial credit:
- single, truefalse, cloze: 1 or 0.
- multi: credit = max(0, (right picks − wrong picks) / number of keys); correct only when the picks equal the keys.
- matching: credit = share of left items matched to their right option; correct only when all are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.api.answers import (
    INVALID_ANSWER,
    MAX_TEXT_LENGTH,
    Answer,
    ChoiceAnswer,
    ChoicesAnswer,
    PairsAnswer,
    TextAnswer,
)
from quiz.errors import UserError
from quiz.text import fold_answer


@dataclass(frozen=True)
class KeyedQuestion:
    """The parts of a question that scoring needs (``choices``/``correct`` in the original order)."""

    type: str
    choices: Sequence[str]
    correct: Sequence[int]
    answers: Sequence[str]
    pairs: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Score:
    is_correct: bool
    credit: float


def score_response(question: KeyedQuestion, option_order: Sequence[int], answer: Answer) -> Score:
    """Score ``answer`` (in displayed indexes) against the key; raises UserError when it does not fit the question."""
    check_response(question, option_order, answer)
    if isinstance(answer, ChoiceAnswer):
        right = option_order[answer.choice] in set(question.correct)
        return Score(right, 1.0 if right else 0.0)
    if isinstance(answer, ChoicesAnswer):
        picks = {option_order[index] for index in answer.choices}
        keys = set(question.correct)
        right_picks, wrong_picks = len(picks & keys), len(picks - keys)
        credit = max(0.0, (right_picks - wrong_picks) / len(keys)) if keys else 0.0
        return Score(picks == keys, credit)
    if isinstance(answer, TextAnswer):
        typed = fold_answer(answer.text)
        right = bool(typed) and typed in {fold_answer(accepted) for accepted in question.answers}
        return Score(right, 1.0 if right else 0.0)
    displayed = [question.choices[original] for original in option_order]
    matched = sum(
        1
        for pair, chosen in zip(question.pairs, answer.pairs, strict=True)
        if chosen is not None and displayed[chosen] == pair[1]
    )
    total = len(question.pairs)
    return Score(total > 0 and matched == total, matched / total if total else 0.0)


def check_response(question: KeyedQuestion, option_order: Sequence[int], answer: Answer) -> None:
    """Refuse an answer that does not fit the question (another kind of answer, indexes out of range)."""
    size = len(option_order)

    def valid_index(value: int) -> bool:
        return 0 <= value < size

    if question.type in ("single", "truefalse"):
        valid = isinstance(answer, ChoiceAnswer) and valid_index(answer.choice)
    elif question.type == "multi":
        valid = isinstance(answer, ChoicesAnswer) and all(valid_index(value) for value in answer.choices)
        valid = valid and isinstance(answer, ChoicesAnswer) and len(set(answer.choices)) == len(answer.choices)
    elif question.type == "cloze":
        valid = isinstance(answer, TextAnswer) and len(answer.text) <= MAX_TEXT_LENGTH
    elif question.type == "matching":
        valid = (
            isinstance(answer, PairsAnswer)
            and len(answer.pairs) == len(question.pairs)
            and all(value is None or valid_index(value) for value in answer.pairs)
        )
    else:
        valid = False
    if not valid:
        raise UserError(INVALID_ANSWER)


def key_indexes(question: KeyedQuestion, option_order: Sequence[int]) -> tuple[int, ...]:
    """The key in displayed indexes: the right options, or for matching the right option of each left item."""
    if question.type == "cloze":
        return ()
    displayed = [question.choices[original] for original in option_order]
    if question.type == "matching":
        return tuple(displayed.index(pair[1]) if pair[1] in displayed else -1 for pair in question.pairs)
    keys = set(question.correct)
    return tuple(position for position, original in enumerate(option_order) if original in keys)


def key_texts(question: KeyedQuestion) -> tuple[str, ...]:
    """The key as text: accepted cloze answers, "left → right" pairs, or the right options."""
    if question.type == "cloze":
        return tuple(question.answers)
    if question.type == "matching":
        return tuple(f"{pair[0]} → {pair[1]}" for pair in question.pairs)
    return tuple(question.choices[index] for index in question.correct if 0 <= index < len(question.choices))


def response_texts(question: KeyedQuestion, option_order: Sequence[int], answer: Answer | None) -> tuple[str, ...]:
    """The member's answer as text, for the review screen and printed reports."""
    if answer is None:
        return ()
    if isinstance(answer, TextAnswer):
        return (answer.text,)
    displayed = [question.choices[original] for original in option_order]
    if isinstance(answer, ChoiceAnswer):
        return (displayed[answer.choice],)
    if isinstance(answer, ChoicesAnswer):
        return tuple(displayed[index] for index in sorted(answer.choices))
    return tuple(
        f"{pair[0]} → {displayed[chosen] if chosen is not None else '…'}"
        for pair, chosen in zip(question.pairs, answer.pairs, strict=True)
    )
