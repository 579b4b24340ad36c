"""Shortcuts that work on a real keyboard, the admin desk's font and language applied at once, the PDF's
default place and name, and readable colours."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.pledge_editor import PledgeEditor, documents_folder, pdf_file_name
from gui.style import HIGH_CONTRAST_COLOURS, NORMAL_COLOURS, contrast_ratio
from tests.unit.gui.study_data import ADMIN_PASSWORD, MEMBER_NAME, StudyData
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_every_shortcut_belongs_to_one_action(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    keys = Counter(
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
    )
    assert keys, "the window has shortcuts"
    assert [key for key, count in keys.items() if count > 1] == []
    assert {"Ctrl++", "Ctrl+=", "Ctrl+-", "Ctrl+Q"} <= set(keys)


def test_font_keys_step_the_size_without_ambiguity(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    window.service.accounts.sign_in_member(study_data.member_id)
    window.sign_in_member(study_data.member_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    control = Qt.KeyboardModifier.ControlModifier
    assert window.font_sizer.size == 14
    QTest.keyClick(window, Qt.Key.Key_Equal, control)
    assert window.font_sizer.size == 16
    QTest.keyClick(window, Qt.Key.Key_Plus, control)
    assert window.font_sizer.size == 18
    QTest.keyClick(window, Qt.Key.Key_Minus, control)
    assert window.font_sizer.size == 16
    assert window.font_label.text() == "Cỡ chữ: 16"
    assert MEMBER_NAME in window.user_label.text()
    # Both sit in the status bar side by side, never on top of each other.
    user = window.user_label.geometry()
    font = window.font_label.mapTo(window.statusBar(), window.font_label.rect().topLeft())
    assert user.right() < font.x()
    window.font_sizer.reset()


def test_admin_desk_font_and_language_apply_at_once(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    window.service.accounts.sign_in_admin(ADMIN_PASSWORD)
    window.sign_in_admin()
    desk = window.admin_page
    assert desk is not None
    desk.font_size_changed.emit(20)  # type: ignore[attr-defined]
    assert window.font_sizer.size == 20
    assert window.font_label.text() == "Cỡ chữ: 20"
    window.larger_action.trigger()
    assert window.font_sizer.size == 24  # the next step from the chosen size, not from the old one
    desk.language_changed.emit("en")  # type: ignore[attr-defined]
    assert window.translations.language == "en"
    qtbot.waitUntil(lambda: window.windowTitle() == "Resolution Study")
    desk.language_changed.emit("vi")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.windowTitle() == "Học tập Nghị quyết")
    window.font_sizer.reset()


def test_pdf_file_name_is_the_member_name_without_marks() -> None:
    assert pdf_file_name("Nguyễn Văn A") == "thu-hoach-cam-ket-nguyen-van-a.pdf"
    assert pdf_file_name("Đặng  Thị Ánh-Tuyết") == "thu-hoach-cam-ket-dang-thi-anh-tuyet.pdf"
    assert pdf_file_name("") == "thu-hoach-cam-ket.pdf"


def test_saving_the_pdf_opens_in_documents_with_the_member_name(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    (Path.home() / "Documents").mkdir(parents=True, exist_ok=True)
    window.service.accounts.sign_in_member(study_data.member_id)
    window.sign_in_member(study_data.member_id)
    editor = window.pledge_page
    assert isinstance(editor, PledgeEditor)
    window.tabs.setCurrentWidget(editor)
    QTest.mouseClick(editor.save_pdf_button, Qt.MouseButton.LeftButton)
    wait_for_operations()  # the draft is saved first, then the form is rendered
    assert window.task_runner.wait_idle()
    qtbot.waitUntil(lambda: any(dialog.isVisible() for dialog in editor.findChildren(QFileDialog)))
    chooser = next(dialog for dialog in editor.findChildren(QFileDialog) if dialog.isVisible())
    name_box = chooser.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name_box, QLineEdit)
    assert name_box.text() == "thu-hoach-cam-ket-tran-thi-hong-nhung.pdf"
    assert documents_folder() == Path.home() / "Documents"
    assert Path(chooser.directory().absolutePath()) == documents_folder().resolve()
    chooser.reject()


@pytest.mark.parametrize("chosen", [NORMAL_COLOURS, HIGH_CONTRAST_COLOURS], ids=["normal", "high-contrast"])
def test_result_bar_and_verdict_text_are_readable(chosen: dict[str, str]) -> None:
    for background in (chosen["bar"], chosen["base"], chosen["answered"]):
        assert contrast_ratio(chosen["text"], background) >= 4.5, background
    for verdict in (chosen["pass"], chosen["fail"]):
        assert contrast_ratio(verdict, chosen["window"]) >= 4.5, verdict
    assert contrast_ratio(chosen["highlighted_text"], chosen["highlight"]) >= 4.5


def test_qt_dialogs_speak_vietnamese(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Tìm trong:"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Huỷ"
    window.translations.set_language("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
    window.translations.set_language("vi")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Tìm trong:"


def test_first_start_on_a_small_screen_opens_maximised(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    available = screen.availableGeometry()
    # No saved geometry yet (a fresh settings folder); the test screen is smaller than 1440×900.
    assert available.width() < 1440 or available.height() < 900
    assert window.opens_maximised
    window.show_for_screen()
    qtbot.waitUntil(window.isMaximized)


def test_spin_box_arrows_are_drawn(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QSpinBox, QStyle, QStyleOptionSpinBox

    from gui.style import apply_style

    apply_style(14)
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(10, 30)
    spin.setValue(14)
    spin.resize(160, 40)
    spin.show()
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    image = spin.grab().toImage()
    for control in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        # Inside the button, away from its frame: only an arrow can be dark there.
        area = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, control, spin)
        area = area.adjusted(3, 3, -3, -3)
        dark = sum(
            1
            for x in range(area.left(), area.right() + 1)
            for y in range(area.top(), area.bottom() + 1)
            if image.pixelColor(x, y).lightness() < 110
        )
        assert dark >= 4, f"no arrow drawn in {area.getRect()}"
