"""Pages reload from the facade's change notices: a hidden page when shown again and only if what it shows
changed, the page on screen at once when another part of the window changed its data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.members_page import MembersPage
from gui.admin.reports_page import ReportsPage
from gui.changes_hub import StaleWatch
from gui.operations import run_change
from quiz.api.changes import Area
from quiz.api.members import MemberDraft
from quiz.service import Service
from tests.unit.gui.admin.sample_documents import make_unit
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def member_names(page: ReportsPage) -> list[str]:
    return [page.member_choice.itemText(row).split(" — ")[0] for row in range(page.member_choice.count())]


def test_a_page_shown_again_reloads_only_after_a_change_to_what_it_shows(
    qtbot: QtBot, desk: AdminDesk, service: Service
) -> None:
    make_unit(service, "Đảng bộ Xã Thử", {"Chi bộ Thôn Đông": ["Nguyễn Văn An"]})
    reports = desk.show_page(ReportsPage)
    assert isinstance(reports, ReportsPage)
    wait_for_operations()
    assert member_names(reports) == ["Nguyễn Văn An"]

    # Another page adds a member through its own form: the reports page lists them when shown again.
    members = desk.show_page(MembersPage)
    assert isinstance(members, MembersPage)
    members.form.full_name.setText("Trần Thị Bình")
    QTest.mouseClick(members.add_member_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert not members.is_error_shown(), members.message.text()
    desk.show_page(ReportsPage)
    wait_for_operations()
    assert sorted(member_names(reports)) == ["Nguyễn Văn An", "Trần Thị Bình"]

    # A change to an area the page does not show leaves it as it is (no reload on every show).
    reports.member_choice.addItem("dấu để nhận ra một lần tải lại", "marker")
    desk.show_page(MembersPage)
    service.settings.set("forms_deadline", "31/12/2027")
    desk.show_page(ReportsPage)
    wait_for_operations()
    assert reports.member_choice.findData("marker") >= 0


def test_the_page_on_screen_follows_a_change_made_elsewhere_in_the_window(
    qtbot: QtBot, desk: AdminDesk, service: Service
) -> None:
    ids = make_unit(service, "Đảng bộ Xã Thử", {"Chi bộ Thôn Đông": ["Nguyễn Văn An"]})
    reports = desk.show_page(ReportsPage)
    assert isinstance(reports, ReportsPage)
    chi_bo_id = service.members.get_member(ids["Nguyễn Văn An"]).chi_bo_id
    members = service.members
    # Written on the operation worker, as a page's run_change does; no page is shown again.
    run_change(desk, lambda: members.add_member(MemberDraft(full_name="Phạm Dung", chi_bo_id=chi_bo_id)))
    wait_for_operations()
    qtbot.waitUntil(lambda: "Phạm Dung" in member_names(reports))


def test_an_old_load_counts_as_stale_on_a_shared_server(qtbot: QtBot, service: Service) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    now = [1000.0]
    loads: list[float] = []
    watch = StaleWatch(
        widget, service, {Area.MEMBERS}, lambda: loads.append(now[0]), max_age_seconds=60, clock=lambda: now[0]
    )
    assert watch.refresh_if_needed() and loads == [1000.0]
    now[0] += 59
    assert not watch.refresh_if_needed()
    service.settings.set("forms_deadline", "31/12/2027")  # not a watched area
    assert not watch.refresh_if_needed()
    service.members.create_unit("Chi bộ Mới", "chi_bo")
    assert watch.stale and watch.refresh_if_needed()
    now[0] += 60
    assert watch.refresh_if_needed() and loads == [1000.0, 1059.0, 1119.0]
