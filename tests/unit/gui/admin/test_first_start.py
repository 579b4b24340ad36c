"""First start: the desk asks for the printed header's names once; the forms and the unit report print them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.settings_page import SettingsPage
from gui.tasks import TaskRunner
from quiz.api.members import MemberDraft
from quiz.api.unit_details import UnitDetails
from quiz.service import Service
from reports.render import render_member_form, render_unit_report
from tests.unit.gui.waiting import wait_for_operations
from tests.unit.quiz.engine.factories import add_document
from tests.unit.reports.pdf_tools import all_text, normalise

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_desk(qtbot: QtBot, service: Service, task_runner: TaskRunner) -> AdminDesk:
    desk = AdminDesk(service, task_runner)
    qtbot.addWidget(desk)
    desk.resize(1200, 700)
    desk.show()
    return desk


def fill_first_start(desk: AdminDesk, deadline: str = "31/03/2027") -> None:
    page = desk.first_start
    page.party_committee.setText("Đảng bộ xã Thanh Hà")
    page.unit_name.setText("Chi bộ thôn Đồng Tâm")
    page.place_name.setText("Thanh Hà")
    page.forms_deadline.setText(deadline)
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def test_a_fresh_database_asks_for_the_header_once(qtbot: QtBot, service: Service, task_runner: TaskRunner) -> None:
    desk = open_desk(qtbot, service, task_runner)
    assert desk.is_first_start_shown() and desk.first_start.isVisible()
    assert not desk.navigation.isVisible() and not desk.stack.isVisible()

    # A place is needed for the date line: without it nothing is stored and the page stays.
    desk.first_start.party_committee.setText("Đảng bộ xã Thanh Hà")
    desk.first_start.unit_name.setText("Chi bộ thôn Đồng Tâm")
    QTest.mouseClick(desk.first_start.save_button, Qt.MouseButton.LeftButton)
    assert desk.first_start.is_error_shown() and "địa danh" in desk.first_start.message.text()
    assert desk.is_first_start_shown() and service.settings.get("unit_name") == ""

    fill_first_start(desk)
    assert not desk.is_first_start_shown() and desk.navigation.isVisible() and desk.current_page().isVisible()
    assert UnitDetails.from_settings(service.settings.all()) == UnitDetails(
        "Đảng bộ xã Thanh Hà", "Chi bộ thôn Đồng Tâm", "Thanh Hà", dt.date(2027, 3, 31)
    )
    again = open_desk(qtbot, service, task_runner)
    assert not again.is_first_start_shown() and again.navigation.isVisible()

    # Changeable later on the settings page, which shows what the first start stored.
    settings = again.show_page(SettingsPage)
    assert isinstance(settings, SettingsPage)
    wait_for_operations()
    assert settings.unit_name.text() == "Chi bộ thôn Đồng Tâm" and settings.forms_deadline.text() == "31/03/2027"
    settings.place_name.setText("Thị trấn Nam Sách")
    QTest.mouseClick(settings.save_forms_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert not settings.is_error_shown(), settings.message.text()
    assert service.settings.get("place_name") == "Thị trấn Nam Sách"


def test_a_badly_typed_deadline_is_refused(qtbot: QtBot, service: Service, task_runner: TaskRunner) -> None:
    desk = open_desk(qtbot, service, task_runner)
    fill_first_start(desk, deadline="31-13-2027")
    assert desk.first_start.is_error_shown() and "ngày/tháng/năm" in desk.first_start.message.text()
    assert desk.is_first_start_shown() and service.settings.get("place_name") == ""


def test_put_off_it_comes_back_at_the_next_sign_in(qtbot: QtBot, service: Service, task_runner: TaskRunner) -> None:
    desk = open_desk(qtbot, service, task_runner)
    QTest.mouseClick(desk.first_start.later_button, Qt.MouseButton.LeftButton)
    assert not desk.is_first_start_shown() and desk.navigation.isVisible()
    assert open_desk(qtbot, service, task_runner).is_first_start_shown()


def test_printed_papers_carry_the_names_given_at_first_start(
    qtbot: QtBot, service: Service, task_runner: TaskRunner, tmp_path: Path
) -> None:
    fill_first_start(open_desk(qtbot, service, task_runner))
    document = add_document(service, title="Nghị quyết thử về chuyển đổi số", section_count=2)
    # A member added without a chi bộ (as "Thêm tên của tôi" allows): the unit's own names fill the header.
    member = service.members.add_member(MemberDraft(full_name="Lò Văn Páo"))
    form = all_text(render_member_form(service, member.id, tmp_path / "form.pdf", document.document_id).read_bytes())
    text = normalise(form)
    for printed in ("ĐẢNG BỘ XÃ THANH HÀ", "CHI BỘ THÔN ĐỒNG TÂM", "Thanh Hà, ngày"):
        assert printed in text, text[:400]
    report_path = render_unit_report(service, tmp_path / "unit.pdf", document_id=document.document_id)
    report = normalise(all_text(report_path.read_bytes()))
    assert "ĐẢNG BỘ XÃ THANH HÀ" in report and "Thanh Hà, ngày" in report
    assert "31 tháng 3 năm 2027" in report  # the forms deadline, as no exam deadline is set


def test_a_header_without_names_leaves_blanks_to_fill_by_hand(service: Service, tmp_path: Path) -> None:
    document = add_document(service, title="Nghị quyết thử", section_count=2)
    member = service.members.add_member(MemberDraft(full_name="Lò Văn Páo"))
    text = normalise(
        all_text(render_member_form(service, member.id, tmp_path / "form.pdf", document.document_id).read_bytes())
    )
    header = text.split("ĐẢNG CỘNG SẢN VIỆT NAM")[0]
    assert "……" in header and "ĐẢNG BỘ" not in header.replace("……", "")
    assert "……, ngày" in text.replace("… …", "……").replace(" ,", ",")
