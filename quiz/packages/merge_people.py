"""Merging documents, units and members: identity first, then (for members) name + birth date confirmed by the admin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from quiz.packages.content import PackageContent, Row
from quiz.packages.types import MemberMatch, MergeReport
from quiz.storage.models.documents import Document, Section, Sentence
from quiz.storage.models.people import Member, Unit
from quiz.storage.models.sync import MemberAlias
from quiz.text import fold

Item = TypeVar("Item")
Decide = Callable[[MemberMatch], bool]
_PROFILE = (
    "full_name",
    "birth_date",
    "party_position",
    "job_position",
    "workplace",
    "chi_bo_id",
    "joined_party_on",
    "card_number",
)


def chunks(items: Sequence[Item], size: int = 500) -> Iterator[Sequence[Item]]:
    """Slices small enough for an IN (...) list on every backend."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class NewRows:
    """Rows to add with Core inserts (tens of thousands per merge: ORM objects would be far slower)."""

    def __init__(self) -> None:
        self.rows: dict[type[Any], list[Row]] = {}
        # Natural keys (member, document / fact / section) already planned, so one is never added twice.
        self.keys: set[tuple[str, str]] = set()

    def add(self, model: type[Any], row: Row) -> None:
        self.rows.setdefault(model, []).append(row)

    def insert(self, session: Session, order: Sequence[type[Any]]) -> None:
        """Insert parents before children (``order``)."""
        for model in order:
            insert_rows(session, model, self.rows.get(model, []))


def insert_rows(session: Session, model: type[Any], rows: Sequence[Row]) -> None:
    """Core executemany in slices: far faster than ORM objects (or ORM bulk inserts) for many rows."""
    table = cast(Table, model.__table__)
    for part in chunks(rows, 2000):
        session.connection().execute(table.insert(), list(part))


def rows_of_members(session: Session, model: type[Item], member_ids: Iterable[str]) -> list[Item]:
    """The rows of ``model`` belonging to any of ``member_ids`` (a model with a ``member_id`` column)."""
    column = model.member_id  # type: ignore[attr-defined]
    found: list[Item] = []
    for part in chunks(sorted(set(member_ids))):
        found.extend(session.scalars(select(model).where(column.in_(part))))
    return found


