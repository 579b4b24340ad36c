"""Where the user's data lives: the platform data dir, or beside the executable in portable mode."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APPLICATION_NAME = "HocTapNghiQuyet"
# A file with this name next to the executable (or main.py) keeps the data beside it, for a USB stick.
PORTABLE_MARKER = "portable.txt"


def application_folder() -> Path:
    """The folder holding the executable when frozen, or the source checkout's top level."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def bundle_folder() -> Path:
    """Where read-only bundled files live: PyInstaller's ``_internal`` folder, or the source checkout."""
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))


def seed_folder() -> Path:
    """The ``seeds/`` documents imported into an empty database on first start."""
    return bundle_folder() / "seeds"


def is_portable() -> bool:
    """True when a portable marker file sits next to the application."""
    return (application_folder() / PORTABLE_MARKER).is_file()


def data_folder() -> Path:
    """Return (and create) the folder for the database, backups and logs."""
    if is_portable():
        folder = application_folder() / "data"
    else:
        folder = Path(platformdirs.user_data_dir(APPLICATION_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database_url() -> str:
    """The SQLite database in the data folder, as an SQLAlchemy URL."""
    return f"sqlite:///{(data_folder() / 'hoctap.sqlite3').as_posix()}"
