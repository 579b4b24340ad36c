"""Round trips between PCs: setup package out, results back, merged once, newest pledge wins, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from quiz.api.members import MemberDraft
from quiz.service import Service
from quiz.storage.models.attempts import Answer, Attempt
from quiz.storage.models.people import Member
from quiz.storage.models.pledges import Pledge
from tests.unit.quiz.packages.helpers import (
    UnitSetup,
    import_resolution,
    open_pc,
    row_counts,
    setup_unit,
    study_first_section,
    table_state,
    take_exam,
    write_pledge,
)


@pytest.fixture
def unit(service: Service) -> UnitSetup:
    return setup_unit(service)


@pytest.fixture
def office_pc(service: Service, unit: UnitSetup, tmp_path: Path) -> Service:
    """A PC of Chi bộ Một that received the secretary's setup package (units, members, no document text)."""
    pc = open_pc(tmp_path, "chi-bo-mot")
    import_resolution(pc)
    setup = tmp_path / "thiet-lap.nqpkg"
    service.results.export(setup)
    report = pc.results.import_packages([setup])
    assert not report.has_refusals
    return pc


def test_setup_package_gives_the_pc_the_same_members_by_id(service: Service, office_pc: Service) -> None:
    assert {profile.id for profile in office_pc.members.list_members()} == {
        profile.id for profile in service.members.list_members()
    }
    assert [unit.name for unit in office_pc.members.list_units()] == [
        unit.name for unit in service.members.list_units()
    ]


def test_results_travel_back_and_merge_once(
    service: Service, unit: UnitSetup, office_pc: Service, tmp_path: Path
) -> None:
    first, second = unit.member_ids[0], unit.member_ids[1]
    take_exam(office_pc, first, unit.document_id, right=6)
    weak = take_exam(office_pc, second, unit.document_id, right=1)
    write_pledge(office_pc, first, unit.document_id, "Học tập chuyên đề chuyển đổi số", finalise=True)
    study_first_section(office_pc, second, unit.document_id)
    package = tmp_path / "chi-bo-mot.nqpkg"
    summary = office_pc.results.export(package, chi_bo_id=unit.chi_bo_ids[0])
    assert summary.counts["members"] == 2 and summary.counts["attempts"] == 2

    before = row_counts(service)
    report = service.results.import_packages([package])
    after = row_counts(service)
    assert not report.has_refusals
    assert after["attempts"] - before["attempts"] == 2 == report.counts["attempts"].added
    assert after["answers"] - before["answers"] == report.counts["answers"].added == 12
    assert after["pledges"] - before["pledges"] == 1
    assert after["members"] == before["members"]
    assert report.counts["members"].skipped == 2
    assert after["review_cards"] - before["review_cards"] == report.counts["review_cards"].added > 0
    assert after["section_progress"] - before["section_progress"] == 1
    overview = {row.id: row for row in service.members.overview()}
    assert overview[first].attempts == 1 and overview[first].best_score == 100.0
    assert overview[first].pledge_state == "finalised"
    assert service.pledges.get(first, unit.document_id).commitments[0].content == "Học tập chuyên đề chuyển đổi số"
    # The merged attempt reads the same on the secretary's PC as where it was taken, answer by answer.
    assert service.quizzes.results(weak) == office_pc.quizzes.results(weak)
    assert service.quizzes.review(weak) == office_pc.quizzes.review(weak)

    state = table_state(service)
    again = service.results.import_packages([package, package])
    assert table_state(service) == state
    assert again.counts["attempts"].added == 0 and again.counts["attempts"].skipped == 4
    assert all(outcome.already_imported for outcome in again.packages)


