"""A member's answer to one question, typed: one choice, several choices, typed text, or matched pairs.

Indexes are in the order the options were displayed in that attempt. Stored and exchanged as the same small JSON
objects as always ({"choice": 1}, {"choices": [0, 2]}, {"text": "…"}, {"pairs": [1, null]}): convert with
``answer_to_json`` / ``answer_from_json`` at the storage and package edges only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.errors import UserError

INVALID_ANSWER = "Câu trả lời không hợp lệ cho loại câu hỏi này."
# A typed answer longer than this is not an answer to a fill-in question.
MAX_TEXT_LENGTH = 1000
READER_ACCEPTED = "reader_accepted"


@dataclass(frozen=True)
class ChoiceAnswer:
    """single and true/false questions."""

    choice: int


@dataclass(frozen=True)
class ChoicesAnswer:
    """multi questions: the chosen options, each once."""

    choices: tuple[int, ...]


@dataclass(frozen=True)
class TextAnswer:
    """cloze (fill-in) questions."""

    text: str


@dataclass(frozen=True)
class PairsAnswer:
    """matching questions: per left item, the chosen right option (None: not matched yet)."""

    pairs: tuple[int | None, ...]


Answer = ChoiceAnswer | ChoicesAnswer | TextAnswer | PairsAnswer


def answer_to_json(answer: Answer) -> dict[str, Any]:
    if isinstance(answer, ChoiceAnswer):
        return {"choice": answer.choice}
    if isinstance(answer, ChoicesAnswer):
        return {"choices": list(answer.choices)}
    if isinstance(answer, TextAnswer):
        return {"text": answer.text}
    return {"pairs": list(answer.pairs)}


def answer_from_json(data: object) -> Answer:
    """The answer a stored or received JSON object holds; raises UserError when it holds none."""

    def index(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0

    # A paper quiz's typed answer also records the secretary's decision beside it ("reader_accepted").
    keys = [key for key in data if key != READER_ACCEPTED] if isinstance(data, Mapping) else []
    if isinstance(data, Mapping) and len(keys) == 1:
        key = keys[0]
        value = data[key]
        if key == "choice" and index(value):
            return ChoiceAnswer(value)
        if key == "choices" and isinstance(value, list) and all(index(item) for item in value):
            return ChoicesAnswer(tuple(value))
        if key == "text" and isinstance(value, str):
            return TextAnswer(value)
        if key == "pairs" and isinstance(value, list) and all(item is None or index(item) for item in value):
            return PairsAnswer(tuple(value))
    raise UserError(INVALID_ANSWER)


def stored_answer(data: object) -> Answer | None:
    """A stored answer column: None when empty (a question not answered)."""
    return None if data is None else answer_from_json(data)
