"""Creates the QApplication, paints the opening frame, opens the facade off the UI thread, then the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from gui.main_window import MainWindow
    from quiz.service import Service

logger = logging.getLogger(__name__)


def application_title() -> str:
    """The title of message boxes shown before or outside the main window."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("application", "Học tập Nghị quyết")


def run_application(arguments: argparse.Namespace) -> int:
    """Run the window's event loop; returns the exit code.

    The opening frame is painted first, with the start screen's names when sqlite3 alone can read them; a worker
    thread then imports and opens the facade (SQLAlchemy, the start-up checks, the seeds), and the main window
    replaces the frame when it is ready, taking over the name searched and picked meanwhile. ``--self-check``
    prints "shown in" (frame on screen) and "ready in" (main window idle), then exits.
    """
    started = time.perf_counter()
    from PySide6.QtCore import QTimer

    from gui import dialogs
    from gui.opening import FacadeOpener, OpeningFrame
    from quiz.start_names import start_names

    application = create_application(sys.argv[:1])
    session = StartSession(arguments)
    url = session.database_url
    # The start screen's names come from one small sqlite3 query: on screen long before the ORM is imported.
    frame = OpeningFrame(start_names(url), lambda text: start_names(url, text))
    session.restore_frame_geometry(frame)
    if frame.opens_maximised:
        frame.showMaximized()
    else:
        frame.show()
    self_check = bool(getattr(arguments, "self_check", False))
    opener = FacadeOpener(session.database_url, frame)
    outcome: dict[str, int] = {}

    def frame_shown() -> None:
        if self_check:
            print(f"shown in {time.perf_counter() - started:.2f} s", flush=True)
        opener.start()

    def opened(service: Service) -> None:
        window = session.build_window(service)
        install_exception_hook()
        if self_check:
            window.show_workspace(None)
        else:
            window.show_start()
            frame.hand_over(window.start_screen)
        window.show_for_screen()
        frame.close()
        session.window = window
        if self_check:

            def report_ready() -> None:
                print(f"ready in {time.perf_counter() - started:.2f} s", flush=True)
                window.close()
                application.exit(0)

            # A zero timer fires once the event loop has handled the pending show/paint events: "first idle".
            QTimer.singleShot(0, report_ready)
        elif service.startup_message:
            # e.g. the database was damaged and restored from a backup: say once what happened and what was lost.
            dialogs.warn(window, application_title(), service.startup_message)

    def failed(error: BaseException) -> None:
        # e.g. a database URL that cannot be opened: say so plainly (error_message never shows a traceback).
        frame.close()
        outcome["code"] = 2
        if self_check:
            # Nobody is there to close a message box (CI, an installer's smoke test): print it and stop.
            print(dialogs.error_message(error), file=sys.stderr, flush=True)
            application.exit(2)
            return
        box = dialogs.warn(None, application_title(), dialogs.error_message(error))
        box.finished.connect(lambda _result: application.quit())

    opener.opened.connect(opened)
    opener.failed.connect(failed)
    # Started from the event loop, after the frame's first paint, so importing SQLAlchemy never delays it.
    QTimer.singleShot(0, frame_shown)
    code = application.exec()
    opener.wait()
    if session.window is not None:
        session.window.service.close()
    return outcome.get("code", code)


class StartSession:
    """What the start needs before the facade exists: preferences, font size, style and language."""

    def __init__(self, arguments: argparse.Namespace) -> None:
        from gui.fonts import FontSizer
        from gui.i18n import Translations
        from gui.preferences import DATABASE_URL_KEY, Preferences
        from gui.style import apply_style

        self.arguments = arguments
        self.preferences = Preferences()
        # --db wins; otherwise the URL the admin chose in Settings for this PC (e.g. the unit's PostgreSQL).
        self.database_url = getattr(arguments, "db", None) or self.preferences.text_value(DATABASE_URL_KEY) or None
        self.font_sizer = FontSizer(self.preferences)
        self.font_sizer.apply()
        apply_style(self.font_sizer.size, self.preferences.high_contrast())
        self.requested_language = getattr(arguments, "language", None)
        self.translations = Translations(self.preferences)
        # The unit's default language is known only once the facade is open; the opening frame uses the rest.
        self.translations.set_language(self.translations.initial_language(self.requested_language), remember=False)
        self.window: MainWindow | None = None

    def restore_frame_geometry(self, frame: QWidget) -> None:
        """Put the opening frame where the main window will appear, so the swap does not jump."""
        geometry = self.preferences.bytes_value("window/geometry")
        if geometry is not None:
            frame.restoreGeometry(geometry)

    def build_window(self, service: Service) -> MainWindow:
        from gui.main_window import MainWindow
        from gui.tasks import TaskRunner

        language = self.translations.initial_language(self.requested_language, service.settings.get("language"))
        if language != self.translations.language:
            self.translations.set_language(language, remember=False)
        if self.requested_language is not None:
            self.preferences.set_language(language)
        runner = TaskRunner()
        window = MainWindow(service, runner, self.preferences, self.font_sizer, self.translations)
        runner.setParent(window)
        self.translations.setParent(window)
        self.font_sizer.setParent(window)
        return window


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
    """Open the facade (seeds on an empty database) and build the window on this thread (tests use it)."""
    from gui.opening import open_service

    session = StartSession(arguments)
    return session.build_window(open_service(session.database_url))


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
