"""A package signed with the unit key still cannot override: edits dated after its export, drafts over finalised."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.api.members import MemberDraft
from quiz.packages.container import UnitKey, read_package, write_package
from quiz.service import Service
from tests.unit.quiz.packages.helpers import PASSPHRASE, UnitSetup, import_resolution, open_pc, setup_unit, write_pledge


@pytest.fixture
def unit(service: Service) -> UnitSetup:
    return setup_unit(service)


@pytest.fixture
def office_pc(service: Service, unit: UnitSetup, tmp_path: Path) -> Service:
    pc = open_pc(tmp_path, "chi-bo")
    import_resolution(pc)
    setup = tmp_path / "thiet-lap.nqpkg"
    service.results.export(setup)
    assert not pc.results.import_packages([setup]).has_refusals
    return pc


def test_an_edit_dated_2099_does_not_rename_a_member_edited_here_after_the_export(
    service: Service, unit: UnitSetup, office_pc: Service, tmp_path: Path
) -> None:
    member = unit.member_ids[0]
    package = tmp_path / "gia-mao.nqpkg"
    office_pc.results.export(package)
    # After the package left the chi bộ PC, the secretary corrects the name here.
    profile = service.members.get_member(member)
    draft = MemberDraft(full_name="Trần Thị Đúng Tên", chi_bo_id=profile.chi_bo_id, birth_date=profile.birth_date)
    service.members.update_member(member, draft)
    # A PC holding the unit key re-signs the package with a rename dated far in the future.
    key = UnitKey.from_passphrase(PASSPHRASE)
    manifest, parts = read_package(package, key)
    for row in parts["members.json"]:
        if row["id"] == member:
            row.update(full_name="Kẻ Mạo Danh", updated_at="2099-01-01T00:00:00+00:00")
    write_package(package, parts, key, {name: manifest[name] for name in ("package_id", "exported_at", "source")})

    report = service.results.import_packages([package])
    assert not report.has_refusals
    assert service.members.get_member(member).full_name == "Trần Thị Đúng Tên" != profile.full_name
    assert report.counts["members"].updated == 0
    assert any("muộn hơn lúc xuất gói" in conflict for conflict in report.conflicts)
    assert any("Trần Thị Đúng Tên" in conflict for conflict in report.conflicts)


def test_a_later_draft_never_replaces_a_finalised_pledge(
    service: Service, unit: UnitSetup, office_pc: Service, tmp_path: Path
) -> None:
    member = unit.member_ids[0]
    write_pledge(service, member, unit.document_id, "Bản đã nộp", finalise=True)
    write_pledge(office_pc, member, unit.document_id, "Bản nháp sửa sau")
    package = tmp_path / "nhap.nqpkg"
    office_pc.results.export(package)

    report = service.results.import_packages([package])
    pledge = service.pledges.get(member, unit.document_id)
    assert pledge.is_finalised and pledge.commitments[0].content == "Bản đã nộp"
    history = service.pledges.history(member, unit.document_id)
    assert "Bản nháp sửa sau" in [version.commitments[0].content for version in history]
    assert report.counts["pledges"].updated == 0
    assert any("bản nháp" in conflict and "đã nộp" in conflict for conflict in report.conflicts)
