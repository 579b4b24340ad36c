"""Merging units and members (by identity; members also by name + birth date once the admin confirms), and helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from quiz.api.packages import MemberMatch, MergeReport
from quiz.packages import bulk
from quiz.packages.content import Row
from quiz.storage.models.people import Member, Unit
from quiz.storage.models.sync import MemberAlias
from quiz.storage.written_tables import note_written
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


class MemberMap(dict[str, str]):
    """Incoming member id → local id; ``added`` are members this merge created (nothing of theirs is here yet)."""

    def __init__(self, known: dict[str, str]) -> None:
        super().__init__(known)
        self.added: set[str] = set()

    def existing(self) -> set[str]:
        """Local members that may already have rows (the others need no lookup: a large merge adds thousands)."""
        return set(self.values()) - self.added


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


def insert_rows(session: Session, model: type[Any], rows: Sequence[Row], skip: Sequence[str] = ()) -> None:
    """Bulk inserts in the session's transaction: far faster than ORM objects (or ORM bulk inserts) for many rows.

    ``skip`` names keys of the rows that are not columns (nested rows inserted separately)."""
    table = cast(Table, model.__table__)
    bulk.insert_rows(session.connection(), table, rows, skip)
    if rows:
        note_written(session, table.name)  # past the ORM: the change feed learns of it here


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
        elif unit["updated_at"] > local.updated_at and (local.name, local.kind, local.parent_id) != (
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
) -> MemberMap:
    """Return incoming member id → local id. Confirmed matches become aliases; unconfirmed ones are new members."""
    resolved, matches = resolve_members(session, members, units)
    known = MemberMap(resolved)
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
            known.added.add(member["id"])
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
        differs = incoming != tuple(getattr(local, key) for key in _PROFILE)
        if member["updated_at"] > local.updated_at and differs:
            for key in _PROFILE:
                setattr(local, key, member[key])
            local.folded_name = fold(member["full_name"])
            local.updated_at = member["updated_at"]
            report.count("members", "updated")
        else:
            if differs:
                report.conflict(
                    f"Thông tin của đảng viên {local.full_name} trong gói khác với trên máy này; giữ bản sửa sau "
                    "(trên máy này)."
                )
            report.count("members", "skipped")
    session.flush()
    return known
