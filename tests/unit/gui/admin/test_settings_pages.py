"""Quiz settings and general settings pages: what the admin types is saved through the facade."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.quiz_settings_page import QuizSettingsPage
from gui.admin.settings_page import SettingsPage
from gui.preferences import DATABASE_URL_KEY, Preferences
from quiz.errors import UserError
from quiz.service import Service
from tests.unit.gui.admin.sample_documents import import_sample
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.waiting import wait_for_operations

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_admin_edits_quiz_settings(desk: AdminDesk, service: Service, tmp_path: Path) -> None:
    document = import_sample(service, tmp_path)
    sections = service.documents.sections(document.id)
    page = desk.show_page(QuizSettingsPage)
    wait_for_operations()
    assert isinstance(page, QuizSettingsPage)
    assert page.document_picker.document_id() == document.id
    assert page.sections.count() == len(sections)

    page.question_count.setValue(12)
    page.time_limit.setValue(25)
    page.pass_mark.setValue(70)
    page.attempts_allowed.setValue(2)
    page.counting.setCurrentIndex(page.counting.findData("last"))
    page.deadline.setText("15/11/2030")
    page.type_weights["matching"].setValue(0)
    page.type_weights["single"].setValue(3)
    page.sections.item(1).setCheckState(Qt.CheckState.Checked)
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_for_operations()

    assert not page.is_error_shown(), page.message.text()
    saved = service.quizzes.get_settings(document.id)
    assert saved.question_count == 12
    assert saved.time_limit_minutes == 25
    assert saved.pass_mark_percent == 70
    assert saved.attempts_allowed == 2
    assert saved.counting == "last"
    assert saved.deadline == dt.date(2030, 11, 15)
    assert saved.type_mix == {"single": 3, "multi": 1, "truefalse": 1, "cloze": 1}
    assert saved.section_ids == (sections[1].id,)

    # Shown again as saved after a reload; "no limit" is the spin box's zero.
    page.time_limit.setValue(0)
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert service.quizzes.get_settings(document.id).time_limit_minutes is None
    page.refresh()
    wait_for_operations()
    assert page.question_count.value() == 12 and page.deadline.text() == "15/11/2030"


def test_a_bad_deadline_is_refused_and_nothing_changes(desk: AdminDesk, service: Service, tmp_path: Path) -> None:
    document = import_sample(service, tmp_path)
    page = desk.show_page(QuizSettingsPage)
    wait_for_operations()
    assert isinstance(page, QuizSettingsPage)
    before = service.quizzes.get_settings(document.id)
    page.question_count.setValue(40)
    page.deadline.setText("32/13/2030")
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert page.is_error_shown()
    assert "Hạn hoàn thành" in page.message.text()
    assert service.quizzes.get_settings(document.id) == before


def test_general_settings_are_saved(desk: AdminDesk, service: Service) -> None:
    page = desk.show_page(SettingsPage)
    wait_for_operations()
    assert isinstance(page, SettingsPage)
    assert page.reflection_questions.toPlainText().strip()
    page.place_name.setText("Hòa Bình")
    page.party_committee.setText("ĐẢNG BỘ XÃ HÒA BÌNH")
    page.reflection_questions.setPlainText("Điểm mới của Nghị quyết?\n\nĐồng chí sẽ làm gì?\n")
    page.form_layout.setCurrentIndex(page.form_layout.findData("separate"))
    QTest.mouseClick(page.save_forms_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert not page.is_error_shown(), page.message.text()
    assert service.settings.get("place_name") == "Hòa Bình"
    assert service.settings.get("party_committee") == "ĐẢNG BỘ XÃ HÒA BÌNH"
    assert service.settings.get("reflection_questions") == ["Điểm mới của Nghị quyết?", "Đồng chí sẽ làm gì?"]
    assert service.settings.get("form_layout") == "separate"

    chosen: list[int] = []
    languages: list[str] = []
    desk.font_size_changed.connect(chosen.append)
    desk.language_changed.connect(languages.append)
    page.font_size.setValue(18)
    page.language.setCurrentIndex(page.language.findData("en"))
    QTest.mouseClick(page.save_view_button, Qt.MouseButton.LeftButton)
    assert chosen == [18] and languages == ["en"]
    assert Preferences().font_size() == 18 and Preferences().language() == "en"

    page.database_url.setText("postgresql://thu@maychu/hoctap")
    QTest.mouseClick(page.save_database_button, Qt.MouseButton.LeftButton)
    assert Preferences().text_value(DATABASE_URL_KEY) == "postgresql://thu@maychu/hoctap"


def test_reflection_questions_cannot_be_emptied(desk: AdminDesk, service: Service) -> None:
    page = desk.show_page(SettingsPage)
    wait_for_operations()
    assert isinstance(page, SettingsPage)
    before = service.settings.get("reflection_questions")
    page.reflection_questions.setPlainText("  \n")
    QTest.mouseClick(page.save_forms_button, Qt.MouseButton.LeftButton)
    assert page.is_error_shown()
    assert service.settings.get("reflection_questions") == before


def test_admin_changes_the_password_and_a_wrong_current_one_is_refused(desk: AdminDesk, service: Service) -> None:
    service.accounts.create_admin("mat-khau-cu")
    page = desk.show_page(SettingsPage)
    wait_for_operations()
    assert isinstance(page, SettingsPage)

    page.old_password.setText("nham-mat-khau")
    page.new_password.setText("mat-khau-moi")
    QTest.mouseClick(page.change_password_button, Qt.MouseButton.LeftButton)
    assert page.is_error_shown() and "không đúng" in page.message.text()

    page.old_password.setText("mat-khau-cu")
    QTest.mouseClick(page.change_password_button, Qt.MouseButton.LeftButton)
    assert not page.is_error_shown() and page.old_password.text() == ""
    service.accounts.sign_in_admin("mat-khau-moi")
    with pytest.raises(UserError):
        service.accounts.sign_in_admin("mat-khau-cu")


def test_slow_quiz_settings_leave_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = import_sample(service, tmp_path)
    slow_read = SlowRead(monkeypatch, service.quizzes, "get_settings")
    page = desk.show_page(QuizSettingsPage)
    assert isinstance(page, QuizSettingsPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.sections.count() == 0 and not page.save_button.isEnabled()
    slow_read.release()
    wait_for_operations()
    assert page.sections.count() == len(service.documents.sections(document.id)) > 0
    assert page.question_count.value() == service.quizzes.get_settings(document.id).question_count
    assert page.save_button.isEnabled()


def test_slow_general_settings_leave_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_read = SlowRead(monkeypatch, service.settings, "all")
    page = desk.show_page(SettingsPage)
    assert isinstance(page, SettingsPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.unit_name.text() == ""
    slow_read.release()
    wait_for_operations()
    assert page.unit_name.text() == service.settings.get("unit_name") != ""
