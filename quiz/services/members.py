"""Units (đảng bộ → chi bộ) and member profiles; a guest adds themself as pending, only the admin edits others."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz.api.enums import Approval
from quiz.api.members import UNIT_KINDS, MemberDraft, MemberOverview, MemberProfile, MemberSummary, UnitView
from quiz.engine.passwords import hash_secret
from quiz.errors import AccessDenied, NotFound, UserError
from quiz.services.accounts import check_pin
from quiz.services.context import ServiceContext
from quiz.storage.counted_exams import submitted_exam
from quiz.storage.models.attempts import Attempt
from quiz.storage.models.people import Member, Unit
from quiz.storage.models.pledges import Pledge
from quiz.text import fold, name_sort_key, to_nfc

_MEMBER_MISSING = "Không tìm thấy đảng viên này trong danh sách."
_UNIT_MISSING = "Không tìm thấy đơn vị này."
PENDING = Approval.PENDING.value
CONFIRMED = Approval.CONFIRMED.value


def pledge_states(session: Session) -> dict[str, str]:
    """Pledge state per member over all documents: "finalised" if any pledge is, else "draft"; absent = "none"."""
    states: dict[str, str] = {}
    for member_id, state in session.execute(select(Pledge.member_id, Pledge.state).distinct()):
        if states.get(member_id) != "finalised":
            states[member_id] = state
    return states


class MemberService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    # Units -------------------------------------------------------------------------------------------------

    def create_unit(self, name: str, kind: str, parent_id: str | None = None) -> UnitView:
        self._context.require_admin()
        name = _clean_name(name, "Tên đơn vị không được để trống.")
        if kind not in UNIT_KINDS:
            raise UserError("Loại đơn vị phải là đảng bộ hoặc chi bộ.")
        with self._context.session() as session:
            if parent_id is not None:
                parent = session.get(Unit, parent_id)
                if parent is None or parent.kind != "dang_bo":
                    raise UserError("Đơn vị cấp trên phải là một đảng bộ có trong danh sách.")
            unit = Unit(name=name, kind=kind, parent_id=parent_id)
            session.add(unit)
            session.flush()
            return UnitView(unit.id, unit.name, unit.kind, unit.parent_id, 0)

    def list_units(self) -> list[UnitView]:
        """Every unit with its member count (public: members pick their chi bộ when adding themselves)."""
        with self._context.session() as session:
            counts = dict(session.execute(select(Member.chi_bo_id, func.count()).group_by(Member.chi_bo_id)).all())
            units = session.scalars(select(Unit)).all()
            views = [UnitView(unit.id, unit.name, unit.kind, unit.parent_id, counts.get(unit.id, 0)) for unit in units]
        return sorted(views, key=lambda view: (view.kind != "dang_bo", fold(view.name)))

    def rename_unit(self, unit_id: str, name: str) -> UnitView:
        self._context.require_admin()
        name = _clean_name(name, "Tên đơn vị không được để trống.")
        with self._context.session() as session:
            unit = _get_unit(session, unit_id)
            unit.name = name
            count = session.scalar(select(func.count()).where(Member.chi_bo_id == unit_id)) or 0
            return UnitView(unit.id, unit.name, unit.kind, unit.parent_id, count)

    def delete_unit(self, unit_id: str) -> None:
        """Delete an empty unit; refuse while it has members or chi bộ under it."""
        self._context.require_admin()
        with self._context.session() as session:
            unit = _get_unit(session, unit_id)
            if session.scalar(select(func.count()).where(Member.chi_bo_id == unit_id)):
                raise UserError(f"Không thể xoá {unit.name}: đơn vị vẫn còn đảng viên.")
            if session.scalar(select(func.count()).where(Unit.parent_id == unit_id)):
                raise UserError(f"Không thể xoá {unit.name}: đơn vị vẫn còn chi bộ trực thuộc.")
            session.delete(unit)

    # Members -----------------------------------------------------------------------------------------------

    def add_member(self, draft: MemberDraft) -> MemberProfile:
        """Add a member: the admin's is confirmed; a guest at the start screen adds themself as pending (chờ duyệt).

        A signed-in member is already in the list and may not add anyone else.
        """
        actor = self._context.actor
        if actor is not None and not self._context.is_admin:
            raise AccessDenied("Chỉ quản trị (bí thư chi bộ) mới thêm được đảng viên khác.")
        pin_hash = None if draft.pin is None or not draft.pin.strip() else hash_secret(check_pin(draft.pin))
        with self._context.session() as session:
            member = Member(pin_hash=pin_hash, approval=CONFIRMED if self._context.is_admin else PENDING)
            _apply_draft(session, member, draft)
            duplicate = session.scalar(
                select(Member.id).where(
                    Member.folded_name == member.folded_name,
                    Member.birth_date == member.birth_date,
                    Member.chi_bo_id == member.chi_bo_id,
                )
            )
            if duplicate is not None:
                raise UserError(f"Đảng viên {member.full_name} đã có trong danh sách của chi bộ.")
            session.add(member)
            session.flush()
            return _profile(session, member)

    def confirm_member(self, member_id: str) -> MemberProfile:
        """The secretary confirms a member who added themself; from now on their results count (admin only)."""
        self._context.require_admin()
        with self._context.session() as session:
            member = _get_member(session, member_id)
            member.approval = CONFIRMED
            return _profile(session, member)

    def pending_members(self) -> list[MemberProfile]:
        """Members who added themselves and wait for the secretary (admin only; refuse one with delete_member)."""
        self._context.require_admin()
        with self._context.session() as session:
            members = session.scalars(select(Member).where(Member.approval == PENDING)).all()
            profiles = [_profile(session, member) for member in members]
        return sorted(profiles, key=lambda profile: name_sort_key(profile.full_name))

    def update_member(self, member_id: str, draft: MemberDraft) -> MemberProfile:
        """Update a profile: the member themself or the admin (``draft.pin`` is ignored; see set_pin)."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            member = _get_member(session, member_id)
            _apply_draft(session, member, draft)
            return _profile(session, member)

    def delete_member(self, member_id: str) -> None:
        """Delete a member with their attempts (admin only)."""
        self._context.require_admin()
        with self._context.session() as session:
            session.delete(_get_member(session, member_id))

    def get_member(self, member_id: str) -> MemberProfile:
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            return _profile(session, _get_member(session, member_id))

    def search(self, query: str, limit: int = 50) -> list[MemberSummary]:
        """Names matching every word of ``query`` without diacritics ("nguyen van" finds "Nguyễn Văn …")."""
        words = fold(to_nfc(query)).split()
        with self._context.session() as session:
            statement = select(
                Member.id,
                Member.full_name,
                Member.chi_bo_id,
                Member.pin_hash,
                Unit.name,
                Member.folded_name,
                Member.approval,
            ).outerjoin(Unit, Unit.id == Member.chi_bo_id)
            for word in words:
                escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                statement = statement.where(Member.folded_name.like(f"%{escaped}%", escape="\\"))
            rows = list(session.execute(statement).all())
        rows.sort(key=lambda row: name_sort_key(row[1], row[5]))
        return [
            MemberSummary(member_id, name, chi_bo_id, chi_bo_name or "", pin_hash is not None, approval == PENDING)
            for member_id, name, chi_bo_id, pin_hash, chi_bo_name, _, approval in rows[:limit]
        ]

    def list_members(self, chi_bo_id: str | None = None) -> list[MemberProfile]:
        self._context.require_admin()
        with self._context.session() as session:
            statement = select(Member)
            if chi_bo_id is not None:
                statement = statement.where(Member.chi_bo_id == chi_bo_id)
            members = session.scalars(statement).all()
            profiles = [_profile(session, member) for member in members]
        return sorted(profiles, key=lambda profile: name_sort_key(profile.full_name))

    def overview(self) -> list[MemberOverview]:
        """Every member with their submitted exam attempts, best score and pledge state (``members --json``)."""
        self._context.require_admin()
        with self._context.session() as session:
            units = {unit.id: unit for unit in session.scalars(select(Unit))}
            statistics = {
                member_id: (count, best)
                for member_id, count, best in session.execute(
                    select(Attempt.member_id, func.count(), func.max(Attempt.score_percent))
                    .where(submitted_exam())
                    .group_by(Attempt.member_id)
                )
            }
            members = session.execute(
                select(Member.id, Member.full_name, Member.chi_bo_id, Member.folded_name, Member.approval)
            ).all()
            pledges = pledge_states(session)
        folded_units = {unit_id: fold(unit.name) for unit_id, unit in units.items()}
        keyed_rows = []
        for member_id, name, chi_bo_id, folded_name, approval in members:
            chi_bo = units.get(chi_bo_id) if chi_bo_id else None
            dang_bo = units.get(chi_bo.parent_id) if chi_bo is not None and chi_bo.parent_id else None
            count, best = statistics.get(member_id, (0, None))
            row = MemberOverview(
                id=member_id,
                name=name,
                unit=dang_bo.name if dang_bo else "",
                chi_bo=chi_bo.name if chi_bo else "",
                attempts=count,
                best_score=None if best is None else round(float(best), 2),
                pledge_state=pledges.get(member_id, "none"),
                pending=approval == PENDING,
            )
            keyed_rows.append(((folded_units.get(chi_bo_id or "", ""), *name_sort_key(name, folded_name)), row))
        keyed_rows.sort(key=lambda pair: pair[0])
        return [row for _, row in keyed_rows]


