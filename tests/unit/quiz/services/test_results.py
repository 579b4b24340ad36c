"""ResultsService: the unit key, export scope, preview, matching the same member on two PCs, a commit per package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

import quiz.packages.merge as merge_module
from quiz.api.members import MemberDraft
from quiz.api.packages import MemberMatch
from quiz.errors import AccessDenied, UserError
from quiz.packages.merge_results import merge_pledges
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.attempts import Attempt
from quiz.storage.models.people import Member
from quiz.storage.models.sync import MemberAlias
from tests.unit.quiz.packages.helpers import (
    UnitSetup,
    import_resolution,
    open_pc,
    row_counts,
    setup_unit,
    table_state,
    take_exam,
    write_pledge,
)

BIRTH = dt.date(1975, 5, 5)


@pytest.fixture
def unit(service: Service) -> UnitSetup:
    return setup_unit(service)


def independent_pc(tmp_path: Path, name: str = "doc-lap") -> tuple[Service, str, str]:
    """A PC set up on its own (not from the secretary's package): its own units and a member named like ours."""
    pc = open_pc(tmp_path, name)
    document_id = import_resolution(pc)
    dang_bo = pc.members.create_unit("Đảng bộ Khối Thử nghiệm", "dang_bo").id
    chi_bo = pc.members.create_unit("Chi bộ Ba", "chi_bo", dang_bo).id
    twin = pc.members.add_member(MemberDraft(full_name="Lê Văn Bình", chi_bo_id=chi_bo, birth_date=BIRTH)).id
    other = pc.members.add_member(MemberDraft(full_name="Phạm Thu Hà", chi_bo_id=chi_bo, birth_date=BIRTH)).id
    take_exam(pc, twin, document_id, right=4)
    write_pledge(pc, twin, document_id, "Việc làm của đồng chí Bình")
    take_exam(pc, other, document_id, right=2)
    return pc, twin, other


def add_local_twin(service: Service, unit: UnitSetup) -> str:
    draft = MemberDraft(full_name="Lê  Văn Bình", chi_bo_id=unit.chi_bo_ids[1], birth_date=BIRTH)
    return service.members.add_member(draft).id


def test_key_is_stored_as_a_fingerprint_not_the_passphrase(service: Service) -> None:
    assert service.results.unit_key_id() is None
    key_id = service.results.set_unit_key("  bí mật chung  ")
    assert service.results.unit_key_id() == key_id == service.results.set_unit_key("bí mật chung")
    assert "bí mật" not in repr(service.settings.all())
    with pytest.raises(UserError, match="chưa được đặt"):
        service.results.set_unit_key("   ")


def test_export_needs_the_key_and_the_admin(service: Service, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Chưa đặt khoá"):
        service.results.export(tmp_path / "a.nqpkg")
    service.results.set_unit_key("khoá")
    member_facade = Service(service.database, Actor.member("someone"))
    with pytest.raises(AccessDenied):
        member_facade.results.export(tmp_path / "a.nqpkg")
    with pytest.raises(AccessDenied):
        member_facade.results.import_packages([tmp_path / "a.nqpkg"])


def test_export_of_one_chi_bo_holds_its_members_and_units_only(
    service: Service, unit: UnitSetup, tmp_path: Path
) -> None:
    take_exam(service, unit.member_ids[0], unit.document_id, right=3)
    take_exam(service, unit.member_ids[2], unit.document_id, right=3)
    summary = service.results.export(tmp_path / "mot.nqpkg", chi_bo_id=unit.chi_bo_ids[0])
    assert summary.counts["members"] == 2 and summary.counts["attempts"] == 1 and summary.counts["units"] == 2
    assert summary.source == "Chi bộ Một – Đảng bộ Khối Thử nghiệm"
    preview = service.results.preview(tmp_path / "mot.nqpkg")
    assert sorted(preview.known_members) == ["Trần Thị A", "Trần Thị B"] and preview.new_members == []
    assert preview.problem is None and not preview.already_imported
    with pytest.raises(UserError, match="chi bộ"):
        service.results.export(tmp_path / "x.nqpkg", chi_bo_id=unit.dang_bo_id)
    with pytest.raises(UserError, match="không tồn tại"):
        service.results.export(tmp_path / "thu-muc-khong-co" / "x.nqpkg")


def test_open_attempts_stay_home_until_submitted(service: Service, unit: UnitSetup, tmp_path: Path) -> None:
    service.quizzes.start_attempt(unit.member_ids[0], unit.document_id, "practice", question_count=3)
    assert service.results.export(tmp_path / "a.nqpkg").counts["attempts"] == 0


def test_preview_lists_the_member_needing_confirmation(service: Service, unit: UnitSetup, tmp_path: Path) -> None:
    local = add_local_twin(service, unit)
    pc, twin, _ = independent_pc(tmp_path)
    pc.results.export(tmp_path / "p.nqpkg")
    preview = service.results.preview(tmp_path / "p.nqpkg")
    assert preview.matches == [MemberMatch(twin, "Lê Văn Bình", "Chi bộ Ba", BIRTH, local, "Lê Văn Bình", "Chi bộ Hai")]
    assert sorted(preview.new_members) == ["Lê Văn Bình", "Phạm Thu Hà"]


def test_confirmed_match_becomes_one_member(service: Service, unit: UnitSetup, tmp_path: Path) -> None:
    local = add_local_twin(service, unit)
    pc, twin, _ = independent_pc(tmp_path)
    package = tmp_path / "p.nqpkg"
    pc.results.export(package)
    before = row_counts(service)
    report = service.results.import_packages([package], confirm_matches={(twin, local)})
    assert row_counts(service)["members"] == before["members"] + 1  # only Phạm Thu Hà is new
    assert report.counts["members"].added == 1
    with service.database.sessions() as session:
        assert session.scalar(select(MemberAlias.member_id).where(MemberAlias.alias_id == twin)) == local
        assert len(session.scalars(select(Attempt).where(Attempt.member_id == local)).all()) == 1
    assert service.pledges.get(local, unit.document_id).commitments[0].content == "Việc làm của đồng chí Bình"
    # The alias is remembered: the same package again (no confirmation given) changes nothing.
    state = table_state(service)
    service.results.import_packages([package])
    assert table_state(service) == state
    assert service.results.preview(package).matches == []


def test_unconfirmed_match_is_added_as_a_separate_member(service: Service, unit: UnitSetup, tmp_path: Path) -> None:
    add_local_twin(service, unit)
    pc, _, _ = independent_pc(tmp_path)
    pc.results.export(tmp_path / "p.nqpkg")
    asked: list[MemberMatch] = []

    def different_people(match: MemberMatch) -> bool:
        asked.append(match)
        return False

    report = service.results.import_packages([tmp_path / "p.nqpkg"], confirm_matches=different_people)
    assert len(asked) == 1 and report.counts["members"].added == 2
    assert any("chưa được xác nhận" in note for note in report.notes)
    assert len(service.members.search("le van binh")) == 2


def test_a_package_failing_mid_merge_rolls_back_alone_and_merging_again_doubles_nothing(
    service: Service, unit: UnitSetup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pcs = [independent_pc(tmp_path, name) for name in ("mot", "hai", "ba")]
    paths = [tmp_path / f"{number}.nqpkg" for number in (1, 2, 3)]
    for (pc, _twin, _other), path in zip(pcs, paths, strict=True):
        pc.results.export(path, include_document=path == paths[0])
    before = row_counts(service)
    calls: list[int] = []
    original = merge_pledges

    def failing_on_second_package(*arguments: object) -> None:
        calls.append(1)
        if len(calls) == 2:  # the second package's members, attempts and answers are already written by now
            raise OperationalError("INSERT", {}, Exception("đĩa đầy"))
        original(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(merge_module, "merge_pledges", failing_on_second_package)
    report = service.results.import_packages(paths)

    # The first and third packages are merged and committed; the second left no row behind and says why.
    assert [outcome.refused is None for outcome in report.packages] == [True, False, True]
    assert "chưa được gộp" in str(report.packages[1].refused)
    assert report.counts["attempts"].added == 4 and report.counts["attempts"].refused == 2
    after_failure = row_counts(service)
    assert after_failure["attempts"] - before["attempts"] == 4
    assert after_failure["answers"] - before["answers"] == 24
    assert after_failure["imported_packages"] - before["imported_packages"] == 2
    with service.database.sessions() as session:
        members = set(session.scalars(select(Member.id)))
    assert {pcs[0][1], pcs[0][2], pcs[2][1], pcs[2][2]} <= members and not {pcs[1][1], pcs[1][2]} & members

    monkeypatch.setattr(merge_module, "merge_pledges", original)
    report = service.results.import_packages(paths)
    assert [outcome.already_imported for outcome in report.packages] == [True, False, True]
    assert report.counts["attempts"].added == 2 and report.counts["attempts"].skipped == 4
    assert not report.has_refusals
    after_all = row_counts(service)
    assert after_all["attempts"] - before["attempts"] == 6 and after_all["answers"] - before["answers"] == 36
    # Once more: nothing changes at all.
    state = table_state(service)
    service.results.import_packages(paths)
    assert table_state(service) == state
