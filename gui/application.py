"""Creates the QApplication, the facade and the main window; ``--self-check`` exits once the window is idle."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

logger = logging.getLogger(__name__)


def application_title() -> str:
    """The title of message boxes shown before or outside the main window."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("application", "Học tập Nghị quyết")


def run_application(arguments: argparse.Namespace) -> int:
    """Run the window's event loop; returns the exit code."""
    started = time.perf_counter()
    # The core goes first: PySide6 inspects the source of every module imported after it (its __feature__
    # hook), which costs a fifth of a second over SQLAlchemy's hundreds of modules.
    importlib.import_module("quiz.service")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui import dialogs
    from quiz.errors import UserError

    application = create_application(sys.argv[:1])
    try:
        window = build_main_window(arguments)
    except UserError as error:
        # e.g. a database URL that cannot be opened: say so plainly and stop.
        box = dialogs.warn(None, application_title(), str(error))
        box.finished.connect(lambda _result: application.quit())
        application.exec()
        return 2
    install_exception_hook()
    if getattr(arguments, "self_check", False):
        window.show_workspace(None)
        window.show()

        def report_ready() -> None:
            print(f"ready in {time.perf_counter() - started:.2f} s", flush=True)
            window.close()
            QApplication.exit(0)

        # A zero timer fires once the event loop has handled the pending show/paint events: "first idle".
        QTimer.singleShot(0, report_ready)
        return application.exec()
    window.show_start()
    window.show()
    if window.service.startup_message:
        # e.g. the database was damaged and restored from a backup: say once what happened and what was lost.
        dialogs.warn(window, application_title(), window.service.startup_message)
    code = application.exec()
    window.service.close()
    return code


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with names (for QSettings), bundled fonts, style, font size and language."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from gui.fonts import register_bundled_fonts
    from gui.preferences import APPLICATION_NAME, ORGANISATION_NAME

    QCoreApplication.setOrganizationName(ORGANISATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    existing = QApplication.instance()
    if existing is None:
        # Crisp text on 125 %/150 % Windows scaling: pass fractional factors through instead of rounding.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    application = existing if isinstance(existing, QApplication) else QApplication(argv)
    register_bundled_fonts()
    return application


def build_main_window(arguments: argparse.Namespace) -> MainWindow:
    """Open the facade (seeds on an empty database) and the window with the user's preferences."""
    from gui.fonts import FontSizer
    from gui.i18n import Translations
    from gui.main_window import MainWindow
    from gui.preferences import DATABASE_URL_KEY, Preferences
    from gui.style import apply_style
    from gui.tasks import TaskRunner
    from quiz.service import Service

    preferences = Preferences()
    # --db wins; otherwise the URL the admin chose in Settings for this PC (e.g. the unit's PostgreSQL).
    service = Service.open(getattr(arguments, "db", None) or preferences.text_value(DATABASE_URL_KEY) or None)
    service.documents.import_seeds_if_empty()
    font_sizer = FontSizer(preferences)
    font_sizer.apply()
    apply_style(font_sizer.size, preferences.high_contrast())
    translations = Translations(preferences)
    language = translations.initial_language(getattr(arguments, "language", None), service.settings.get("language"))
    translations.set_language(language, remember=getattr(arguments, "language", None) is not None)
    runner = TaskRunner()
    window = MainWindow(service, runner, preferences, font_sizer, translations)
    runner.setParent(window)
    translations.setParent(window)
    font_sizer.setParent(window)
    return window


def install_exception_hook() -> None:
    """Log anything unexpected and show one plain Vietnamese sentence (never a traceback)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, trace)
            return
        from gui import dialogs

        # error_message logs anything that is not a UserError, with its traceback, and returns a plain sentence.
        dialogs.warn(None, application_title(), dialogs.error_message(error))

    sys.excepthook = hook
