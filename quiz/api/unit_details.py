"""What every printed paper needs from the unit: superior committee, chi bộ/đảng bộ name, place, forms deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quiz.text import fold

# The settings keys (public, not secret: they are printed on every paper) that the first start asks for.
PARTY_COMMITTEE_KEY = "party_committee"
UNIT_NAME_KEY = "unit_name"
PLACE_NAME_KEY = "place_name"
FORMS_DEADLINE_KEY = "forms_deadline"
# Earlier versions stored this bare word as the default committee; a header printing only it is incomplete.
BARE_COMMITTEE = "dang bo"


@dataclass(frozen=True)
class UnitDetails:
    """The unit's names for the printed header; ``forms_deadline`` may be unknown at first start."""

    party_committee: str = ""
    unit_name: str = ""
    place_name: str = ""
    forms_deadline: dt.date | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> UnitDetails:
        return cls(
            party_committee=str(settings.get(PARTY_COMMITTEE_KEY) or "").strip(),
            unit_name=str(settings.get(UNIT_NAME_KEY) or "").strip(),
            place_name=str(settings.get(PLACE_NAME_KEY) or "").strip(),
            forms_deadline=parse_iso_date(settings.get(FORMS_DEADLINE_KEY)),
        )

    def as_settings(self) -> dict[str, str]:
        """The values to store (the date as ISO text, empty when there is none)."""
        return {
            PARTY_COMMITTEE_KEY: self.party_committee.strip(),
            UNIT_NAME_KEY: self.unit_name.strip(),
            PLACE_NAME_KEY: self.place_name.strip(),
            FORMS_DEADLINE_KEY: self.forms_deadline.isoformat() if self.forms_deadline else "",
        }

    def missing(self) -> list[str]:
        """The names (as the secretary reads them) still needed before a header can be printed in full."""
        needed = []
        if not self.party_committee or fold(self.party_committee) == BARE_COMMITTEE:
            needed.append("tên đảng bộ cấp trên")
        if not self.unit_name:
            needed.append("tên chi bộ (đảng bộ)")
        if not self.place_name:
            needed.append("địa danh")
        return needed

    def is_complete(self) -> bool:
        return not self.missing()


def parse_iso_date(value: object) -> dt.date | None:
    """A stored ISO date ("2026-12-31"); anything else (empty, damaged) counts as no date."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None
