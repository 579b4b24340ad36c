"""Unit progress for the admin and the reports: per chi bộ and in total, per member, hardest questions.

Everything is aggregated in SQL (one statement per figure set), so 23.000 members stay well under a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Subquery

from quiz.engine.quiz_settings import load_settings
from quiz.engine.unit_types import ChiBoProgress, HardQuestion, MemberProgress, UnitProgress
from quiz.errors import NotFound
from quiz.services.context import ServiceContext
from quiz.services.members import name_sort_key
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document, Section
from quiz.storage.models.people import Member, Unit
from quiz.storage.models.pledges import Pledge
from quiz.storage.models.study import SectionProgress
from quiz.text import fold

NO_CHI_BO = "(Chưa xếp chi bộ)"

__all__ = ["ChiBoProgress", "HardQuestion", "MemberProgress", "UnitProgress", "UnitService"]


class UnitService:
    """Admin only. ``document_id`` None means the most recently imported document."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def unit_progress(self, document_id: str | None = None) -> UnitProgress:
        """Members, studied, took the quiz, passed, pledged (finalised), average score, late — per chi bộ."""
        self._context.require_admin()
        with self._context.session() as session:
            document = _document(session, document_id)
            members, sections, deadline = _member_rows(session, document.id)
            per_unit = members.c
            rows = session.execute(
                select(
                    per_unit.chi_bo_id,
                    func.count(),
                    func.sum(per_unit.studied),
                    func.sum(per_unit.took_quiz),
                    func.sum(per_unit.passed),
                    func.sum(case((per_unit.pledge_state == "finalised", 1), else_=0)),
                    func.sum(per_unit.counted_score),
                    func.sum(per_unit.done_by_deadline),
                ).group_by(per_unit.chi_bo_id)
            ).all()
            units = session.execute(select(Unit.id, Unit.name, Unit.kind)).all()
        by_unit = {row[0]: _chi_bo(row[0], "", row) for row in rows}
        chi_bo = [by_unit.pop(unit_id, _empty(unit_id)) for unit_id, _, kind in units if kind == "chi_bo"]
        names = {unit_id: name for unit_id, name, _ in units}
        chi_bo = [_named(row, names.get(row.unit_id or "", NO_CHI_BO)) for row in chi_bo + list(by_unit.values())]
        chi_bo.sort(key=lambda row: (row.unit_id is None, fold(row.name), row.name))
        party_committees = [name for _, name, kind in units if kind == "dang_bo"]
        total_name = party_committees[0] if len(party_committees) == 1 else "Tổng cộng"
        return UnitProgress(document.id, document.title, deadline, sections, tuple(chi_bo), _total(total_name, rows))

    def member_progress(self, document_id: str | None = None, chi_bo_id: str | None = None) -> list[MemberProgress]:
        """One line per member (optionally of one chi bộ), by chi bộ then name, for the reports."""
        self._context.require_admin()
        with self._context.session() as session:
            document = _document(session, document_id)
            members, sections, _ = _member_rows(session, document.id, with_reading_time=True)
            query: Select[Any] = select(members, Unit.name).outerjoin(Unit, Unit.id == members.c.chi_bo_id)
            if chi_bo_id is not None:
                query = query.where(members.c.chi_bo_id == chi_bo_id)
            found = [
                MemberProgress(
                    member_id=row.member_id,
                    full_name=row.full_name,
                    chi_bo_id=row.chi_bo_id,
                    chi_bo_name=row.name or NO_CHI_BO,
                    sections_studied=int(row.sections_studied),
                    sections_total=sections,
                    reading_seconds=int(row.reading_seconds),
                    studied=bool(row.studied),
                    exam_attempts=int(row.exam_attempts),
                    best_score=None if row.best_score is None else float(row.best_score),
                    counted_score=None if row.counted_score is None else float(row.counted_score),
                    passed=bool(row.passed),
                    pledge_state=row.pledge_state,
                    done_by_deadline=bool(row.done_by_deadline),
                )
                for row in session.execute(query)
            ]
        return sorted(found, key=lambda item: (fold(item.chi_bo_name), name_sort_key(item.full_name)))

    def members_not_done(self, document_id: str | None = None) -> list[MemberProgress]:
        """Members without a submitted exam by the end of the deadline day (or at all, without a deadline)."""
        return [row for row in self.member_progress(document_id) if not row.done_by_deadline]

    def hardest_questions(
        self, document_id: str | None = None, limit: int = 10, min_asked: int = 5
    ) -> list[HardQuestion]:
        """The questions least often answered right in submitted exams (asked at least ``min_asked`` times)."""
        self._context.require_admin()
        with self._context.session() as session:
            document = _document(session, document_id)
            asked = func.count(AttemptItem.id)
            right = func.sum(case((Answer.is_correct.is_(True), 1), else_=0))
            statistics = (
                select(AttemptItem.question_id, asked.label("asked"), right.label("right"))
                .join(Attempt, Attempt.id == AttemptItem.attempt_id)
                .outerjoin(Answer, Answer.attempt_item_id == AttemptItem.id)
                .where(Attempt.document_id == document.id, Attempt.mode == "exam", Attempt.submitted_at.is_not(None))
                .group_by(AttemptItem.question_id)
                .having(asked >= min_asked)
                .subquery()
            )
            rows = session.execute(
                select(statistics.c.question_id, Question.prompt, statistics.c.asked, statistics.c.right)
                .join(Question, Question.id == statistics.c.question_id)
                .order_by((1.0 * statistics.c.right / statistics.c.asked), statistics.c.question_id)
                .limit(limit)
            ).all()
        return [
            HardQuestion(question_id, prompt, int(asked_count), int(right_count or 0))
            for question_id, prompt, asked_count, right_count in rows
        ]

    def current_document_id(self) -> str | None:
        """The most recently imported document, or None in an empty database."""
        with self._context.session() as session:
            return session.scalar(select(Document.id).order_by(Document.imported_at.desc(), Document.id).limit(1))


