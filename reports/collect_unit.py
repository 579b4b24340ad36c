"""Builds the unit report's data from the facade's unit progress (quiz.services.unit), optionally for one chi bộ."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from quiz.api.unit_details import UnitDetails
from reports.collect import find_chi_bo, header_for
from reports.model import DocumentHeader, HardQuestion, PendingMember, UnitReportData, UnitRow

if TYPE_CHECKING:
    from quiz.api.unit import ChiBoProgress, MemberProgress
    from quiz.service import Service

SCORE_MAXIMUM = 10.0


def unit_row(progress: ChiBoProgress) -> UnitRow:
    """The service gives the average in percent; the report prints it on the 10-point scale."""
    average = None if progress.average_score is None else progress.average_score / 100 * SCORE_MAXIMUM
    return UnitRow(
        progress.name,
        progress.members,
        progress.studied,
        progress.took_quiz,
        progress.passed,
        progress.pledged,
        average,
    )


def missing_steps(member: MemberProgress) -> tuple[str, ...]:
    """What a member still has to do, in the order a member does it."""
    steps = []
    if not member.studied:
        steps.append(f"chưa học xong ({member.sections_studied}/{member.sections_total} phần)")
    if member.exam_attempts == 0:
        steps.append("chưa làm bài kiểm tra")
    elif not member.done_by_deadline:
        steps.append("làm bài kiểm tra sau hạn")
    elif not member.passed:
        steps.append("chưa đạt yêu cầu")
    if member.pledge_state != "finalised":
        steps.append("chưa nộp bản cam kết" if member.pledge_state == "draft" else "chưa đăng ký cam kết")
    return tuple(steps)


def collect_unit(
    service: Service, chi_bo_name: str | None = None, document_id: str | None = None, today: dt.date | None = None
) -> UnitReportData:
    """The unit summary for the whole đảng bộ, or for the chi bộ named ``chi_bo_name``."""
    progress = service.unit.unit_progress(document_id)
    settings = service.settings.all()
    rows = tuple(unit_row(row) for row in progress.chi_bo)
    total = unit_row(progress.total)
    chi_bo_id, chi_bo_title = None, ""
    if chi_bo_name is not None:
        unit = find_chi_bo(service, chi_bo_name)
        chi_bo_id, chi_bo_title = unit.id, unit.name
        rows = tuple(unit_row(row) for row in progress.chi_bo if row.unit_id == unit.id)
        total = rows[0] if rows else UnitRow(unit.name, 0, 0, 0, 0, 0)
    committee = progress.total.name if progress.total.name != "Tổng cộng" else ""
    header: DocumentHeader = header_for(committee, chi_bo_title, settings, today or dt.date.today())
    members = service.unit.member_progress(progress.document_id, chi_bo_id)
    pending = tuple(
        PendingMember(member.full_name, member.chi_bo_name, missing_steps(member))
        for member in members
        if not member.done_by_deadline or member.pledge_state != "finalised"
    )
    hardest = tuple(
        HardQuestion(question.prompt, "", question.times_asked, question.times_correct)
        for question in service.unit.hardest_questions(progress.document_id)
    )
    return UnitReportData(
        header=header,
        resolution_title=progress.document_title,
        rows=rows,
        total=total,
        # The exam's deadline when one is set, else the deadline for handing in forms given at first start.
        deadline=progress.deadline or UnitDetails.from_settings(settings).forms_deadline,
        pending=pending,
        hardest=hardest,
        score_maximum=SCORE_MAXIMUM,
    )
