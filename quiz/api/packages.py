"""Plain results of exporting, previewing and merging packages (what the GUI and the CLI show)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

# Kinds of rows, in the order the report shows them, with their Vietnamese names.
KIND_NAMES: dict[str, str] = {
    "documents": "Văn bản",
    "units": "Đơn vị",
    "members": "Đảng viên",
    "attempts": "Bài làm",
    "answers": "Câu trả lời",
    "pledges": "Bản cam kết",
    "pledge_history": "Phiên bản cam kết cũ",
    "review_cards": "Thẻ ôn tập",
    "review_log": "Lượt ôn tập",
    "section_progress": "Tiến độ học",
}


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    package_id: str
    source: str
    counts: dict[str, int]
    documents_included: int


@dataclass(frozen=True)
class MemberMatch:
    """A member of the package who is not known here by id but has the name and birth date of a local one."""

    incoming_id: str
    incoming_name: str
    incoming_chi_bo: str
    birth_date: dt.date
    local_id: str
    local_name: str
    local_chi_bo: str


@dataclass(frozen=True)
class DocumentStatus:
    title: str
    content_hash: str
    present: bool
    included: bool


@dataclass(frozen=True)
class PackagePreview:
    """Who and what a package holds, before merging it."""

    package_id: str
    source: str
    exported_at: dt.datetime
    counts: dict[str, int]
    documents: list[DocumentStatus]
    new_members: list[str]
    known_members: list[str]
    matches: list[MemberMatch]
    already_imported: bool
    # Why merging would refuse the package (e.g. a document missing here and not included); None if fine.
    problem: str | None


@dataclass
class KindCounts:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    refused: int = 0


@dataclass(frozen=True)
class PackageOutcome:
    file_name: str
    package_id: str | None
    source: str
    # The reason the whole package was refused, or None when it was merged.
    refused: str | None
    already_imported: bool = False


@dataclass
class MergeReport:
    """What a merge added, updated, skipped and refused, per kind of row, with the reasons."""

    packages: list[PackageOutcome] = field(default_factory=list)
    counts: dict[str, KindCounts] = field(default_factory=lambda: {kind: KindCounts() for kind in KIND_NAMES})
    notes: list[str] = field(default_factory=list)
    # What the secretary should look at: edits the merge did not apply, or applied only in part.
    conflicts: list[str] = field(default_factory=list)

    @property
    def refused_packages(self) -> list[PackageOutcome]:
        return [outcome for outcome in self.packages if outcome.refused is not None]

    @property
    def has_refusals(self) -> bool:
        return bool(self.refused_packages) or any(counts.refused for counts in self.counts.values())

    def count(self, kind: str, outcome: str, number: int = 1) -> None:
        counts = self.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + number)

    def conflict(self, text: str) -> None:
        """Flag a conflict for the secretary (also shown among the notes, first few of each reason)."""
        self.conflicts.append(text)
        self.note("Cần xem lại: " + text)

    def absorb(self, other: MergeReport) -> None:
        """Add the counts, notes and conflicts of ``other`` (one package's, once it is committed)."""
        for kind, counts in other.counts.items():
            for outcome in ("added", "updated", "skipped", "refused"):
                self.count(kind, outcome, getattr(counts, outcome))
        self.conflicts.extend(other.conflicts)
        for text in other.notes:
            self.note(text)

    def note(self, text: str) -> None:
        # Hundreds of identical notes help nobody: keep the first few of each kind of reason.
        if text not in self.notes and len(self.notes) < 200:
            self.notes.append(text)
