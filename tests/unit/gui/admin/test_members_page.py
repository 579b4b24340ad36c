"""Members page: the admin adds a đảng bộ, a chi bộ and a member through the widgets; refusals are shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.members_page import MembersPage
from quiz.api.members import MemberDraft
from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.service import Service
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.waiting import wait_for_operations

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_members_page(desk: AdminDesk) -> MembersPage:
    page = desk.show_page(MembersPage)
    assert isinstance(page, MembersPage)
    wait_for_operations()
    return page


def test_admin_adds_a_chi_bo_and_a_member(qtbot: QtBot, desk: AdminDesk, service: Service) -> None:
    page = open_members_page(desk)
    page.unit_name.setText("Đảng bộ Sở Thí điểm")
    QTest.mouseClick(page.add_dang_bo_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    page.unit_name.setText("Chi bộ Phòng Một")
    QTest.mouseClick(page.add_chi_bo_button, Qt.MouseButton.LeftButton)
    wait_for_operations()

    units = {unit.name: unit for unit in service.members.list_units()}
    assert units["Chi bộ Phòng Một"].parent_id == units["Đảng bộ Sở Thí điểm"].id
    assert page.selected_unit_id() == units["Chi bộ Phòng Một"].id

    page.form.full_name.setText("Trần Thị Bình")
    page.form.birth_date.setText("02/09/1970")
    page.form.party_position.setText("Đảng viên")
    QTest.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    wait_for_operations()

    members = service.members.list_members(units["Chi bộ Phòng Một"].id)
    assert [(member.full_name, member.birth_date.isoformat() if member.birth_date else "") for member in members] == [
        ("Trần Thị Bình", "1970-09-02")
    ]
    assert page.member_model.rowCount() == 1
    assert "Trần Thị Bình" in page.message.text()
    assert not page.is_error_shown()


def test_a_bad_date_is_refused_in_vietnamese_and_nothing_is_added(
    qtbot: QtBot, desk: AdminDesk, service: Service
) -> None:
    page = open_members_page(desk)
    page.form.full_name.setText("Lê Văn Cường")
    page.form.birth_date.setText("31/02/1980")
    QTest.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    assert page.is_error_shown()
    assert "Ngày sinh" in page.message.text()
    assert service.members.list_members() == []


def test_search_narrows_the_list_without_diacritics(qtbot: QtBot, desk: AdminDesk, service: Service) -> None:
    from quiz.api.members import MemberDraft

    for name in ("Nguyễn Văn An", "Phạm Thị Hoa"):
        service.members.add_member(MemberDraft(full_name=name))
    page = open_members_page(desk)
    assert page.member_model.rowCount() == 2
    QTest.keyClicks(page.search_box, "pham thi")
    wait_for_operations()
    assert [member.full_name for member in page.member_model.rows()] == ["Phạm Thị Hoa"]


def test_admin_reopens_a_finalised_pledge(qtbot: QtBot, desk: AdminDesk, service: Service) -> None:
    document = service.documents.import_text(
        "Nghị quyết thử nghiệm\n\nChi bộ phấn đấu hoàn thành 5 nhiệm vụ trọng tâm trong năm.", "thu.txt"
    )
    member = service.members.add_member(MemberDraft(full_name="Phạm Thị Dung"))
    answers = [ReflectionAnswer(question, "Đã học kỹ.") for question in service.pledges.reflection_questions()]
    service.pledges.save_draft(member.id, document.id, answers, [Commitment("Hoàn thành nhiệm vụ được giao")])
    service.pledges.finalise(member.id, document.id)
    page = open_members_page(desk)
    page.refresh()
    wait_for_operations()
    page.member_table.selectRow(0)
    assert page.reopen_pledge_button.isEnabled()

    QTest.mouseClick(page.reopen_pledge_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert service.pledges.get(member.id, document.id).state == "draft"
    assert "Phạm Thị Dung" in page.message.text() and not page.is_error_shown()

    QTest.mouseClick(page.reopen_pledge_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert "chưa hoàn thành" in page.message.text()


def test_a_slow_member_list_leaves_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Nguyễn Văn An", "Phạm Thị Hoa"):
        service.members.add_member(MemberDraft(full_name=name))
    slow_read = SlowRead(monkeypatch, service.members, "list_members")
    page = desk.show_page(MembersPage)
    assert isinstance(page, MembersPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.member_model.rowCount() == 0
    slow_read.release()
    wait_for_operations()
    assert sorted(member.full_name for member in page.member_model.rows()) == ["Nguyễn Văn An", "Phạm Thị Hoa"]
