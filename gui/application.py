"""Creates the QApplication, shows the main window on its start screen, then opens the facade off the UI thread."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.start_screen import NameSource
    from quiz.service import Service

logger = logging.getLogger(__name__)


def application_title() -> str:
    """The title of message boxes shown before or outside the main window."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("application", "Học tập Nghị quyết")


def run_application(arguments: argparse.Namespace) -> int:
    """Run the window's event loop; returns the exit code.

    The main window is shown first, on its start screen, with the names when sqlite3 alone can read them; a
    worker thread then imports and opens the facade (SQLAlchemy, the start-up checks, the seeds) and hands it to
    the window, which goes on with whatever the member asked meanwhile (signing in waits for it). Nothing is
    written before the facade's start-up checks ran. ``--self-check`` prints "ready in" (main window on screen
    and idle) and "workspace ready in" (facade open, the document shown), then exits.
    """
    started = time.perf_counter()
    from PySide6.QtCore import QTimer

    from gui import dialogs
    from gui.opening import FacadeOpener
    from quiz.start_names import start_names

    application = create_application(sys.argv[:1])
    session = StartSession(arguments)
    url = session.database_url
    # The start screen's names come from one small sqlite3 query: on screen long before the ORM is imported.
    window = session.build_window(None, lambda text: start_names(url, text))
    install_exception_hook()  # the start screen is in use before the facade opens: same plain sentence
    window.show_start()
    window.show_for_screen()
    self_check = bool(getattr(arguments, "self_check", False))
    opener = FacadeOpener(url, window)
    outcome: dict[str, int] = {}

    def window_shown() -> None:
        if self_check:
            names = window.start_screen.names.count()
            print(f"ready in {time.perf_counter() - started:.2f} s ({names} names on the start screen)", flush=True)
        opener.start()

    def opened(service: Service) -> None:
        session.attach_service(window, service)
        if self_check:
            window.show_workspace(None)

            def report_workspace() -> None:
                print(f"workspace ready in {time.perf_counter() - started:.2f} s", flush=True)
                window.close()
                application.exit(0)

            # A zero timer fires once the event loop has handled the pending show/paint events: "first idle".
            QTimer.singleShot(0, report_workspace)
        elif service.startup_message:
            # e.g. the database was damaged and restored from a backup: say once what happened and what was lost.
            dialogs.warn(window, application_title(), service.startup_message)

    def failed(error: BaseException) -> None:
        # e.g. a database URL that cannot be opened: say so plainly (error_message never shows a traceback).
        outcome["code"] = 2
        if self_check:
            # Nobody is there to close a message box (CI, an installer's smoke test): print it and stop.
            print(dialogs.error_message(error), file=sys.stderr, flush=True)
            window.close()
            application.exit(2)
            return
        box = dialogs.warn(None, application_title(), dialogs.error_message(error))
        box.finished.connect(lambda _result: application.quit())
        window.close()

    opener.opened.connect(opened)
    opener.failed.connect(failed)
    # Started from the event loop, after the window's first paint, so importing SQLAlchemy never delays it.
    QTimer.singleShot(0, window_shown)
    code = application.exec()
    opener.wait()
    if window.has_service:
        window.service.close()
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
        # The unit's default language is known only once the facade is open; until then the window uses the rest.
        self.translations.set_language(self.translations.initial_language(self.requested_language), remember=False)

    def build_window(self, service: Service | None, light_names: NameSource | None = None) -> MainWindow:
        """The main window, with the facade or (the real start) before it, its start screen fed by ``light_names``."""
        from gui.main_window import MainWindow
        from gui.tasks import TaskRunner

        if service is not None:
            self._use_unit_language(service)
        runner = TaskRunner()
        window = MainWindow(service, runner, self.preferences, self.font_sizer, self.translations, light_names)
        runner.setParent(window)
        self.translations.setParent(window)
        self.font_sizer.setParent(window)
        return window

    def attach_service(self, window: MainWindow, service: Service) -> None:
        """Hand the facade opened on the worker to the window, in the unit's language when none was chosen."""
        self._use_unit_language(service)
        window.attach_service(service)

    def _use_unit_language(self, service: Service) -> None:
        language = self.translations.initial_language(self.requested_language, service.settings.get("language"))
        if language != self.translations.language:
            self.translations.set_language(language, remember=False)
        if self.requested_language is not None:
            self.preferences.set_language(language)


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with names (for QSettings), bundled fonts, style, font size and language."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from gui.fonts import register_bundled_fonts
    from gui.immortal_constants import make_constants_immortal
    from gui.preferences import APPLICATION_NAME, ORGANISATION_NAME

    make_constants_immortal()  # before any worker thread runs (a PySide6 6.12 reference-count bug)

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
