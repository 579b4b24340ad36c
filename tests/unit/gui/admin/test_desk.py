"""The desk as a whole: keyboard navigation between pages, accessible names on every control."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.admin.common import AdminPage
from gui.admin.desk import AdminDesk
from gui.admin.members_page import MembersPage
from gui.admin.settings_page import SettingsPage
from gui.i18n import Translations
from gui.preferences import Preferences

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit)


def test_arrow_keys_in_the_page_list_switch_pages(desk: AdminDesk) -> None:
    desk.navigation.setFocus()
    desk.navigation.setCurrentRow(0)
    for row in range(1, len(desk.pages)):
        QTest.keyClick(desk.navigation, Qt.Key.Key_Down)
        assert desk.current_page() is desk.pages[row] and desk.pages[row].isVisible()
    assert isinstance(desk.show_page(MembersPage), MembersPage)
    assert desk.current_page() is desk.page(MembersPage)


def test_every_page_has_a_title_and_every_control_an_accessible_name(desk: AdminDesk) -> None:
    unnamed: list[str] = []
    checked = 0
    for page in desk.pages:
        assert isinstance(page, AdminPage) and page.title() and page.heading.text()
        for control in page.findChildren(QWidget):
            if not isinstance(control, CONTROLS) or control.parent() is None:
                continue
            if control.window() is not desk:
                continue  # a drop-down's popup list lives in its own window and is named by its combo box
            if isinstance(control.parentWidget(), (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit)):
                continue  # inner parts of a compound control (its line edit, its clear button)
            checked += 1
            text = control.text() if isinstance(control, QAbstractButton) else ""
            if not control.accessibleName() and not text:
                unnamed.append(f"{type(page).__name__}: {type(control).__name__} {control.objectName()}")
    assert checked > 60
    assert unnamed == [], "\n".join(unnamed)


def test_a_language_change_remakes_the_pages_in_that_language(qtbot: QtBot, desk: AdminDesk) -> None:
    desk.show_page(SettingsPage)
    translations = Translations(Preferences())
    try:
        assert translations.set_language("en", remember=False)
        qtbot.waitUntil(lambda: desk.navigation.item(0).text() == "Import document")
        assert desk.current_page().heading.text() == "General settings" and desk.current_page().isVisible()
        assert isinstance(desk.current_page(), SettingsPage)
    finally:
        translations.set_language("vi", remember=False)
    qtbot.waitUntil(lambda: desk.navigation.item(0).text() == "Nhập văn bản")
