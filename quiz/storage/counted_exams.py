"""The counted-exam rule of quiz.api.counting in SQL: per member of a document, for the unit's figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, select
from sqlalchemy.sql.selectable import Subquery

from quiz.api.counting import deadline_end
from quiz.api.enums import EXAM_MODES, Approval, CountingRule
from quiz.storage.models.attempts import Attempt
from quiz.storage.models.people import Member


def submitted_exam() -> ColumnElement[bool]:
    """``quiz.api.counting.is_submitted_exam`` as a WHERE clause on ``attempts``."""
    return and_(Attempt.mode.in_(EXAM_MODES), Attempt.submitted_at.is_not(None))


def counts_for_the_unit() -> ColumnElement[bool]:
    """A submitted exam of a confirmed member: what the unit's question figures count (a name still awaiting the
    secretary's approval may be anybody, so their answers stay out of the hardest questions and item analysis)."""
    return and_(submitted_exam(), Attempt.member_id.not_in(pending_members()))


def pending_members() -> Select[str]:
    """The ids of members still awaiting the secretary's approval."""
    return select(Member.id).where(Member.approval == Approval.PENDING.value)


def counted_exam_rows(document_id: str, rule: str, deadline: dt.date | None) -> Subquery:
    """Per member: submitted exams, best score, the counted attempt's score and pass, done by the deadline.

    The counted attempt is ranked first by the same order as ``quiz.api.counting.counted_exam``: the newest
    submission for "last"; for "best" the highest score, the earliest submission among equal scores.
    """
    passed = case((Attempt.passed.is_(True), 1), else_=0)
    in_time: Any = literal(1) if deadline is None else case((Attempt.submitted_at < deadline_end(deadline), 1), else_=0)
    if rule == CountingRule.LAST:
        order: tuple[Any, ...] = (Attempt.submitted_at.desc(), Attempt.id)
    else:
        order = (Attempt.score_percent.desc(), Attempt.submitted_at, Attempt.id)
    ranked = (
        select(
            Attempt.member_id,
            Attempt.score_percent,
            passed.label("passed"),
            in_time.label("in_time"),
            func.row_number().over(partition_by=Attempt.member_id, order_by=order).label("rank"),
        )
        .where(Attempt.document_id == document_id, submitted_exam())
        .subquery()
    )
    first = ranked.c.rank == 1
    # One window (the rank) then one grouping per member: SQLite materialises the grouped result and joins it by
    # an index, where a subquery filtered on the rank was re-scanned for every member (16 s for 8.000 members).
    return (
        select(
            ranked.c.member_id,
            func.count().label("exam_attempts"),
            func.max(ranked.c.score_percent).label("best_score"),
            func.max(case((first, ranked.c.score_percent))).label("counted_score"),
            func.max(case((first, ranked.c.passed))).label("passed"),
            func.max(ranked.c.in_time).label("done_by_deadline"),
        )
        .group_by(ranked.c.member_id)
        .subquery()
    )
