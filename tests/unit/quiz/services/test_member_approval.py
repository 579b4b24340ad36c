"""Members who add themselves at the start screen wait for the secretary (chờ duyệt); their results count after."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from quiz.api.members import MemberDraft
from quiz.errors import AccessDenied
from quiz.service import Service
from quiz.services.context import Actor
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_question,
    make_submitted_attempt,
    make_unit,
)

WHEN = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_a_guest_adds_themself_as_pending_and_counts_once_confirmed(service: Service, tmp_path: Path) -> None:
    [chi_bo_id] = make_unit(service, ("Chi bộ Một",))
    document = make_document(service)
    question_id = make_question(service, document.document_id, "fact-1")
    confirmed = service.members.add_member(MemberDraft(full_name="Nguyễn Văn An", chi_bo_id=chi_bo_id))
    assert not confirmed.pending

    service.accounts.sign_out()
    newcomer = service.members.add_member(MemberDraft(full_name="Lê Thị Mới", chi_bo_id=chi_bo_id))
    assert newcomer.pending
    [listed] = [summary for summary in service.members.search("le thi moi")]
    assert listed.pending
    # The newcomer studies and takes the exam right away...
    service.accounts.sign_in_member(newcomer.id)
    for member_id in (confirmed.id, newcomer.id):
        make_submitted_attempt(
            service, member_id, document.document_id, [GivenAnswer(question_id, 0)], submitted_at=WHEN
        )

    # ...but the unit's figures count only the confirmed member until the secretary confirms the newcomer.
    service.context.actor = Actor.admin()
    [row] = service.unit.unit_progress(document.document_id).chi_bo
    assert (row.members, row.took_quiz) == (1, 1)
    assert [profile.id for profile in service.members.pending_members()] == [newcomer.id]
    service.results.set_unit_key("khoá chung")
    summary = service.results.export(tmp_path / "truoc.nqpkg")
    with zipfile.ZipFile(summary.path) as package:
        exported = {member["id"] for member in json.loads(package.read("members.json"))}
    assert exported == {confirmed.id}

    assert not service.members.confirm_member(newcomer.id).pending
    [row] = service.unit.unit_progress(document.document_id).chi_bo
    assert (row.members, row.took_quiz) == (2, 2)
    assert service.members.pending_members() == []


def test_a_signed_in_member_cannot_add_anyone(service: Service) -> None:
    [chi_bo_id] = make_unit(service, ("Chi bộ Một",))
    member = service.members.add_member(MemberDraft(full_name="Nguyễn Văn An", chi_bo_id=chi_bo_id))
    service.accounts.sign_out()
    service.accounts.sign_in_member(member.id)
    with pytest.raises(AccessDenied):
        service.members.add_member(MemberDraft(full_name="Người Lạ", chi_bo_id=chi_bo_id))
    with pytest.raises(AccessDenied):
        service.members.confirm_member(member.id)
    with pytest.raises(AccessDenied):
        service.members.pending_members()


def test_a_pending_members_answers_stay_out_of_the_question_figures_until_confirmed(service: Service) -> None:
    [chi_bo_id] = make_unit(service, ("Chi bộ Một",))
    document = make_document(service)
    question_id = make_question(service, document.document_id, "fact-1")
    confirmed = service.members.add_member(MemberDraft(full_name="Nguyễn Văn An", chi_bo_id=chi_bo_id))
    make_submitted_attempt(
        service, confirmed.id, document.document_id, [GivenAnswer(question_id, 0)], submitted_at=WHEN
    )
    service.accounts.sign_out()
    newcomer = service.members.add_member(MemberDraft(full_name="Lê Thị Mới", chi_bo_id=chi_bo_id))
    for attempt in range(3):  # anybody could type a name at the start screen and answer wrongly on purpose
        make_submitted_attempt(
            service,
            newcomer.id,
            document.document_id,
            [GivenAnswer(question_id, 1)],
            submitted_at=WHEN + dt.timedelta(minutes=attempt + 1),
        )
    service.context.actor = Actor.admin()

    def figures() -> tuple[tuple[int, int], tuple[int, int]]:
        [hard] = service.unit.hardest_questions(document.document_id, min_asked=1)
        [item] = service.analysis.item_statistics(document.document_id, min_responses=1)
        return (hard.times_asked, hard.times_correct), (item.times_asked, item.times_correct)

    assert figures() == ((1, 1), (1, 1))
    service.members.confirm_member(newcomer.id)
    assert figures() == ((4, 1), (4, 1))
