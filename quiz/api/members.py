"""Frozen dataclasses of the members area: units, member drafts, profiles, public summaries and the overview."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

UNIT_KINDS = ("dang_bo", "chi_bo")


@dataclass(frozen=True)
class UnitView:
    id: str
    name: str
    # "dang_bo" or "chi_bo".
    kind: str
    parent_id: str | None
    member_count: int


@dataclass(frozen=True)
class MemberDraft:
    """What the member form fills in; ``pin`` is used only when adding (later changes go through set_pin)."""

    full_name: str
    chi_bo_id: str | None = None
    birth_date: dt.date | None = None
    party_position: str = ""
    job_position: str = ""
    workplace: str = ""
    joined_party_on: dt.date | None = None
    card_number: str = ""
    pin: str | None = None


@dataclass(frozen=True)
class MemberProfile:
    """A member's full profile (the member themself or the admin only)."""

    id: str
    full_name: str
    birth_date: dt.date | None
    party_position: str
    job_position: str
    workplace: str
    chi_bo_id: str | None
    chi_bo_name: str
    dang_bo_name: str
    joined_party_on: dt.date | None
    card_number: str
    has_pin: bool
    # Added at the start screen and not yet confirmed by the secretary (chờ duyệt): results do not count yet.
    pending: bool = False


@dataclass(frozen=True)
class MemberSummary:
    """The public part shown on the start screen's name list: no private fields."""

    id: str
    full_name: str
    chi_bo_id: str | None
    chi_bo_name: str
    has_pin: bool
    pending: bool = False


@dataclass(frozen=True)
class MemberOverview:
    """One row of ``members --json``: the admin's overview of a member."""

    id: str
    name: str
    # The đảng bộ (the chi bộ's parent unit).
    unit: str
    chi_bo: str
    # Submitted exam attempts.
    attempts: int
    # Best exam score in percent, or None before any submitted exam.
    best_score: float | None
    # "none", "draft" or "finalised" (from the pledges area).
    pledge_state: str
    pending: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "unit": self.unit,
            "chi_bo": self.chi_bo,
            "attempts": self.attempts,
            "best_score": self.best_score,
            "pledge_state": self.pledge_state,
            "pending": self.pending,
        }
