"""Scoring one response with the partial-credit rules (which exam counts is quiz.api.counting).

Partial credit:
- single, truefalse, cloze: 1 or 0.
- multi: credit = max(0, (right picks − wrong picks) / number of keys); correct only when the picks equal the keys.
- matching: credit = share of left items matched to their right option; correct only when all are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quiz.errors import UserError
from quiz.text import fold_answer

_INVALID = "Câu trả lời không hợp lệ cho loại câu hỏi này."


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


def score_response(question: KeyedQuestion, option_order: Sequence[int], response: dict[str, Any]) -> Score:
    """Score ``response`` (in displayed indexes) against the key; raises UserError for a malformed response."""
    check_response(question, option_order, response)
    if question.type in ("single", "truefalse"):
        right = option_order[response["choice"]] in set(question.correct)
        return Score(right, 1.0 if right else 0.0)
    if question.type == "multi":
        picks = {option_order[index] for index in response["choices"]}
        keys = set(question.correct)
        right_picks, wrong_picks = len(picks & keys), len(picks - keys)
        credit = max(0.0, (right_picks - wrong_picks) / len(keys)) if keys else 0.0
        return Score(picks == keys, credit)
    if question.type == "cloze":
        typed = fold_answer(response["text"])
        right = bool(typed) and typed in {fold_answer(answer) for answer in question.answers}
        return Score(right, 1.0 if right else 0.0)
    displayed = [question.choices[original] for original in option_order]
    matched = sum(
        1
        for pair, chosen in zip(question.pairs, response["pairs"], strict=True)
        if chosen is not None and displayed[chosen] == pair[1]
    )
    total = len(question.pairs)
    return Score(total > 0 and matched == total, matched / total if total else 0.0)


def check_response(question: KeyedQuestion, option_order: Sequence[int], response: dict[str, Any]) -> None:
    """Refuse a response that does not fit the question (wrong keys, indexes out of range)."""
    size = len(option_order)

    def valid_index(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size

    if not isinstance(response, dict):
        raise UserError(_INVALID)
    if question.type in ("single", "truefalse"):
        valid = valid_index(response.get("choice"))
    elif question.type == "multi":
        choices = response.get("choices")
        valid = isinstance(choices, list) and all(valid_index(value) for value in choices)
        valid = valid and len(set(choices or [])) == len(choices or [])
    elif question.type == "cloze":
        valid = isinstance(response.get("text"), str) and len(response["text"]) <= 1000
    elif question.type == "matching":
        pairs = response.get("pairs")
        valid = (
            isinstance(pairs, list)
            and len(pairs) == len(question.pairs)
            and all(value is None or valid_index(value) for value in pairs)
        )
    else:
        valid = False
    if not valid:
        raise UserError(_INVALID)


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


def response_texts(
    question: KeyedQuestion, option_order: Sequence[int], response: dict[str, Any] | None
) -> tuple[str, ...]:
    """The member's answer as text, for the review screen and printed reports."""
    if response is None:
        return ()
    if question.type == "cloze":
        return (str(response.get("text", "")),)
    displayed = [question.choices[original] for original in option_order]
    if question.type in ("single", "truefalse"):
        return (displayed[response["choice"]],)
    if question.type == "multi":
        return tuple(displayed[index] for index in sorted(response["choices"]))
    return tuple(
        f"{pair[0]} → {displayed[chosen] if chosen is not None else '…'}"
        for pair, chosen in zip(question.pairs, response["pairs"], strict=True)
    )
