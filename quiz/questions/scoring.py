"""Score candidate questions and keep the best: short clear stems, strong distractors, one question per slot."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from quiz.facts.model import folded
from quiz.questions.model import GeneratedQuestion
from quiz.questions.pools import value_key

_DEICTIC_START = re.compile(r"^(?:\S+\s+){0,2}(?:nay|do|day|tren|nhu vay)(?!\w)")
_KIND_WEIGHT = {"number": 0.15, "person": 0.15, "acronym": 0.1, "list": 0.1, "target": 0.1, "reference": 0.1}
_TYPE_WEIGHT = {"single": 0.1, "cloze": 0.05, "multi": 0.05, "matching": 0.1, "truefalse": -0.05}
STEM_WORDS = 30
# A fact (one position in the text) yields at most this many questions, a value (XV, 2020 – 2025) this many.
PER_FACT = 3
PER_VALUE = 3
MINIMUM_QUALITY = 0.35


def score(question: GeneratedQuestion) -> float:
    """Higher is better; penalties follow the checklist (long stems, dangling deixis, long options)."""
    quality = 0.6 + _KIND_WEIGHT.get(question.fact.kind, 0.0) + _TYPE_WEIGHT.get(question.type, 0.0)
    words = len(question.prompt.split())
    quality -= min(0.35, max(0, words - STEM_WORDS) * 0.01)
    if _DEICTIC_START.search(folded(question.prompt)):
        quality -= 0.2
    if question.choices and question.type in ("single", "multi"):
        average = sum(len(choice) for choice in question.choices) / len(question.choices)
        quality -= 0.15 if average > 120 else 0.0
    if question.fact.kind == "ordinal" and not question.fact.answer.isupper():
        quality -= 0.1
    return round(quality, 4)


def keep_best(
    candidates: list[GeneratedQuestion], acceptable: Callable[[GeneratedQuestion], bool] | None = None
) -> list[GeneratedQuestion]:
    """Score, then keep the best few per fact and per value; the result is in document order.

    ``acceptable`` (the linter) is asked only about questions that would be kept: the same result as
    filtering every candidate first, without linting the many that lose anyway.
    """
    # Scores beside the questions: only the kept ones are copied with their quality.
    scored = sorted(
        ((score(question), question) for question in candidates),
        key=lambda pair: (-pair[0], pair[1].fact.start, pair[1].variant),
    )
    per_fact: dict[str, int] = defaultdict(int)
    per_value: dict[tuple[str, str], int] = defaultdict(int)
    types_per_fact: dict[str, set[str]] = defaultdict(set)
    seen_prompts: set[str] = set()
    kept: list[GeneratedQuestion] = []
    for quality, question in scored:
        fact = question.fact
        value = (fact.kind, value_key(fact.answer)) if question.type != "matching" else ("matching", question.id)
        prompt = folded(question.prompt)
        if quality < MINIMUM_QUALITY or prompt in seen_prompts:
            continue
        if per_fact[fact.key] >= PER_FACT or per_value[value] >= PER_VALUE:
            continue
        if question.type in types_per_fact[fact.key] and question.type != "single":
            continue
        if acceptable is not None and not acceptable(question):
            continue
        per_fact[fact.key] += 1
        per_value[value] += 1
        types_per_fact[fact.key].add(question.type)
        seen_prompts.add(prompt)
        kept.append(replace(question, quality=quality))
    return sorted(kept, key=lambda question: (question.fact.start, question.variant))
