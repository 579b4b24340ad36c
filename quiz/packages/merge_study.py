"""Merging review state (one card per member and fact, the newer schedule wins, log by id) and reading progress."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.api.packages import MergeReport
from quiz.packages.content import Row
from quiz.packages.merge_people import MemberMap, NewRows, chunks, existing_ids, rows_of_members
from quiz.storage.base import new_id
from quiz.storage.models.documents import Section
from quiz.storage.models.study import ReviewCard, ReviewLogEntry, SectionProgress

_SCHEDULE = ("question_id", "state", "step", "stability", "difficulty", "due", "last_review", "reviews", "lapses")
_PROGRESS = ("opened_at", "reading_seconds", "studied", "studied_at", "updated_at")


def merge_review_cards(session: Session, cards: list[Row], members: MemberMap, report: MergeReport) -> None:
    """One card per member and fact: the more recently updated schedule wins; log entries merge by id."""
    local = {(card.member_id, card.fact_key): card for card in rows_of_members(session, ReviewCard, members.existing())}
    taken = existing_ids(session, ReviewCard.id, [card["id"] for card in cards])
    present_log = existing_ids(session, ReviewLogEntry.id, [entry["id"] for card in cards for entry in card["log"]])
    planned: dict[tuple[str, str], str] = {}
    new = NewRows()
    for incoming in cards:
        member_id = members[incoming["member_id"]]
        key = (member_id, incoming["fact_key"])
        card_id = planned.get(key)
        if card_id is not None:
            report.count("review_cards", "skipped")
        elif key in local:
            card_id = local[key].id
            _update_card(local[key], incoming, report)
        else:
            card_id = new_id() if incoming["id"] in taken else incoming["id"]
            fields = {name: value for name, value in incoming.items() if name != "log"}
            new.add(ReviewCard, fields | {"id": card_id, "member_id": member_id})
            planned[key] = card_id
            report.count("review_cards", "added")
        for entry in incoming["log"]:
            if entry["id"] in present_log:
                report.count("review_log", "skipped")
            else:
                new.add(ReviewLogEntry, entry | {"card_id": card_id})
                present_log.add(entry["id"])
                report.count("review_log", "added")
    session.flush()
    new.insert(session, (ReviewCard, ReviewLogEntry))


def _update_card(local: ReviewCard, incoming: Row, report: MergeReport) -> None:
    if incoming["updated_at"] <= local.updated_at:
        report.count("review_cards", "skipped")
        return
    for name in _SCHEDULE:
        setattr(local, name, incoming[name])
    local.updated_at = incoming["updated_at"]
    report.count("review_cards", "updated")


def merge_progress(
    session: Session, rows: list[Row], members: MemberMap, documents: dict[str, str], report: MergeReport
) -> None:
    """Reading progress combines: the earliest opening, the longest reading, studied if studied anywhere."""
    sections: dict[str, str] = {}
    for part in chunks(sorted({row["section_id"] for row in rows})):
        query = select(Section.id, Section.document_id).where(Section.id.in_(part))
        sections.update({section_id: document_id for section_id, document_id in session.execute(query)})
    local = {
        (row.member_id, row.section_id): row for row in rows_of_members(session, SectionProgress, members.existing())
    }
    taken = existing_ids(session, SectionProgress.id, [row["id"] for row in rows])
    new = NewRows()
    for incoming in rows:
        member_id, document_id = members[incoming["member_id"]], documents[incoming["document_id"]]
        key = (member_id, incoming["section_id"])
        if sections.get(incoming["section_id"]) != document_id or key in new.keys:
            report.count("section_progress", "skipped")
            if key not in new.keys:
                report.note("Bỏ qua tiến độ học của phần văn bản không có trên máy này (văn bản được chia phần khác).")
        elif key in local:
            _combine(local[key], incoming, report)
        else:
            new.keys.add(key)
            row_id = new_id() if incoming["id"] in taken else incoming["id"]
            new.add(SectionProgress, incoming | {"id": row_id, "member_id": member_id, "document_id": document_id})
            report.count("section_progress", "added")
    session.flush()
    new.insert(session, (SectionProgress,))


def _combine(local: SectionProgress, incoming: Row, report: MergeReport) -> None:
    combined = {
        "opened_at": _earliest(local.opened_at, incoming["opened_at"]),
        "reading_seconds": max(local.reading_seconds, incoming["reading_seconds"]),
        "studied": local.studied or incoming["studied"],
        "studied_at": _earliest(local.studied_at, incoming["studied_at"]),
        "updated_at": max(local.updated_at, incoming["updated_at"]),
    }
    before = {name: getattr(local, name) for name in _PROGRESS}
    if combined == before:
        report.count("section_progress", "skipped")
        return
    for name, value in combined.items():
        setattr(local, name, value)
    report.count("section_progress", "updated")


def _earliest(first: Any, second: Any) -> Any:
    present = [value for value in (first, second) if value is not None]
    return min(present) if present else None
