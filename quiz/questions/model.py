"""The generated question record and its ``questions --json`` shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.facts.model import Fact

BLANK = "___"


@dataclass(frozen=True)
class GeneratedQuestion:
    """One question tied to the fact (and so the sentence and section) it tests."""

    id: str
    type: str
    prompt: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    answers: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    explanation: str
    difficulty: float
    fact: Fact
    # What the question asks for (the key option, or the true value a false statement replaced).
    key: str
    # Variant name ("single", "single:title", "matching:acronyms"): part of the stable id.
    variant: str
    quality: float = 0.0
    # True when the stem carries added context (the section) because the slot has other values elsewhere.
    context_added: bool = False

    @property
    def section(self) -> int:
        return self.fact.sentence.section

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "prompt": self.prompt,
            "choices": list(self.choices),
            "correct": list(self.correct),
            "answers": list(self.answers),
            "pairs": [list(pair) for pair in self.pairs],
            "source": {"section": self.fact.sentence.section_title, "sentence": self.fact.sentence.text},
            "explanation": self.explanation,
            "difficulty": round(self.difficulty, 2),
            "kind": self.fact.kind,
        }
