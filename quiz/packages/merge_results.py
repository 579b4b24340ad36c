"""Merging attempts (immutable, merged once) and pledges (the newest wins, the other is kept as history)."""

from __future__ import annotations

from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from quiz.api.packages import MergeReport
from quiz.packages import bulk
from quiz.packages.content import Row
from quiz.packages.export import pledge_content
from quiz.packages.merge_keys import verified_here
from quiz.packages.merge_people import MemberMap, NewRows, existing_ids, insert_rows, rows_of_members
from quiz.packages.prepared import PreparedAttempts, prepare_attempts
from quiz.storage.base import new_id
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.people import Member
from quiz.storage.models.pledges import Pledge, PledgeCommitment, PledgeReflection, PledgeVersion
from quiz.storage.written_tables import note_written


def merge_attempts(
    session: Session,
    attempts: list[Row],
    members: MemberMap,
    documents: dict[str, str],
    report: MergeReport,
    prepared: PreparedAttempts | None = None,
) -> None:
    """Submitted attempts never change: one already here is skipped whole, a new one is added with its answers.

    ``prepared``: the attempts' items and answers already made into rows (by the reading process), if so; the
    attempts' own items may then be gone.
    """
    flavour = bulk.flavour(session.connection().dialect)
    present = existing_ids(session, Attempt.id, [attempt["id"] for attempt in attempts])
    if prepared is None:
        prepared = prepare_attempts(attempts, flavour)
    elif prepared.flavour != flavour:  # never: the reader asks the same database; the items may be gone
        raise RuntimeError(f"rows prepared for {prepared.flavour}, the database takes {flavour}")
    new_attempts = []
    for attempt in attempts:
        answered = prepared.answered[attempt["id"]]
        if attempt["id"] in present:
            report.count("attempts", "skipped")
            report.count("answers", "skipped", answered)
            continue
        # The package's own rows become the inserted rows (completed in place, no copies); their items and answers
        # were prepared when the package was read.
        attempt.update(member_id=members[attempt["member_id"]], document_id=documents[attempt["document_id"]])
        new_attempts.append(attempt)
        report.count("attempts", "added")
        report.count("answers", "added", answered)
    insert_rows(session, Attempt, new_attempts, skip=("items",))
    items, answers = prepared.items.without(present), prepared.answers.without(present)
    connection = session.connection()
    for model, table in ((AttemptItem, items), (Answer, answers)):
        if table.rows:
            bulk.insert_prepared(connection, cast(Table, model.__table__), table, flavour)
            note_written(session, model.__tablename__)
    if flavour == "sqlite":
        # Items belong to attempts just added, answers to items just added (merge_keys: SQLite checks no keys here).
        item_ids = set(map(itemgetter(0), items.rows))
        new_ids = {row["id"] for row in new_attempts}
        verified_here(session, cast(Table, AttemptItem.__table__), set(items.attempt_ids) <= new_ids)
        verified_here(session, cast(Table, Answer.__table__), set(map(itemgetter(1), answers.rows)) <= item_ids)


def merge_pledges(
    session: Session, pledges: list[Row], members: MemberMap, documents: dict[str, str], report: MergeReport
) -> None:
    """One pledge per member and document: a new one is added whole; for one already here, the newer wins."""
    keyed = [(row, members[row["member_id"]], documents[row["document_id"]]) for row in pledges]
    local = {(row.member_id, row.document_id): row for row in rows_of_members(session, Pledge, members.existing())}
    ids = [row["id"] for row in pledges] + [old["id"] for row in pledges for old in row["history"]]
    taken = existing_ids(session, Pledge.id, ids) | existing_ids(session, PledgeVersion.id, ids)
    new = NewRows()
    later: list[tuple[Row, str, str]] = []
    for incoming, member_id, document_id in keyed:
        if (member_id, document_id) in new.keys:
            later.append((incoming, member_id, document_id))  # two package members confirmed as one person
        elif (member_id, document_id) in local:
            _merge_into(session, local[(member_id, document_id)], incoming, report)
        else:
            new.keys.add((member_id, document_id))
            _new_pledge(new, incoming, member_id, document_id, taken)
            report.count("pledges", "added")
            report.count("pledge_history", "added", len(incoming["history"]))
    new.insert(session, (Pledge, PledgeReflection, PledgeCommitment, PledgeVersion))
    for incoming, member_id, document_id in later:
        pledge = session.scalars(
            select(Pledge).where(Pledge.member_id == member_id, Pledge.document_id == document_id)
        ).one()
        _merge_into(session, pledge, incoming, report)
    session.flush()


def _merge_into(session: Session, local: Pledge, incoming: Row, report: MergeReport) -> None:
    history = list(session.scalars(select(PledgeVersion).where(PledgeVersion.pledge_id == local.id)))
    current = (local.state, local.modified_at, pledge_content(local))
    offered = (incoming["state"], incoming["modified_at"], incoming["content"])
    if offered == current:
        report.count("pledges", "skipped")
    elif incoming["modified_at"] > current[1] and local.state == "finalised" and incoming["state"] == "draft":
        # A draft never unlocks a finalised pledge (only the admin reopens one): it is kept as history instead.
        _add_history(session, local, history, offered, report)
        report.count("pledges", "skipped")
        member = session.get(Member, local.member_id)
        report.conflict(
            f"Bản cam kết của đảng viên {member.full_name if member else local.member_id} đã nộp trên máy này; bản "
            "nháp sửa sau trong gói không thay thế bản đã nộp mà được lưu vào lịch sử."
        )
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


def _new_pledge(new: NewRows, incoming: Row, member_id: str, document_id: str, taken: set[str]) -> None:
    pledge_id = new_id() if incoming["id"] in taken else incoming["id"]
    fields = {key: value for key, value in incoming.items() if key not in ("content", "history")}
    new.add(Pledge, fields | {"id": pledge_id, "member_id": member_id, "document_id": document_id})
    for position, row in enumerate(incoming["content"]["reflections"]):
        new.add(PledgeReflection, row | {"id": new_id(), "pledge_id": pledge_id, "position": position})
    for position, row in enumerate(incoming["content"]["commitments"]):
        new.add(PledgeCommitment, row | {"id": new_id(), "pledge_id": pledge_id, "position": position})
    for old in incoming["history"]:
        new.add(PledgeVersion, old | {"id": new_id() if old["id"] in taken else old["id"], "pledge_id": pledge_id})


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
    is_current = not replaced and (pledge.state, pledge.modified_at, pledge_content(pledge)) == version
    if is_current or any((row.state, row.modified_at, row.content) == version for row in history):
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
