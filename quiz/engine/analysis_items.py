"""Classical item analysis: facility, upper–lower discrimination, option counts and quality flags."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.api.analysis import ItemStatistics
from quiz.api.answers import Answer, ChoiceAnswer, ChoicesAnswer
from quiz.api.enums import QuestionType

TOO_EASY_FACILITY = 0.9
TOO_HARD_FACILITY = 0.2
GROUP_SHARE = 0.27
WEAK_DISTRACTOR_SHARE = 0.05
# Below this many responses the shares are noise, so no flags are raised.
MIN_RESPONSES_FOR_FLAGS = 10


@dataclass(frozen=True)
class QuestionFacts:
    question_id: str
    fact_key: str
    fact_kind: str
    type: str
    prompt: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    enabled: bool


@dataclass(frozen=True)
class ItemResponse:
    """One time a question was asked in a submitted attempt; ``response`` is None when left unanswered."""

    question_id: str
    attempt_id: str
    attempt_score: float
    option_order: tuple[int, ...]
    response: Answer | None
    is_correct: bool


def chosen_options(response: Answer | None, option_order: Sequence[int]) -> tuple[int, ...]:
    """Original option indexes of a response given in displayed indexes (the attempt's permutation)."""
    shown: tuple[int, ...] = ()
    if isinstance(response, ChoiceAnswer):
        shown = (response.choice,)
    elif isinstance(response, ChoicesAnswer):
        shown = response.choices
    order = list(option_order)
    return tuple(order[index] if index < len(order) else index for index in shown if index >= 0)


def discrimination(responses: Sequence[ItemResponse]) -> float | None:
    """Share correct in the top 27 % of attempts (by score) minus the share in the bottom 27 %."""
    if len(responses) < 2:
        return None
    group = max(1, math.floor(GROUP_SHARE * len(responses) + 0.5))
    ranked = sorted(responses, key=lambda item: (-item.attempt_score, item.attempt_id))
    upper, lower = ranked[:group], ranked[-group:]
    return sum(item.is_correct for item in upper) / group - sum(item.is_correct for item in lower) / group


def item_statistics(
    question: QuestionFacts, responses: Sequence[ItemResponse], min_responses: int = MIN_RESPONSES_FOR_FLAGS
) -> ItemStatistics:
    asked = len(responses)
    answered = sum(item.response is not None for item in responses)
    correct = sum(item.is_correct for item in responses)
    counts = [0] * len(question.choices)
    for item in responses:
        for option in chosen_options(item.response, item.option_order):
            if 0 <= option < len(counts):
                counts[option] += 1
    facility = correct / asked if asked else 0.0
    spread = discrimination(responses)
    weak: tuple[int, ...] = ()
    if question.type in ("single", "multi") and asked:
        weak = tuple(
            option
            for option, count in enumerate(counts)
            if option not in question.correct and count / asked < WEAK_DISTRACTOR_SHARE
        )
    flags: list[str] = []
    if asked >= min_responses:
        flags += ["too_easy"] if facility > TOO_EASY_FACILITY else []
        flags += ["too_hard"] if facility < TOO_HARD_FACILITY else []
        flags += ["negative_discrimination"] if spread is not None and spread < 0 else []
        flags += ["weak_distractor"] if weak else []
    return ItemStatistics(
        question_id=question.question_id,
        fact_key=question.fact_key,
        fact_kind=question.fact_kind,
        type=QuestionType(question.type),
        prompt=question.prompt,
        enabled=question.enabled,
        times_asked=asked,
        times_answered=answered,
        times_correct=correct,
        facility=facility,
        discrimination=spread,
        choices=question.choices,
        correct=question.correct,
        option_counts=tuple(counts),
        weak_distractors=weak,
        flags=tuple(flags),
    )
