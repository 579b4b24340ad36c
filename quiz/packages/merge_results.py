"""Merging attempts (immutable, once), pledges (newest wins, the other kept as history), review state and progress."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from quiz.packages.content import Row
from quiz.packages.export import pledge_content
from quiz.packages.merge_people import aware, chunks, existing_ids
from quiz.packages.types import MergeReport
from quiz.storage.base import new_id
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.documents import Section
from quiz.storage.models.pledges import Pledge, PledgeCommitment, PledgeReflection, PledgeVersion
from quiz.storage.models.study import ReviewCard, ReviewLogEntry, SectionProgress

_SCHEDULE = ("question_id", "state", "step", "stability", "difficulty", "due", "last_review", "reviews", "lapses")


def merge_attempts(
    session: Session, attempts: list[Row], members: dict[str, str], documents: dict[str, str], report: MergeReport
) -> None:
    """Submitted attempts never change: one already here is skipped whole, a new one is added with its answers."""
    present = existing_ids(session, Attempt.id, [attempt["id"] for attempt in attempts])
    new_attempts, new_items, new_answers = [], [], []
    for attempt in attempts:
        answers = [item["answer"] for item in attempt["items"] if item["answer"] is not None]
        if attempt["id"] in present:
            report.count("attempts", "skipped")
            report.count("answers", "skipped", len(answers))
            continue
        fields = {key: value for key, value in attempt.items() if key != "items"}
        fields.update(member_id=members[attempt["member_id"]], document_id=documents[attempt["document_id"]])
        new_attempts.append(fields)
        for item in attempt["items"]:
            new_items.append(
                {key: value for key, value in item.items() if key != "answer"} | {"attempt_id": attempt["id"]}
            )
            if item["answer"] is not None:
                new_answers.append(
                    item["answer"]
                    | {"attempt_item_id": item["id"], "attempt_id": attempt["id"], "position": item["position"]}
                )
        report.count("attempts", "added")
        report.count("answers", "added", len(answers))
    # Core inserts: a unit's merge carries hundreds of thousands of answers, too many for ORM objects.
    for model, rows in ((Attempt, new_attempts), (AttemptItem, new_items), (Answer, new_answers)):
        for part in chunks(rows, 2000):
            session.execute(insert(model), list(part))


def merge_pledges(
    session: Session, pledges: list[Row], members: dict[str, str], documents: dict[str, str], report: MergeReport
) -> None:
    for incoming in pledges:
        member_id, document_id = members[incoming["member_id"]], documents[incoming["document_id"]]
        local = session.scalar(select(Pledge).where(Pledge.member_id == member_id, Pledge.document_id == document_id))
        if local is None:
            _add_pledge(session, incoming, member_id, document_id, report)
            continue
        history = list(session.scalars(select(PledgeVersion).where(PledgeVersion.pledge_id == local.id)))
        current = (local.state, aware(local.modified_at), pledge_content(local))
        offered = (incoming["state"], incoming["modified_at"], incoming["content"])
        if offered == current:
            report.count("pledges", "skipped")
        elif incoming["modified_at"] > current[1]:
            # The newer version wins; the one it replaces is kept as history, not lost.
            _add_history(session, local, history, current, report, replaced=True)
            _set_content(session, local, incoming["content"])
            local.state, local.modified_at, local.finalised_at = offered[0], offered[1], incoming["finalised_at"]
            report.count("pledges", "updated")
        else:
            _add_history(session, local, history, offered, report)
            report.count("pledges", "skipped")
        for old in incoming["history"]:
            _add_history(session, local, history, (old["state"], old["modified_at"], old["content"]), report)
    session.flush()


def _add_pledge(session: Session, incoming: Row, member_id: str, document_id: str, report: MergeReport) -> None:
    taken = session.get(Pledge, incoming["id"]) is not None
    fields = {key: value for key, value in incoming.items() if key not in ("content", "history")}
    pledge = Pledge(**fields | {"id": new_id() if taken else incoming["id"], "member_id": member_id})
    pledge.document_id = document_id
    session.add(pledge)
    session.flush()
    _set_content(session, pledge, incoming["content"])
    taken_versions = existing_ids(session, PledgeVersion.id, [old["id"] for old in incoming["history"]])
    for old in incoming["history"]:
        fields = old | {"id": new_id() if old["id"] in taken_versions else old["id"], "pledge_id": pledge.id}
        session.add(PledgeVersion(**fields))
    report.count("pledges", "added")
    report.count("pledge_history", "added", len(incoming["history"]))


def _set_content(session: Session, pledge: Pledge, content: dict[str, Any]) -> None:
    # Old rows go first: new rows reuse their (pledge, position) keys.
    pledge.reflections.clear()
    pledge.commitments.clear()
    session.flush()
    pledge.reflections = [PledgeReflection(position=index, **row) for index, row in enumerate(content["reflections"])]
    pledge.commitments = [PledgeCommitment(position=index, **row) for index, row in enumerate(content["commitments"])]


def _add_history(
    session: Session,
    pledge: Pledge,
    history: list[PledgeVersion],
    version: tuple[Any, ...],
    report: MergeReport,
    replaced: bool = False,
) -> None:
    """Keep ``version`` (state, modified_at, content) as history unless it is already kept or is the current one.

    ``replaced``: ``version`` is the pledge's current content, about to be replaced by a newer one.
    """
    state, modified_at, content = version
    is_current = not replaced and (pledge.state, aware(pledge.modified_at), pledge_content(pledge)) == version
    if is_current or any((row.state, aware(row.modified_at), row.content) == version for row in history):
        report.count("pledge_history", "skipped")
        return
    # History numbers stay below the pledge's own, as the pledge service expects when it next keeps history.
    row = PledgeVersion(
        pledge_id=pledge.id, version=pledge.version, state=state, modified_at=modified_at, content=content
    )
    pledge.version += 1
    session.add(row)
    history.append(row)
    report.count("pledge_history", "added")


def merge_review_cards(session: Session, cards: list[Row], members: dict[str, str], report: MergeReport) -> None:
    """One card per member and fact: the more recently updated schedule wins; log entries merge by id."""
    present_log = existing_ids(session, ReviewLogEntry.id, [entry["id"] for card in cards for entry in card["log"]])
    new_log: list[Row] = []
    for incoming in cards:
        member_id = members[incoming["member_id"]]
        local = session.scalar(
            select(ReviewCard).where(ReviewCard.member_id == member_id, ReviewCard.fact_key == incoming["fact_key"])
        )
        if local is None:
            fields = {key: value for key, value in incoming.items() if key != "log"} | {"member_id": member_id}
            if session.get(ReviewCard, incoming["id"]) is not None:
                fields["id"] = new_id()
            local = ReviewCard(**fields)
            session.add(local)
            session.flush()
            report.count("review_cards", "added")
        elif incoming["updated_at"] > aware(local.updated_at):
            for key in _SCHEDULE:
                setattr(local, key, incoming[key])
            local.updated_at = incoming["updated_at"]
            report.count("review_cards", "updated")
        else:
            report.count("review_cards", "skipped")
        for entry in incoming["log"]:
            if entry["id"] in present_log:
                report.count("review_log", "skipped")
            else:
                new_log.append(entry | {"card_id": local.id})
                present_log.add(entry["id"])
                report.count("review_log", "added")
    session.flush()
    for part in chunks(new_log, 2000):
        session.execute(insert(ReviewLogEntry), list(part))


def merge_progress(
    session: Session, rows: list[Row], members: dict[str, str], documents: dict[str, str], report: MergeReport
) -> None:
    """Reading progress combines: the earliest opening, the longest reading, studied if studied anywhere."""
    section_ids = sorted({row["section_id"] for row in rows})
    sections: dict[str, str] = {}
    for part in chunks(section_ids):
        sections.update(
            {
                section_id: document_id
                for section_id, document_id in session.execute(
                    select(Section.id, Section.document_id).where(Section.id.in_(part))
                )
            }
        )
    for incoming in rows:
        member_id, document_id = members[incoming["member_id"]], documents[incoming["document_id"]]
        if sections.get(incoming["section_id"]) != document_id:
            report.count("section_progress", "skipped")
            report.note("Bỏ qua tiến độ học của phần văn bản không có trên máy này (văn bản đã được chia phần khác).")
            continue
        local = session.scalar(
            select(SectionProgress).where(
                SectionProgress.member_id == member_id, SectionProgress.section_id == incoming["section_id"]
            )
        )
        if local is None:
            fields = incoming | {"member_id": member_id, "document_id": document_id}
            if session.get(SectionProgress, incoming["id"]) is not None:
                fields["id"] = new_id()
            session.add(SectionProgress(**fields))
            report.count("section_progress", "added")
            continue
        combined = {
            "opened_at": _earliest(local.opened_at, incoming["opened_at"]),
            "reading_seconds": max(local.reading_seconds, incoming["reading_seconds"]),
            "studied": local.studied or incoming["studied"],
            "studied_at": _earliest(local.studied_at, incoming["studied_at"]),
            "updated_at": max(aware(local.updated_at), incoming["updated_at"]),
        }
        before = {
            key: aware(value) if key.endswith("_at") and value else value for key, value in _values(local).items()
        }
        if combined == before:
            report.count("section_progress", "skipped")
            continue
        for key, value in combined.items():
            setattr(local, key, value)
        report.count("section_progress", "updated")
    session.flush()


def _values(row: SectionProgress) -> dict[str, Any]:
    keys = ("opened_at", "reading_seconds", "studied", "studied_at", "updated_at")
    return {key: getattr(row, key) for key in keys}


def _earliest(first: Any, second: Any) -> Any:
    present = [aware(value) for value in (first, second) if value is not None]
    return min(present) if present else None
