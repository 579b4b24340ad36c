"""Units and members: structure rules, self-registration, folded name search, access and the overview."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from quiz.api.members import MemberDraft, MemberSummary
from quiz.errors import AccessDenied, UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.pledges import Pledge
from tests.unit.quiz.engine.factories import add_document, right_response


@pytest.fixture
def chi_bo_ids(service: Service) -> tuple[str, str]:
    dang_bo = service.members.create_unit("Đảng bộ Phường Hồng Gai", "dang_bo")
    first = service.members.create_unit("Chi bộ Khu 1", "chi_bo", dang_bo.id)
    second = service.members.create_unit("Chi bộ Khu 2", "chi_bo", dang_bo.id)
    return first.id, second.id


def test_units_structure_and_deletion_rules(service: Service, chi_bo_ids: tuple[str, str]) -> None:
    units = service.members.list_units()
    assert [unit.kind for unit in units] == ["dang_bo", "chi_bo", "chi_bo"]
    with pytest.raises(UserError):
        service.members.create_unit("Chi bộ lạc", "chi_bo", chi_bo_ids[0])  # a chi bộ under a chi bộ
    with pytest.raises(UserError):
        service.members.create_unit("   ", "chi_bo")
    service.members.add_member(MemberDraft(full_name="Phạm Văn Dũng", chi_bo_id=chi_bo_ids[0]))
    with pytest.raises(UserError, match="còn đảng viên"):
        service.members.delete_unit(chi_bo_ids[0])
    with pytest.raises(UserError, match="chi bộ trực thuộc"):
        service.members.delete_unit(units[0].id)
    assert service.members.rename_unit(chi_bo_ids[1], "Chi bộ  Khu 2B ").name == "Chi bộ Khu 2B"
    service.members.delete_unit(chi_bo_ids[1])
    assert len(service.members.list_units()) == 2


def test_members_add_themselves_and_see_only_their_profile(service: Service, chi_bo_ids: tuple[str, str]) -> None:
    service.accounts.sign_out()
    with pytest.raises(AccessDenied):
        service.members.create_unit("Chi bộ mới", "chi_bo")
    own = service.members.add_member(
        MemberDraft(
            full_name="Nguyễn Thị Hoà",
            chi_bo_id=chi_bo_ids[0],
            birth_date=dt.date(1980, 5, 1),
            joined_party_on=dt.date(2005, 3, 3),
            pin="123456",
        )
    )
    other = service.members.add_member(MemberDraft(full_name="Đỗ Văn Minh", chi_bo_id=chi_bo_ids[1]))
    assert own.has_pin and own.dang_bo_name == "Đảng bộ Phường Hồng Gai"
    service.accounts.sign_in_member(own.id, "123456")
    assert service.members.get_member(own.id).birth_date == dt.date(1980, 5, 1)
    updated = service.members.update_member(own.id, MemberDraft(full_name="Nguyễn Thị Hoà", workplace="Trường THCS"))
    assert updated.workplace == "Trường THCS"
    with pytest.raises(AccessDenied):
        service.members.get_member(other.id)
    with pytest.raises(AccessDenied):
        service.members.update_member(other.id, MemberDraft(full_name="Tên khác"))
    with pytest.raises(AccessDenied):
        service.members.delete_member(other.id)
    with pytest.raises(AccessDenied):
        service.members.list_members()


def test_bad_drafts_change_nothing(service: Service, chi_bo_ids: tuple[str, str]) -> None:
    member = service.members.add_member(MemberDraft(full_name="Vũ Thị Lan", chi_bo_id=chi_bo_ids[0]))
    future = dt.date.today() + dt.timedelta(days=3)
    for draft in (
        MemberDraft(full_name=""),
        MemberDraft(full_name="Vũ Thị Lan", birth_date=future),
        MemberDraft(full_name="Vũ Thị Lan", chi_bo_id="khong-co"),
        MemberDraft(full_name="Vũ Thị Lan", birth_date=dt.date(1990, 1, 1), joined_party_on=dt.date(1989, 1, 1)),
    ):
        with pytest.raises(UserError):
            service.members.update_member(member.id, draft)
    assert service.members.get_member(member.id) == member
    with pytest.raises(UserError, match="đã có"):
        service.members.add_member(MemberDraft(full_name="vũ  thị lan", chi_bo_id=chi_bo_ids[0]))


def test_search_is_folded_public_and_sorted_by_given_name(service: Service, chi_bo_ids: tuple[str, str]) -> None:
    for name in ("Nguyễn Văn Bình", "Trần Đức Anh", "Nguyễn Thị Ánh", "Lê Hoàng Đạt"):
        service.members.add_member(MemberDraft(full_name=name, chi_bo_id=chi_bo_ids[0], birth_date=dt.date(1970, 1, 1)))
    service.accounts.sign_out()
    assert [row.full_name for row in service.members.search("nguyen")] == ["Nguyễn Thị Ánh", "Nguyễn Văn Bình"]
    assert [row.full_name for row in service.members.search("DUC an")] == ["Trần Đức Anh"]
    assert [row.full_name for row in service.members.search("dat")] == ["Lê Hoàng Đạt"]
    assert service.members.search("%") == []
    everyone = service.members.search("")
    assert [row.full_name.split()[-1] for row in everyone] == ["Anh", "Ánh", "Bình", "Đạt"]
    assert everyone[0].chi_bo_name == "Chi bộ Khu 1"
    public_fields = {field.name for field in dataclasses.fields(MemberSummary)}
    assert public_fields == {"id", "full_name", "chi_bo_id", "chi_bo_name", "has_pin", "pending"}


def test_overview_lists_every_member_for_the_admin(service: Service, chi_bo_ids: tuple[str, str]) -> None:
    member = service.members.add_member(MemberDraft(full_name="Hoàng Văn Em", chi_bo_id=chi_bo_ids[1]))
    rows = [row.as_json() for row in service.members.overview()]
    assert rows == [
        {
            "id": member.id,
            "name": "Hoàng Văn Em",
            "unit": "Đảng bộ Phường Hồng Gai",
            "chi_bo": "Chi bộ Khu 2",
            "attempts": 0,
            "best_score": None,
            "pledge_state": "none",
            "pending": False,
        }
    ]
    service.context.actor = Actor.member(member.id)
    with pytest.raises(AccessDenied):
        service.members.overview()


def test_admin_deletes_a_member(service: Service, chi_bo_ids: tuple[str, str]) -> None:
    member = service.members.add_member(MemberDraft(full_name="Đinh Văn Phú", chi_bo_id=chi_bo_ids[0]))
    service.members.delete_member(member.id)
    assert service.members.list_members() == []
    with pytest.raises(UserError, match="Không tìm thấy"):
        service.members.get_member(member.id)


def test_members_json_command_prints_the_overview(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    import main

    service = Service.open(database_url, actor=Actor.admin())
    dang_bo = service.members.create_unit("Đảng bộ Xã Thử", "dang_bo")
    chi_bo = service.members.create_unit("Chi bộ Thôn Đông", "chi_bo", dang_bo.id)
    member = service.members.add_member(MemberDraft(full_name="Ngô Thị Hạnh", chi_bo_id=chi_bo.id))
    document = add_document(service)
    for right_count in (1, 3):
        attempt = service.quizzes.start_attempt(member.id, document.document_id, "exam", question_count=4)
        for position in range(right_count):
            service.quizzes.answer(attempt.id, position, right_response(service, attempt.id, position))
        service.quizzes.submit(attempt.id)
    with service.database.sessions.begin() as session:
        session.add(Pledge(member_id=member.id, document_id=document.document_id, state="finalised"))
    service.close()
    assert main.main(["--db", database_url, "members", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            "id": member.id,
            "name": "Ngô Thị Hạnh",
            "unit": "Đảng bộ Xã Thử",
            "chi_bo": "Chi bộ Thôn Đông",
            "attempts": 2,
            "best_score": 75.0,
            "pledge_state": "finalised",
            "pending": False,
        }
    ]