def test_newest_pledge_wins_and_the_other_becomes_history(
    service: Service, unit: UnitSetup, office_pc: Service, tmp_path: Path
) -> None:
    member = unit.member_ids[0]
    write_pledge(service, member, unit.document_id, "Bản soạn trên máy bí thư")
    write_pledge(office_pc, member, unit.document_id, "Bản sửa sau trên máy chi bộ")
    package = tmp_path / "p.nqpkg"
    office_pc.results.export(package)
    report = service.results.import_packages([package])
    assert report.counts["pledges"].updated == 1 and report.counts["pledge_history"].added == 1
    pledge = service.pledges.get(member, unit.document_id)
    assert pledge.commitments[0].content == "Bản sửa sau trên máy chi bộ"
    history = service.pledges.history(member, unit.document_id)
    assert [version.commitments[0].content for version in history] == ["Bản soạn trên máy bí thư"]

    # Back the other way: the chi bộ PC keeps its newer text and records the secretary's as history.
    back = tmp_path / "back.nqpkg"
    service.results.export(back)
    office_pc.results.import_packages([back])
    assert office_pc.pledges.get(member, unit.document_id).commitments[0].content == "Bản sửa sau trên máy chi bộ"
    assert [v.commitments[0].content for v in office_pc.pledges.history(member, unit.document_id)] == [
        "Bản soạn trên máy bí thư"
    ]
    state = table_state(office_pc)
    office_pc.results.import_packages([back])
    assert table_state(office_pc) == state
    # Saving again after the merge keeps working (history numbers stay below the pledge's own).
    write_pledge(office_pc, member, unit.document_id, "Bản thứ ba", finalise=True)
    assert office_pc.pledges.get(member, unit.document_id).is_finalised


def test_member_edited_on_both_pcs_keeps_the_later_edit(
    service: Service, unit: UnitSetup, office_pc: Service, tmp_path: Path
) -> None:
    member = unit.member_ids[0]
    profile = service.members.get_member(member)
    draft = MemberDraft(full_name=profile.full_name, chi_bo_id=profile.chi_bo_id, birth_date=profile.birth_date)
    service.members.update_member(member, draft.__class__(**{**draft.__dict__, "job_position": "Chuyên viên"}))
    office_pc.members.update_member(member, draft.__class__(**{**draft.__dict__, "job_position": "Trưởng phòng"}))
    package = tmp_path / "m.nqpkg"
    office_pc.results.export(package)
    report = service.results.import_packages([package])
    assert report.counts["members"].updated == 1
    assert service.members.get_member(member).job_position == "Trưởng phòng"
    back = tmp_path / "back.nqpkg"
    service.results.export(back)
    office_pc.results.import_packages([back])
    assert office_pc.members.get_member(member).job_position == "Trưởng phòng"
    with service.database.sessions() as session:
        assert session.scalar(select(Member).where(Member.id == member)) is not None


def test_document_travels_when_included_and_is_refused_when_missing(
    service: Service, unit: UnitSetup, office_pc: Service, tmp_path: Path
) -> None:
    take_exam(office_pc, unit.member_ids[0], unit.document_id, right=3)
    bare, full = tmp_path / "bare.nqpkg", tmp_path / "full.nqpkg"
    office_pc.results.export(bare)
    office_pc.results.export(full, include_document=True)
    empty = open_pc(tmp_path, "may-moi")
    state = table_state(empty)
    refused = empty.results.import_packages([bare])
    assert refused.has_refusals and "chưa có trên máy này" in str(refused.packages[0].refused)
    assert refused.counts["attempts"].refused == 1 and refused.counts["answers"].refused == 6
    assert table_state(empty) == state
    report = empty.results.import_packages([full])
    assert not report.has_refusals and report.counts["documents"].added == 1
    assert [document.content_hash for document in empty.documents.list_documents()] == [
        document.content_hash for document in office_pc.documents.list_documents()
    ]
    assert len(empty.documents.sentences(unit.document_id)) == len(office_pc.documents.sentences(unit.document_id))
    with empty.database.sessions() as session:
        assert session.scalar(select(Attempt.document_id)) == unit.document_id
        assert len(session.scalars(select(Answer)).all()) == 6
        assert session.scalars(select(Pledge)).all() == []
