"""What both screenshot scripts start with: a throw-away user folder, the Qt application, a seeded database."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

REPOSITORY = Path(__file__).resolve().parent.parent
OUTPUT = REPOSITORY / "docs" / "screenshots"
ADMIN_PASSWORD = "matkhau-123"

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from quiz.service import Service


class ShotSession(NamedTuple):
    application: QApplication
    url: str  # a new database holding the seed resolution and an admin password
    setup: Service  # the admin's facade on it, to add the units and members a script needs
    folder: Path  # the temporary folder of settings, logs, the database and any PDFs


def start_session(prefix: str) -> ShotSession:
    """Settings, logs and the database in a temporary folder (never the user's own), and the application."""
    sys.path.insert(0, str(REPOSITORY))
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    from PySide6.QtCore import QSettings

    from gui.application import create_application
    from quiz.service import Service
    from quiz.services.context import Actor

    application = create_application(sys.argv[:1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    url = f"sqlite:///{(folder / 'shots.sqlite3').as_posix()}"
    setup = Service.open(url, actor=Actor.admin())
    setup.documents.import_seeds_if_empty()
    setup.accounts.create_admin(ADMIN_PASSWORD)
    return ShotSession(application, url, setup, folder)