def _document(session: Session, document_id: str | None) -> Document:
    document = (
        session.get(Document, document_id)
        if document_id
        else session.scalars(select(Document).order_by(Document.imported_at.desc(), Document.id).limit(1)).first()
    )
    if document is None:
        raise NotFound("Chưa có văn bản nào; hãy nhập văn bản Nghị quyết trước.")
    return document


def _member_rows(
    session: Session, document_id: str, with_reading_time: bool = False
) -> tuple[Subquery, int, dt.date | None]:
    """One row per member with their study, exam and pledge figures for the document (a subquery)."""
    settings = load_settings(session, document_id)
    sections = session.scalar(select(func.count()).where(Section.document_id == document_id)) or 0
    if with_reading_time:
        study = (
            select(
                SectionProgress.member_id,
                func.sum(case((SectionProgress.studied.is_(True), 1), else_=0)).label("sections_studied"),
                func.sum(SectionProgress.reading_seconds).label("reading_seconds"),
            )
            .where(SectionProgress.document_id == document_id)
            .group_by(SectionProgress.member_id)
            .subquery()
        )
    else:
        # The unit figures need only the studied rows: a range of the covering index, in member order.
        study = (
            select(
                SectionProgress.member_id,
                func.count().label("sections_studied"),
                literal(0).label("reading_seconds"),
            )
            .where(SectionProgress.document_id == document_id, SectionProgress.studied.is_(True))
            .group_by(SectionProgress.member_id)
            .subquery()
        )
    exams = _exam_rows(document_id, settings.counting, settings.deadline)
    pledges = select(Pledge.member_id, Pledge.state).where(Pledge.document_id == document_id).subquery()
    studied = func.coalesce(study.c.sections_studied, 0)
    took = exams.c.exam_attempts.is_not(None)
    return (
        select(
            Member.id.label("member_id"),
            Member.full_name,
            Member.chi_bo_id,
            studied.label("sections_studied"),
            func.coalesce(study.c.reading_seconds, 0).label("reading_seconds"),
            case((and_(literal(sections) > 0, studied >= sections), 1), else_=0).label("studied"),
            case((took, 1), else_=0).label("took_quiz"),
            func.coalesce(exams.c.exam_attempts, 0).label("exam_attempts"),
            exams.c.best_score,
            exams.c.counted_score,
            func.coalesce(exams.c.passed, 0).label("passed"),
            func.coalesce(exams.c.done_by_deadline, 0).label("done_by_deadline"),
            func.coalesce(pledges.c.state, "none").label("pledge_state"),
        )
        .outerjoin(study, study.c.member_id == Member.id)
        .outerjoin(exams, exams.c.member_id == Member.id)
        .outerjoin(pledges, pledges.c.member_id == Member.id)
        .subquery(),
        sections,
        settings.deadline,
    )


