"""The question bank as the window sees it: a question, an admin's edit, the fixed true/false options."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from quiz.api.enums import QuestionType

# The two options of every true/false question, in this order.
TRUE_FALSE = ("Đúng", "Sai")


@dataclass(frozen=True)
class QuestionInfo:
    """A bank question as the GUI and the quiz engine see it."""

    id: str
    document_id: str
    section_id: str | None
    type: QuestionType
    prompt: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    answers: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    explanation: str
    difficulty: float
    sentence: str
    sentence_start: int
    sentence_end: int
    fact_kind: str
    fact_key: str
    origin: str
    enabled: bool
    edited: bool
    # How much it matters to a member (content over logistics); exam draws prefer the heavier ones.
    weight: float = 1.0


@dataclass(frozen=True)
class QuestionEdit:
    """The fields an admin may edit (``bank.update``); None leaves a field as it is."""

    type: QuestionType | None = None
    prompt: str | None = None
    choices: tuple[str, ...] | None = None
    correct: tuple[int, ...] | None = None
    answers: tuple[str, ...] | None = None
    pairs: tuple[tuple[str, str], ...] | None = None
    explanation: str | None = None
    difficulty: float | None = None
    section_id: str | None = None
    # section_id None means "unchanged"; this moves the question out of every section.
    clear_section: bool = False

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cls) if field.name != "clear_section")

    def changed_fields(self) -> dict[str, Any]:
        """The edited fields as stored column values (lists, as the JSON columns hold them)."""
        changed = {name: getattr(self, name) for name in self.field_names() if getattr(self, name) is not None}
        if self.clear_section:
            changed["section_id"] = None
        return {name: list(value) if isinstance(value, tuple) else value for name, value in changed.items()}
