"""Message boxes and file choosers that open with open()/show() and a callback, never a blocking exec().

API (used by the member side and the admin desk); every function returns the dialog it opened, so a test
can click a button or ``qtbot.wait_signal(dialog.finished)``::

    inform(parent, title, text, on_closed=None) -> QMessageBox
    warn(parent, title, text, on_closed=None) -> QMessageBox
    ask(parent, title, text, on_answer: Callable[[bool], None], yes_text=None, no_text=None) -> QMessageBox
    show_error(parent, error: BaseException) -> QMessageBox   # UserError: its message; else a plain sentence
    choose_open_file(parent, title, name_filter, on_chosen: Callable[[str], None]) -> QFileDialog
    choose_save_file(parent, title, name_filter, suggested_name, on_chosen: Callable[[str], None]) -> QFileDialog

File dialogs are Qt's own (not native) so they behave the same everywhere and tests can drive them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from quiz.errors import UserError

logger = logging.getLogger(__name__)


def _message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, on_closed: Callable[[], None] | None
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("message_box")
    box.setAccessibleName(title)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("dialogs", "Đóng"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_closed is not None:
        box.finished.connect(lambda _result: on_closed())
    box.open()
    return box


def inform(parent: QWidget | None, title: str, text: str, on_closed: Callable[[], None] | None = None) -> QMessageBox:
    return _message_box(parent, QMessageBox.Icon.Information, title, text, on_closed)


def warn(parent: QWidget | None, title: str, text: str, on_closed: Callable[[], None] | None = None) -> QMessageBox:
    return _message_box(parent, QMessageBox.Icon.Warning, title, text, on_closed)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    on_answer: Callable[[bool], None],
    yes_text: str | None = None,
    no_text: str | None = None,
) -> QMessageBox:
    """A yes/no question; ``on_answer(True)`` only when the user chose yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("question_box")
    box.setAccessibleName(title)
    yes_button = box.addButton(yes_text or QCoreApplication.translate("dialogs", "Có"), QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no_text or QCoreApplication.translate("dialogs", "Không"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: on_answer(box.clickedButton() is yes_button))
    box.open()
    return box


def error_message(error: BaseException) -> str:
    """What the user sees for ``error``: a UserError's own sentence, otherwise a plain one (logged)."""
    if isinstance(error, UserError):
        return str(error)
    logger.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return QCoreApplication.translate(
        "dialogs", "Đã xảy ra lỗi không mong đợi. Chi tiết đã được ghi vào nhật ký; xin thử lại hoặc báo bí thư chi bộ."
    )


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    return warn(parent, QCoreApplication.translate("dialogs", "Không thực hiện được"), error_message(error))


def _file_dialog(parent: QWidget | None, title: str, name_filter: str, on_chosen: Callable[[str], None]) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilter(name_filter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: on_chosen(path) if path else None)
    return dialog


def choose_open_file(
    parent: QWidget | None, title: str, name_filter: str, on_chosen: Callable[[str], None]
) -> QFileDialog:
    dialog = _file_dialog(parent, title, name_filter, on_chosen)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.open()
    return dialog


def choose_save_file(
    parent: QWidget | None, title: str, name_filter: str, suggested_name: str, on_chosen: Callable[[str], None]
) -> QFileDialog:
    dialog = _file_dialog(parent, title, name_filter, on_chosen)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    suffix = suggested_name.rsplit(".", 1)[-1] if "." in suggested_name else ""
    if suffix:
        dialog.setDefaultSuffix(suffix)
    suggested = Path(suggested_name)
    if suggested.is_absolute():
        # e.g. the member's Documents folder: open there, with the file name filled in.
        dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(suggested.name)
    else:
        dialog.selectFile(suggested_name)
    dialog.open()
    return dialog
