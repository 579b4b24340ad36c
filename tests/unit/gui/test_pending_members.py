"""A newcomer added at the start screen is shown as waiting (chờ duyệt) until the secretary confirms them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.members_page import MembersPage
from gui.main_window import MainWindow
from gui.tasks import TaskRunner
from quiz.api.members import MemberDraft
from quiz.errors import UserError
from quiz.service import Service
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_the_start_screen_says_the_new_name_waits_for_approval(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.start_screen
    QTest.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    screen.new_name.setText("Phạm Thị Lan")
    QTest.mouseClick(screen.add_ok, Qt.MouseButton.LeftButton)
    assert window.member_id is not None
    notices = [box for box in QApplication.topLevelWidgets() if isinstance(box, QMessageBox) and box.isVisible()]
    assert any("chờ bí thư chi bộ duyệt" in box.text() for box in notices)
    for box in notices:
        box.close()
    window.switch_user_action.trigger()
    screen.search_edit.setText("pham thi lan")
    qtbot.waitUntil(lambda: screen.names.count() == 1)
    assert "(chờ duyệt)" in screen.names.item(0).text()


def test_the_admin_confirms_a_waiting_member(qtbot: QtBot, service: Service) -> None:
    chi_bo = service.members.create_unit("Chi bộ Một", "chi_bo")
    service.accounts.sign_out()
    newcomer = service.members.add_member(MemberDraft(full_name="Lê Văn Mới", chi_bo_id=chi_bo.id))
    service.accounts.create_admin("quantri-123")
    runner = TaskRunner()
    desk = AdminDesk(service, runner)
    qtbot.addWidget(desk)
    desk.show()
    try:
        page = desk.show_page(MembersPage)
        assert isinstance(page, MembersPage)
        page.refresh()
        wait_for_operations()
        page.member_table.selectRow(0)
        status_column = page.member_model.columnCount() - 1
        assert page.member_model.index(0, status_column).data() == "chờ duyệt"
        assert page.confirm_member_button.isEnabled()
        QTest.mouseClick(page.confirm_member_button, Qt.MouseButton.LeftButton)
        wait_for_operations()
        assert not service.members.get_member(newcomer.id).pending
        wait_for_operations()
        page.member_table.selectRow(0)
        assert not page.confirm_member_button.isEnabled()
    finally:
        runner.shutdown()


def test_the_admin_sees_the_failed_sign_ins(qtbot: QtBot, service: Service) -> None:
    chi_bo = service.members.create_unit("Chi bộ Một", "chi_bo")
    member = service.members.add_member(MemberDraft(full_name="Đỗ Thị Thử", chi_bo_id=chi_bo.id, pin="246813"))
    service.accounts.sign_out()
    with pytest.raises(UserError):
        service.accounts.sign_in_member(member.id, "000000")
    service.accounts.create_admin("quantri-123")
    runner = TaskRunner()
    desk = AdminDesk(service, runner)
    qtbot.addWidget(desk)
    desk.show()
    try:
        page = desk.show_page(MembersPage)
        assert isinstance(page, MembersPage)
        QTest.mouseClick(page.failures_button, Qt.MouseButton.LeftButton)
        wait_for_operations()
        boxes = [box for box in page.findChildren(QMessageBox) if box.isVisible()]
        assert any("Đỗ Thị Thử" in box.text() for box in boxes)
        for box in boxes:
            box.close()
    finally:
        runner.shutdown()