def existing_ids(session: Session, column: Any, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for part in chunks(sorted(set(ids))):
        found.update(session.scalars(select(column).where(column.in_(part))))
    return found


# Documents ---------------------------------------------------------------------------------------------------


def document_problem(session: Session, content: PackageContent) -> str | None:
    """Why the package cannot be merged here because of its documents (None when each is present or carried).

    Checked before anything is written, so a refused package leaves no trace even among several merged at once.
    """
    texts = {row["id"]: row for row in content.document_texts}
    for reference in content.documents:
        if _local_document(session, reference) is not None:
            continue
        document = texts.get(reference["id"])
        if document is None:
            return (
                f"Gói kết quả dùng văn bản «{reference['title']}» chưa có trên máy này; hãy nhập văn bản đó trước "
                "hoặc xuất lại gói kèm văn bản."
            )
        section_ids = [section["id"] for section in document["sections"]]
        sentence_ids = [sentence["id"] for section in document["sections"] for sentence in section["sentences"]]
        if (
            session.get(Document, document["id"]) is not None
            or existing_ids(session, Section.id, section_ids)
            or existing_ids(session, Sentence.id, sentence_ids)
        ):
            return f"Văn bản «{document['title']}» kèm theo gói trùng mã với một văn bản khác trên máy này."
    return None


def _local_document(session: Session, reference: Row) -> str | None:
    return session.scalar(select(Document.id).where(Document.content_hash == reference["content_hash"]))


def merge_documents(session: Session, content: PackageContent, report: MergeReport) -> dict[str, str]:
    """Map each package document id to the local one (same content hash), adding carried ones that are missing.

    The caller has checked ``document_problem`` first.
    """
    texts = {row["id"]: row for row in content.document_texts}
    mapping: dict[str, str] = {}
    for reference in content.documents:
        local = _local_document(session, reference)
        if local is not None:
            mapping[reference["id"]] = local
            if reference["id"] in texts:
                report.count("documents", "skipped")
            continue
        _add_document(session, texts[reference["id"]])
        mapping[reference["id"]] = reference["id"]
        report.count("documents", "added")
    return mapping


def _add_document(session: Session, document: Row) -> None:
    session.add(
        Document(
            id=document["id"],
            title=document["title"],
            source_name=document["source_name"],
            imported_at=document["imported_at"],
            content_hash=document["content_hash"],
            text=document["text"],
            removed_lines=document["removed_lines"],
        )
    )
    session.flush()
    for section in document["sections"]:
        fields = {key: value for key, value in section.items() if key != "sentences"}
        session.add(Section(document_id=document["id"], **fields))
    session.flush()
    for section in document["sections"]:
        for sentence in section["sentences"]:
            folded = fold(sentence["text"])
            session.add(Sentence(section_id=section["id"], document_id=document["id"], folded_text=folded, **sentence))
    session.flush()


# Units -------------------------------------------------------------------------------------------------------


def merge_units(session: Session, units: list[Row], report: MergeReport) -> None:
    """Units merge by id (never by name); a newer rename or move wins."""
    by_id = {unit["id"]: unit for unit in units}
    ordered: list[Row] = []

    def visit(unit: Row, depth: int = 0) -> None:
        parent = by_id.get(unit["parent_id"] or "")
        if parent is not None and parent not in ordered and depth < len(units):
            visit(parent, depth + 1)
        if unit not in ordered:
            ordered.append(unit)

    for unit in units:
        visit(unit)
    for unit in ordered:
        local = session.get(Unit, unit["id"])
        if local is None:
            session.add(Unit(**unit))
            session.flush()
            report.count("units", "added")
        elif unit["updated_at"] > aware(local.updated_at) and (local.name, local.kind, local.parent_id) != (
            unit["name"],
            unit["kind"],
            unit["parent_id"],
        ):
            local.name, local.kind, local.parent_id = unit["name"], unit["kind"], unit["parent_id"]
            local.updated_at = unit["updated_at"]
            report.count("units", "updated")
        else:
            report.count("units", "skipped")


# Members -----------------------------------------------------------------------------------------------------


def resolve_members(session: Session, members: list[Row], units: list[Row]) -> tuple[dict[str, str], list[MemberMatch]]:
    """Incoming ids known here (by id or a confirmed alias) → local id; and name + birth date candidates."""
    ids = [member["id"] for member in members]
    known = {member_id: member_id for member_id in existing_ids(session, Member.id, ids)}
    for part in chunks([member_id for member_id in ids if member_id not in known]):
        for alias in session.scalars(select(MemberAlias).where(MemberAlias.alias_id.in_(part))):
            known[alias.alias_id] = alias.member_id
    unknown = [member for member in members if member["id"] not in known and member["birth_date"] is not None]
    locals_by_name: dict[tuple[str, dt.date], list[Member]] = {}
    for part in chunks(sorted({fold(member["full_name"]) for member in unknown})):
        for local in session.scalars(
            select(Member).where(Member.folded_name.in_(part), Member.birth_date.is_not(None))
        ):
            assert local.birth_date is not None
            locals_by_name.setdefault((local.folded_name, local.birth_date), []).append(local)
    unit_names: dict[str, str] = {unit_id: name for unit_id, name in session.execute(select(Unit.id, Unit.name))}
    incoming_units = {unit["id"]: unit["name"] for unit in units}
    matches = [
        MemberMatch(
            incoming_id=member["id"],
            incoming_name=member["full_name"],
            incoming_chi_bo=incoming_units.get(member["chi_bo_id"] or "", ""),
            birth_date=member["birth_date"],
            local_id=local.id,
            local_name=local.full_name,
            local_chi_bo=unit_names.get(local.chi_bo_id or "", ""),
        )
        for member in unknown
        for local in locals_by_name.get((fold(member["full_name"]), member["birth_date"]), [])
    ]
    return known, matches


def merge_members(
    session: Session, members: list[Row], units: list[Row], decide: Decide, report: MergeReport
) -> dict[str, str]:
    """Return incoming member id → local id. Confirmed matches become aliases; unconfirmed ones are new members."""
    known, matches = resolve_members(session, members, units)
    for match in matches:
        if match.incoming_id not in known and decide(match):
            known[match.incoming_id] = match.local_id
            session.add(MemberAlias(alias_id=match.incoming_id, member_id=match.local_id))
    unconfirmed = {match.incoming_id: match for match in matches if match.incoming_id not in known}
    locals_by_id = {
        member.id: member
        for part in chunks(sorted(set(known.values())))
        for member in session.scalars(select(Member).where(Member.id.in_(part)))
    }
    for member in members:
        local_id = known.get(member["id"])
        if local_id is None:
            session.add(Member(**member, folded_name=fold(member["full_name"]), pin_hash=None))
            known[member["id"]] = member["id"]
            report.count("members", "added")
            if member["id"] in unconfirmed:
                match = unconfirmed[member["id"]]
                report.note(
                    f"Đảng viên {match.incoming_name} ({match.incoming_chi_bo}) được thêm mới dù trùng họ tên và ngày "
                    f"sinh với {match.local_name} ({match.local_chi_bo}) vì chưa được xác nhận là cùng một người."
                )
            continue
        local = locals_by_id[local_id]
        incoming = tuple(member[key] for key in _PROFILE)
        if member["updated_at"] > aware(local.updated_at) and incoming != tuple(
            getattr(local, key) for key in _PROFILE
        ):
            for key in _PROFILE:
                setattr(local, key, member[key])
            local.folded_name = fold(member["full_name"])
            local.updated_at = member["updated_at"]
            report.count("members", "updated")
        else:
            report.count("members", "skipped")
    session.flush()
    return known
