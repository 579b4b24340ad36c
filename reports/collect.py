"""Builds the reports' input data from the facade (quiz.service.Service): profile, progress, attempts, pledge."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from quiz.api.counting import submitted_exams
from quiz.api.unit_details import UnitDetails
from quiz.errors import NotFound, UserError
from quiz.formatting import format_short_date
from quiz.text import fold
from reports.model import (
    AttemptRow,
    CommitmentRow,
    DocumentHeader,
    FormData,
    FormLabels,
    FormLayout,
    IdentityField,
    ReflectionAnswer,
    SectionResult,
)

if TYPE_CHECKING:
    from quiz.api.members import MemberProfile
    from quiz.service import Service

# Exam scores are printed on the 10-point scale Vietnamese readers expect.
SCORE_MAXIMUM = 10.0
# Identity lines of the form: (key, default label). Settings key "form_fields" may list [key, label] pairs instead.
IDENTITY_FIELDS = (
    ("full_name", "Họ và tên"),
    ("birth_date", "Ngày sinh"),
    ("joined_party_on", "Ngày vào Đảng"),
    ("position", "Chức vụ"),
    ("workplace", "Đơn vị công tác"),
    ("chi_bo", "Chi bộ"),
)


def current_document_id(service: Service, document_id: str | None = None) -> str:
    """The given document, or the most recently imported one."""
    if document_id is not None:
        return service.documents.get(document_id).id
    documents = service.documents.list_documents()
    if not documents:
        raise UserError("Chưa có văn bản nghị quyết nào; hãy nhập văn bản trước khi in.")
    return max(documents, key=lambda document: document.imported_at).id


def prefixed(name: str, prefix: str) -> str:
    """ "Thôn Đồng Tâm" → "CHI BỘ THÔN ĐỒNG TÂM"; a name already starting with the prefix is kept."""
    name = name.strip()
    if not name:
        return ""
    return name if fold(name).startswith(fold(prefix)) else f"{prefix} {name}"


def form_labels(settings: Mapping[str, Any]) -> FormLabels:
    """Defaults, overridden by the admin's settings key "form_labels" (a mapping of FormLabels field names)."""
    overrides = settings.get("form_labels") or {}
    names = {field.name for field in dataclasses.fields(FormLabels)}
    chosen: dict[str, Any] = {
        key: value for key, value in dict(overrides).items() if key in names and isinstance(value, str)
    }
    if isinstance(overrides.get("commitment_columns"), list) and len(overrides["commitment_columns"]) == 5:
        chosen["commitment_columns"] = tuple(str(label) for label in overrides["commitment_columns"])
    return FormLabels(**chosen)


def identity_values(profile: MemberProfile) -> dict[str, str]:
    def date_text(value: dt.date | None) -> str:
        return format_short_date(value) if value else ""

    positions = [text for text in (profile.party_position, profile.job_position) if text.strip()]
    return {
        "full_name": profile.full_name,
        "birth_date": date_text(profile.birth_date),
        "joined_party_on": date_text(profile.joined_party_on),
        "position": ", ".join(positions),
        "party_position": profile.party_position,
        "job_position": profile.job_position,
        "workplace": profile.workplace,
        "chi_bo": profile.chi_bo_name,
        "dang_bo": profile.dang_bo_name,
        "card_number": profile.card_number,
    }


def identity_fields(profile: MemberProfile, settings: Mapping[str, Any]) -> tuple[IdentityField, ...]:
    values = identity_values(profile)
    chosen = settings.get("form_fields") or IDENTITY_FIELDS
    return tuple(IdentityField(str(label), values.get(str(key), "")) for key, label in chosen)


def header_for(profile_unit: str, chi_bo: str, settings: Mapping[str, Any], date: dt.date) -> DocumentHeader:
    """The member's (or report's) own units first; the names the secretary gave at first start fill the gaps."""
    details = UnitDetails.from_settings(settings)
    issuing_body = prefixed(chi_bo, "Chi bộ") or details.unit_name
    committee = prefixed(profile_unit, "Đảng bộ")
    if not committee or fold(committee) == fold(issuing_body):
        # A report of the whole đảng bộ is issued by it: the line above names its superior committee.
        committee = details.party_committee
    return DocumentHeader(committee, issuing_body, details.place_name, date)


def layout_of(settings: Mapping[str, Any]) -> FormLayout:
    value = settings.get("form_layout")
    return FormLayout(value) if value in {layout.value for layout in FormLayout} else FormLayout.COMBINED


def collect_form(service: Service, member_id: str, document_id: str | None = None) -> FormData:
    """Everything one member's form prints, read through the facade (access rules apply)."""
    document = service.documents.get(current_document_id(service, document_id))
    profile = service.members.get_member(member_id)
    settings = service.settings.all()
    pledge = service.pledges.get(member_id, document.id)
    exams = submitted_exams(service.quizzes.history(member_id, document.id))
    # The facade marks the counted exam by quiz.api.counting (best or last, as the quiz settings say).
    counted = next((item for item in exams if item.counts), None)
    by_section = {}
    if counted is not None:
        by_section = {row.key: row for row in service.quizzes.results(counted.attempt_id).by_section}
    sections = tuple(
        SectionResult(
            section.title,
            section.studied,
            by_section[section.section_id].correct_count if section.section_id in by_section else 0,
            by_section[section.section_id].question_count if section.section_id in by_section else 0,
        )
        for section in service.progress.section_progress(member_id, document.id)
    )
    attempts = tuple(
        AttemptRow(local_date(item.submitted_at), item.score_percent / 100 * SCORE_MAXIMUM, SCORE_MAXIMUM, item.passed)
        for item in exams
        if item.submitted_at is not None
    )
    # A finalised pledge keeps its date, so a reprint is the same document.
    printed_on = local_date(pledge.finalised_at) if pledge.finalised_at else dt.date.today()
    return FormData(
        header=header_for(profile.dang_bo_name, profile.chi_bo_name, settings, printed_on),
        resolution_title=document.title,
        member_name=profile.full_name,
        identity=identity_fields(profile, settings),
        sections=sections,
        attempts=attempts,
        reflections=tuple(ReflectionAnswer(item.question, item.answer) for item in pledge.reflections),
        commitments=tuple(
            CommitmentRow(item.content, item.measures, item.due_text, item.note, item.category)
            for item in pledge.commitments
        ),
        layout=layout_of(settings),
        labels=form_labels(settings),
    )


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def find_chi_bo(service: Service, name: str) -> Any:
    """The chi bộ whose name matches ``name`` without diacritics or case ("dong tam" finds "Chi bộ Đồng Tâm")."""
    units = [unit for unit in service.members.list_units() if unit.kind == "chi_bo"]
    wanted = fold(name).strip()
    exact = [unit for unit in units if fold(unit.name) == wanted or fold(prefixed(unit.name, "Chi bộ")) == wanted]
    found = exact or [unit for unit in units if wanted and wanted in fold(unit.name)]
    if not found:
        raise NotFound(f"Không tìm thấy chi bộ “{name}”.")
    if len(found) > 1:
        names = ", ".join(unit.name for unit in found)
        raise UserError(f"Có nhiều chi bộ khớp với “{name}”: {names}; hãy ghi tên đầy đủ hơn.")
    return found[0]


def collect_chi_bo_forms(service: Service, chi_bo_name: str, document_id: str | None = None) -> list[FormData]:
    """Every member's form of one chi bộ, in the list's (Vietnamese name) order."""
    unit = find_chi_bo(service, chi_bo_name)
    document = current_document_id(service, document_id)
    return [collect_form(service, profile.id, document) for profile in service.members.list_members(unit.id)]
