"""Interface language: Vietnamese is the source language; English comes from resources/translations/*.qm."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

import resources
from gui.preferences import LANGUAGES, Preferences

logger = logging.getLogger(__name__)

TRANSLATION_FILE = "translations/hoctap_{language}.qm"
# Qt's own dialogs (file chooser, print dialog, message box buttons, the text menu). Qt ships no Vietnamese
# one, so the app carries it; a qtbase_vi.qm in Qt's translations folder wins if a later Qt has one.
QT_TRANSLATION = "qtbase_{language}"
BUNDLED_QT_TRANSLATION = "translations/qtbase_{language}.qm"


def load_qt_translator(language: str, parent: QObject) -> QTranslator | None:
    """A translator for Qt's own strings in ``language`` (None for English, Qt's source language)."""
    if language == "en":
        return None
    translator = QTranslator(parent)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QT_TRANSLATION.format(language=language), qt_folder):
        return translator
    try:
        bundled = resources.file_path(BUNDLED_QT_TRANSLATION.format(language=language))
    except FileNotFoundError:
        return None
    return translator if translator.load(str(bundled)) else None


class Translations(QObject):
    """Installs the QTranslator of the chosen language; Qt then sends LanguageChange to every widget,
    whose ``retranslate()`` sets its texts again."""

    changed = Signal(str)

    def __init__(self, preferences: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None
        self.language = "vi"

    def initial_language(self, requested: str | None, unit_default: str | None = None) -> str:
        """Command line first, then the user's last choice, then the unit's setting, then Vietnamese."""
        for candidate in (requested, self._preferences.language(), unit_default):
            if candidate in LANGUAGES:
                return str(candidate)
        return "vi"

    def uninstall(self) -> None:
        """Remove this object's translator (the window is closing)."""
        application = QCoreApplication.instance()
        if application is not None:
            for translator in (self._translator, self._qt_translator):
                if translator is not None:
                    application.removeTranslator(translator)
            self._translator = self._qt_translator = None

    def set_language(self, language: str, remember: bool = True) -> bool:
        """Switch the interface language; False (and Vietnamese kept) when the translation is missing."""
        if language not in LANGUAGES:
            return False
        application = QCoreApplication.instance()
        if application is None:
            return False
        if self._translator is not None:
            application.removeTranslator(self._translator)
            self._translator = None
        loaded = True
        if language != "vi":
            translator = QTranslator(self)
            try:
                path = resources.file_path(TRANSLATION_FILE.format(language=language))
                loaded = translator.load(str(path))
            except FileNotFoundError:
                loaded = False
            if loaded:
                application.installTranslator(translator)
                self._translator = translator
            else:
                logger.warning("translation for %s is missing; keeping Vietnamese", language)
                language = "vi"
        self.language = language
        self._install_qt_translator(application, language)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
        if remember:
            self._preferences.set_language(language)
        self.changed.emit(language)
        return loaded

    def _install_qt_translator(self, application: QCoreApplication, language: str) -> None:
        if self._qt_translator is not None:
            application.removeTranslator(self._qt_translator)
        self._qt_translator = load_qt_translator(language, self)
        if self._qt_translator is not None:
            application.installTranslator(self._qt_translator)