def _clean_name(name: str, message: str) -> str:
    cleaned = " ".join(to_nfc(name).split())
    if not cleaned:
        raise UserError(message)
    if len(cleaned) > 200:
        raise UserError("Tên quá dài (tối đa 200 ký tự).")
    return cleaned


def _get_unit(session: Session, unit_id: str) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound(_UNIT_MISSING)
    return unit


def _get_member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(_MEMBER_MISSING)
    return member


def _apply_draft(session: Session, member: Member, draft: MemberDraft) -> None:
    """Validate ``draft`` (raising before any change) and copy it onto ``member``."""
    full_name = _clean_name(draft.full_name, "Họ và tên không được để trống.")
    if draft.chi_bo_id is not None:
        chi_bo = session.get(Unit, draft.chi_bo_id)
        if chi_bo is None or chi_bo.kind != "chi_bo":
            raise UserError("Hãy chọn một chi bộ có trong danh sách.")
    today = dt.date.today()
    for value, label in ((draft.birth_date, "Ngày sinh"), (draft.joined_party_on, "Ngày vào Đảng")):
        if value is not None and value > today:
            raise UserError(f"{label} không được sau ngày hôm nay.")
    if draft.birth_date and draft.joined_party_on and draft.joined_party_on <= draft.birth_date:
        raise UserError("Ngày vào Đảng phải sau ngày sinh.")
    member.full_name = full_name
    member.folded_name = fold(full_name)
    member.chi_bo_id = draft.chi_bo_id
    member.birth_date = draft.birth_date
    member.party_position = " ".join(to_nfc(draft.party_position).split())
    member.job_position = " ".join(to_nfc(draft.job_position).split())
    member.workplace = " ".join(to_nfc(draft.workplace).split())
    member.joined_party_on = draft.joined_party_on
    member.card_number = draft.card_number.strip()


def _profile(session: Session, member: Member) -> MemberProfile:
    chi_bo = session.get(Unit, member.chi_bo_id) if member.chi_bo_id else None
    dang_bo = session.get(Unit, chi_bo.parent_id) if chi_bo is not None and chi_bo.parent_id else None
    return MemberProfile(
        id=member.id,
        full_name=member.full_name,
        birth_date=member.birth_date,
        party_position=member.party_position,
        job_position=member.job_position,
        workplace=member.workplace,
        chi_bo_id=member.chi_bo_id,
        chi_bo_name=chi_bo.name if chi_bo else "",
        dang_bo_name=dang_bo.name if dang_bo else "",
        joined_party_on=member.joined_party_on,
        card_number=member.card_number,
        has_pin=member.pin_hash is not None,
        pending=member.approval == PENDING,
    )