def _exam_rows(document_id: str, counting: str, deadline: dt.date | None) -> Subquery:
    """Per member: submitted exams, best score, the counted score and pass (best or last), done by deadline."""
    submitted = and_(Attempt.document_id == document_id, Attempt.mode == "exam", Attempt.submitted_at.is_not(None))
    passed = case((Attempt.passed.is_(True), 1), else_=0)
    if deadline is None:
        in_time: Any = literal(1)
    else:
        # The deadline day ends at local midnight (the quiz refuses new exams after that day, also local).
        end = dt.datetime.combine(deadline + dt.timedelta(days=1), dt.time()).astimezone().astimezone(dt.UTC)
        in_time = case((Attempt.submitted_at < end, 1), else_=0)
    if counting == "last":
        newest = func.row_number().over(partition_by=Attempt.member_id, order_by=Attempt.submitted_at.desc())
        ranked = (
            select(
                Attempt.member_id,
                func.count().over(partition_by=Attempt.member_id).label("exam_attempts"),
                func.max(Attempt.score_percent).over(partition_by=Attempt.member_id).label("best_score"),
                Attempt.score_percent.label("counted_score"),
                passed.label("passed"),
                func.max(in_time).over(partition_by=Attempt.member_id).label("done_by_deadline"),
                newest.label("newest"),
            )
            .where(submitted)
            .subquery()
        )
        return (
            select(*(column for column in ranked.c if column.name != "newest")).where(ranked.c.newest == 1).subquery()
        )
    return (
        select(
            Attempt.member_id,
            func.count().label("exam_attempts"),
            func.max(Attempt.score_percent).label("best_score"),
            func.max(Attempt.score_percent).label("counted_score"),
            func.max(passed).label("passed"),
            func.max(in_time).label("done_by_deadline"),
        )
        .where(submitted)
        .group_by(Attempt.member_id)
        .subquery()
    )


def _chi_bo(unit_id: str | None, name: str, row: Sequence[Any]) -> ChiBoProgress:
    _, members, studied, took, passed, pledged, score_sum, done = row
    took = int(took or 0)
    average = round(float(score_sum) / took, 2) if took and score_sum is not None else None
    return ChiBoProgress(
        unit_id,
        name,
        int(members),
        int(studied or 0),
        took,
        int(passed or 0),
        int(pledged or 0),
        average,
        int(members) - int(done or 0),
    )


def _empty(unit_id: str) -> ChiBoProgress:
    return ChiBoProgress(unit_id, "", 0, 0, 0, 0, 0, None, 0)


def _named(row: ChiBoProgress, name: str) -> ChiBoProgress:
    return ChiBoProgress(
        row.unit_id,
        name,
        row.members,
        row.studied,
        row.took_quiz,
        row.passed,
        row.pledged,
        row.average_score,
        row.not_done_by_deadline,
    )


def _total(name: str, rows: Sequence[Sequence[Any]]) -> ChiBoProgress:
    sums = [sum(int(row[index] or 0) for row in rows) for index in (1, 2, 3, 4, 5, 7)]
    members, studied, took, passed, pledged, done = sums
    score_sum = sum(float(row[6]) for row in rows if row[6] is not None)
    average = round(score_sum / took, 2) if took else None
    return ChiBoProgress(None, name, members, studied, took, passed, pledged, average, members - done)
