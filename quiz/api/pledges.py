"""A pledge's content as plain values: reflection answers, commitment rows, snapshots and the finalise check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

DRAFT = "draft"
FINALISED = "finalised"

MAX_COMMITMENTS = 50
MAX_FIELD_LENGTH = 5000


@dataclass(frozen=True)
class ReflectionAnswer:
    """The member's answer to one reflection question (the question's wording travels with it)."""

    question: str
    answer: str = ""


@dataclass(frozen=True)
class Commitment:
    """One row of the commitment table."""

    content: str
    measures: str = ""
    due_text: str = ""
    note: str = ""
    category: str = ""


@dataclass(frozen=True)
class PledgeInfo:
    """A member's pledge for a document; ``id`` is None (and ``version`` 0) until the first save."""

    id: str | None
    member_id: str
    document_id: str
    state: str
    version: int
    modified_at: dt.datetime | None
    finalised_at: dt.datetime | None
    reflections: tuple[ReflectionAnswer, ...]
    commitments: tuple[Commitment, ...]

    @property
    def is_finalised(self) -> bool:
        return self.state == FINALISED


@dataclass(frozen=True)
class PledgeVersionInfo:
    """An earlier version kept as history."""

    version: int
    state: str
    modified_at: dt.datetime
    reflections: tuple[ReflectionAnswer, ...]
    commitments: tuple[Commitment, ...]


@dataclass(frozen=True)
class CommitmentSuggestion:
    """A commitment the member can pick and edit, drawn from a sentence of the document."""

    content: str
    source_sentence: str
    section_id: str | None


def clean_reflections(reflections: Sequence[ReflectionAnswer]) -> tuple[ReflectionAnswer, ...]:
    return tuple(ReflectionAnswer(item.question.strip(), item.answer.strip()) for item in reflections)


def clean_commitments(commitments: Sequence[Commitment]) -> tuple[Commitment, ...]:
    """Trimmed rows; rows left wholly empty (a blank line of the table) are dropped."""
    cleaned = tuple(
        Commitment(
            item.content.strip(), item.measures.strip(), item.due_text.strip(), item.note.strip(), item.category.strip()
        )
        for item in commitments
    )
    return tuple(item for item in cleaned if any(asdict(item).values()))


def too_long(reflections: Sequence[ReflectionAnswer], commitments: Sequence[Commitment]) -> bool:
    texts = [text for item in reflections for text in asdict(item).values()]
    texts += [text for item in commitments for text in asdict(item).values()]
    return len(commitments) > MAX_COMMITMENTS or any(len(text) > MAX_FIELD_LENGTH for text in texts)


def snapshot(reflections: Sequence[ReflectionAnswer], commitments: Sequence[Commitment]) -> dict[str, Any]:
    """JSON-ready content, as stored in a history row."""
    return {
        "reflections": [asdict(item) for item in reflections],
        "commitments": [asdict(item) for item in commitments],
    }


def from_snapshot(content: dict[str, Any]) -> tuple[tuple[ReflectionAnswer, ...], tuple[Commitment, ...]]:
    reflections = tuple(ReflectionAnswer(**item) for item in content.get("reflections", []))
    commitments = tuple(Commitment(**item) for item in content.get("commitments", []))
    return reflections, commitments


def finalise_problems(reflections: Sequence[ReflectionAnswer], commitments: Sequence[Commitment]) -> list[str]:
    """What still blocks finalising, as Vietnamese sentences (empty when the pledge is complete)."""
    problems = [
        f"Chưa trả lời câu hỏi thu hoạch số {index}." for index, item in enumerate(reflections, 1) if not item.answer
    ]
    if not any(item.content for item in commitments):
        problems.append("Chưa đăng ký việc làm nào trong bản cam kết.")
    problems += [
        f"Dòng cam kết số {index} chưa ghi nội dung việc làm."
        for index, item in enumerate(commitments, 1)
        if not item.content
    ]
    return problems
