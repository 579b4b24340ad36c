"""Collect the rows a results package carries (one chi bộ or all) as JSON-ready parts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from quiz.api.pledges import Commitment, ReflectionAnswer, snapshot
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem, answers_of
from quiz.storage.models.documents import Document, Section, Sentence
from quiz.storage.models.people import Member, Unit
from quiz.storage.models.pledges import Pledge, PledgeVersion
from quiz.storage.models.study import ReviewCard, ReviewLogEntry, SectionProgress

Row = dict[str, Any]


def when(moment: dt.datetime | None) -> str | None:
    """ISO text in UTC (SQLite hands back naive datetimes; every stored time is UTC)."""
    if moment is None:
        return None
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC).isoformat()


def day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def collect_parts(session: Session, chi_bo_id: str | None, include_document: bool) -> dict[str, list[Row]]:
    """Every part of a package for the members of ``chi_bo_id`` (None: every member of this PC)."""
    # A member still awaiting the secretary's approval (added at the start screen) does not travel yet.
    member_ids = select(Member.id).where(Member.approval == "confirmed")
    if chi_bo_id is not None:
        member_ids = member_ids.where(Member.chi_bo_id == chi_bo_id)
    attempt_ids = select(Attempt.id).where(Attempt.member_id.in_(member_ids), Attempt.submitted_at.is_not(None))
    parts: dict[str, list[Row]] = {
        "units.json": _units(session, chi_bo_id),
        "members.json": [_member(row) for row in session.scalars(select(Member).where(Member.id.in_(member_ids)))],
        "attempts.json": _attempts(session, attempt_ids),
        "pledges.json": _pledges(session, member_ids),
        "review_cards.json": _cards(session, member_ids),
        "section_progress.json": [
            _columns(row, SectionProgress)
            for row in session.scalars(select(SectionProgress).where(SectionProgress.member_id.in_(member_ids)))
        ],
    }
    used = {
        row["document_id"] for name in ("attempts.json", "pledges.json", "section_progress.json") for row in parts[name]
    }
    documents = session.scalars(select(Document) if include_document else select(Document).where(Document.id.in_(used)))
    parts["documents.json"] = [
        {"id": row.id, "content_hash": row.content_hash, "title": row.title} for row in documents
    ]
    if include_document:
        parts["document_texts.json"] = [_document_text(session, row) for row in session.scalars(select(Document))]
    return parts


def _columns(row: Any, model: type[Any], skip: tuple[str, ...] = ()) -> Row:
    """A row's columns as JSON values (times as UTC ISO text, dates as ISO dates)."""
    values: Row = {}
    for column in model.__table__.columns:
        if column.key in skip:
            continue
        value = getattr(row, column.key)
        if isinstance(value, dt.datetime):
            value = when(value)
        elif isinstance(value, dt.date):
            value = day(value)
        values[column.key] = value
    return values


def _units(session: Session, chi_bo_id: str | None) -> list[Row]:
    units = {unit.id: unit for unit in session.scalars(select(Unit))}
    if chi_bo_id is None:
        chosen = list(units.values())
    else:
        chosen, current = [], units.get(chi_bo_id)
        while current is not None and current not in chosen:
            chosen.append(current)
            current = units.get(current.parent_id) if current.parent_id else None
    return [_columns(unit, Unit) for unit in chosen]


def _member(member: Member) -> Row:
    # The PIN hash stays on its PC: a member sets a PIN on each PC they use.
    return _columns(member, Member, skip=("pin_hash", "folded_name", "approval"))


def _attempts(session: Session, attempt_ids: Select[Any]) -> list[Row]:
    answers = {
        answer.attempt_item_id: _columns(answer, Answer, skip=("attempt_item_id", "position"))
        for answer in session.scalars(answers_of(attempt_ids))
    }
    items: dict[str, list[Row]] = defaultdict(list)
    for item in session.scalars(
        select(AttemptItem).where(AttemptItem.attempt_id.in_(attempt_ids)).order_by(AttemptItem.position)
    ):
        # is_correct is the answer's, copied for the unit statistics: the package keeps its format without it.
        row = _columns(item, AttemptItem, ("attempt_id", "is_correct"))
        items[item.attempt_id].append({**row, "answer": answers.get(item.id)})
    return [
        {**_columns(attempt, Attempt), "items": items.get(attempt.id, [])}
        for attempt in session.scalars(select(Attempt).where(Attempt.id.in_(attempt_ids)))
    ]


def pledge_content(pledge: Pledge) -> dict[str, Any]:
    reflections = [ReflectionAnswer(row.question, row.answer) for row in pledge.reflections]
    commitments = [
        Commitment(row.content, row.measures, row.due_text, row.note, row.category) for row in pledge.commitments
    ]
    return snapshot(reflections, commitments)


def _pledges(session: Session, member_ids: Select[Any]) -> list[Row]:
    pledge_ids = select(Pledge.id).where(Pledge.member_id.in_(member_ids))
    history: dict[str, list[Row]] = defaultdict(list)
    for version in session.scalars(select(PledgeVersion).where(PledgeVersion.pledge_id.in_(pledge_ids))):
        history[version.pledge_id].append(_columns(version, PledgeVersion, ("pledge_id",)))
    return [
        {**_columns(pledge, Pledge), "content": pledge_content(pledge), "history": history.get(pledge.id, [])}
        for pledge in session.scalars(select(Pledge).where(Pledge.member_id.in_(member_ids)))
    ]


def _cards(session: Session, member_ids: Select[Any]) -> list[Row]:
    card_ids = select(ReviewCard.id).where(ReviewCard.member_id.in_(member_ids))
    log: dict[str, list[Row]] = defaultdict(list)
    for entry in session.scalars(select(ReviewLogEntry).where(ReviewLogEntry.card_id.in_(card_ids))):
        log[entry.card_id].append(_columns(entry, ReviewLogEntry, ("card_id",)))
    return [
        {**_columns(card, ReviewCard), "log": log.get(card.id, [])}
        for card in session.scalars(select(ReviewCard).where(ReviewCard.member_id.in_(member_ids)))
    ]


def _document_text(session: Session, document: Document) -> Row:
    sentences: dict[str, list[Row]] = defaultdict(list)
    for sentence in session.scalars(select(Sentence).where(Sentence.document_id == document.id)):
        sentences[sentence.section_id].append(
            {
                "id": sentence.id,
                "position": sentence.position,
                "start": sentence.start,
                "end": sentence.end,
                "text": sentence.text,
            }
        )
    sections = session.scalars(select(Section).where(Section.document_id == document.id).order_by(Section.position))
    return {
        "id": document.id,
        "content_hash": document.content_hash,
        "title": document.title,
        "source_name": document.source_name,
        "imported_at": when(document.imported_at),
        "text": document.text,
        "removed_lines": [
            {"line": str(item.get("line", "")), "reason": str(item.get("reason", ""))}
            for item in document.removed_lines
        ],
        "sections": [
            {**_columns(section, Section, ("document_id",)), "sentences": sentences.get(section.id, [])}
            for section in sections
        ],
    }
