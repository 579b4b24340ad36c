"""What every builder shares: the document's hash (for stable ids), the seed, the pools, and option helpers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from quiz.api.bank import TRUE_FALSE
from quiz.facts.model import Fact
from quiz.identifiers import content_id
from quiz.questions.model import GeneratedQuestion
from quiz.questions.pools import Pools, value_key
from quiz.questions.stems import explanation

# Base difficulty by type; kinds and distractor closeness adjust it.
TYPE_DIFFICULTY = {"truefalse": 0.3, "single": 0.5, "matching": 0.55, "multi": 0.65, "cloze": 0.75}
KIND_DIFFICULTY = {"number": 0.1, "list": 0.05, "target": 0.05, "acronym": -0.05, "ordinal": -0.05}
LENGTH_TOLERANCE = 0.3
LENGTH_FLOOR = 4


def similar_length(option: str, reference: float) -> bool:
    """Options alike in length: within ±30 % of the reference (short options may differ by a few characters)."""
    return abs(len(option) - reference) <= max(LENGTH_TOLERANCE * reference, LENGTH_FLOOR)


@dataclass(frozen=True)
class BuildContext:
    content_hash: str
    seed: int
    pools: Pools
    # Fact key → its explanation: every question of a fact quotes the same source (a per-run cache).
    explanations: dict[str, str] = field(default_factory=dict)

    def rng(self, fact: Fact, variant: str) -> random.Random:
        """A generator seeded per question, so one question's options never depend on another's."""
        return random.Random(f"{self.seed}|{fact.key}|{variant}")

    def make(
        self,
        fact: Fact,
        variant: str,
        prompt: str,
        key: str,
        choices: list[str] | None = None,
        correct: list[int] | None = None,
        answers: list[str] | None = None,
        pairs: list[tuple[str, str]] | None = None,
        closeness: float = 0.0,
    ) -> GeneratedQuestion:
        question_type = variant.split(":", 1)[0]
        difficulty = TYPE_DIFFICULTY[question_type] + KIND_DIFFICULTY.get(fact.kind, 0.0) + closeness
        return GeneratedQuestion(
            id=content_id(self.content_hash, fact.key, variant),
            type=question_type,
            prompt=prompt,
            choices=tuple(choices or ()),
            correct=tuple(correct or ()),
            answers=tuple(answers or ()),
            pairs=tuple(pairs or ()),
            explanation=self._explanation(fact),
            difficulty=min(0.95, max(0.05, difficulty)),
            fact=fact,
            key=key,
            variant=variant,
        )

    def _explanation(self, fact: Fact) -> str:
        found = self.explanations.get(fact.key)
        if found is None:
            found = self.explanations[fact.key] = explanation(fact)
        return found

    def single(
        self, fact: Fact, variant: str, prompt: str, key: str, wrong: list[str], ordered: bool = False
    ) -> GeneratedQuestion | None:
        """A four-option question: the key placed by the seed, or kept in order for sorted numeric options."""
        wrong = unique_options(key, wrong)[:3]
        if len(wrong) < 3:
            return None
        rng = self.rng(fact, variant)
        options = [key, *wrong]
        if not ordered:
            rng.shuffle(options)
        return self.make(fact, variant, prompt, key, options, [options.index(key)])

    def true_false(self, fact: Fact, key: str, true_text: str, false_text: str | None) -> GeneratedQuestion:
        """A statement that is true, or (seed's choice) false with the value ``key`` changed."""
        rng = self.rng(fact, "truefalse")
        if false_text is not None and rng.random() < 0.5:
            return self.make(fact, "truefalse", false_text, key, list(TRUE_FALSE), [1])
        return self.make(fact, "truefalse", true_text, key, list(TRUE_FALSE), [0])


def unique_options(key: str, wrong: list[str]) -> list[str]:
    """Wrong options that differ from the key and from each other after folding."""
    seen = {value_key(key)}
    result: list[str] = []
    for option in wrong:
        folded_option = value_key(option)
        if folded_option and folded_option not in seen:
            seen.add(folded_option)
            result.append(option)
    return result
