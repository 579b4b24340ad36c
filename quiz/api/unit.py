"""Plain results of unit progress: per chi bộ and in total, per member, and the hardest questions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from quiz.formatting import format_number, format_ratio


def percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


@dataclass(frozen=True)
class ChiBoProgress:
    """Counts for one chi bộ (or the whole đảng bộ in ``UnitProgress.total``; ``unit_id`` None then)."""

    unit_id: str | None
    name: str
    members: int
    studied: int
    took_quiz: int
    passed: int
    pledged: int
    # Mean of the counted exam score (best or last, as the quiz settings say) of those who took it.
    average_score: float | None
    not_done_by_deadline: int

    def ratio(self, count: int) -> str:
        """ "35.599/35.900 (99,16 %)" for one of the counts above."""
        return format_ratio(count, self.members)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``progress --json``."""
        counts = {
            "studied": self.studied,
            "took_quiz": self.took_quiz,
            "passed": self.passed,
            "pledged": self.pledged,
        }
        result: dict[str, Any] = {"id": self.unit_id, "chi_bo": self.name, "members": self.members}
        for key, count in counts.items():
            result[key] = count
            result[f"{key}_percent"] = percent(count, self.members)
            result[f"{key}_text"] = self.ratio(count)
        result["average_score"] = self.average_score
        result["average_score_text"] = (
            f"{format_number(self.average_score, 2)} %" if self.average_score is not None else ""
        )
        result["not_done_by_deadline"] = self.not_done_by_deadline
        return result


@dataclass(frozen=True)
class UnitProgress:
    document_id: str
    document_title: str
    deadline: dt.date | None
    sections: int
    chi_bo: tuple[ChiBoProgress, ...]
    total: ChiBoProgress

    def as_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "document_title": self.document_title,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "sections": self.sections,
            "chi_bo": [row.as_dict() for row in self.chi_bo],
            "total": self.total.as_dict(),
        }


@dataclass(frozen=True)
class MemberProgress:
    """One member's line in the unit's reports."""

    member_id: str
    full_name: str
    chi_bo_id: str | None
    chi_bo_name: str
    sections_studied: int
    sections_total: int
    reading_seconds: int
    studied: bool
    exam_attempts: int
    best_score: float | None
    counted_score: float | None
    passed: bool
    # "none", "draft" or "finalised".
    pledge_state: str
    # Submitted an exam by the end of the deadline day (True when there is no deadline and one was submitted).
    done_by_deadline: bool


@dataclass(frozen=True)
class HardQuestion:
    question_id: str
    prompt: str
    times_asked: int
    times_correct: int

    @property
    def facility(self) -> float:
        return self.times_correct / self.times_asked if self.times_asked else 0.0
