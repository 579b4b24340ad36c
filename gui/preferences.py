"""The user's window preferences (font size, language, geometry) kept in QSettings, one INI file per user."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION_NAME = "HocTapNghiQuyet"
APPLICATION_NAME = "HocTapNghiQuyet"
DEFAULT_FONT_SIZE = 14
MINIMUM_FONT_SIZE = 10
MAXIMUM_FONT_SIZE = 30
LANGUAGES = ("vi", "en")


# The database URL chosen for this PC in the admin's Settings (empty: the default SQLite file).
DATABASE_URL_KEY = "database/url"


class Preferences:
    """Typed access to the few keys the window remembers; tests point QSettings.setPath at tmp_path."""

    def __init__(self) -> None:
        # INI on every platform: one readable file, and tests can redirect it with QSettings.setPath.
        self._settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION_NAME, APPLICATION_NAME
        )

    @property
    def file_name(self) -> str:
        return self._settings.fileName()

    def font_size(self) -> int:
        value = self._settings.value("view/font_size", DEFAULT_FONT_SIZE)
        try:
            size = int(str(value))
        except ValueError:
            size = DEFAULT_FONT_SIZE
        return max(MINIMUM_FONT_SIZE, min(MAXIMUM_FONT_SIZE, size))

    def set_font_size(self, size: int) -> None:
        self._settings.setValue("view/font_size", int(size))
        self._settings.sync()

    def language(self) -> str | None:
        value = self._settings.value("view/language", None)
        return str(value) if value in LANGUAGES else None

    def set_language(self, language: str) -> None:
        self._settings.setValue("view/language", language)
        self._settings.sync()

    def high_contrast(self) -> bool:
        return str(self._settings.value("view/high_contrast", "false")).lower() == "true"

    def set_high_contrast(self, enabled: bool) -> None:
        self._settings.setValue("view/high_contrast", "true" if enabled else "false")
        self._settings.sync()

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self._settings.value(key, None)
        return value if isinstance(value, QByteArray) else None

    def set_bytes_value(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()

    def text_value(self, key: str, default: str = "") -> str:
        value = self._settings.value(key, default)
        return str(value) if value is not None else default

    def set_text_value(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()
