"""Save a PNG of every admin page with demo data: ``python -m tests.unit.gui.admin.make_screenshots``.

Run with QT_QPA_PLATFORM=offscreen (or under Xvfb); writes docs/screenshots/admin-*.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gui.admin.bank_page import BankPage
from gui.admin.desk import AdminDesk
from gui.admin.import_page import ImportPage
from gui.admin.members_page import MembersPage
from gui.admin.quiz_settings_page import QuizSettingsPage
from gui.admin.reports_page import ReportsPage
from gui.admin.results_page import ResultsPage
from gui.admin.settings_page import SettingsPage
from gui.admin.unit_progress_page import UnitProgressPage
from gui.fonts import register_bundled_fonts
from gui.preferences import DEFAULT_FONT_SIZE
from gui.style import apply_style
from gui.tasks import TaskRunner
from quiz.engine.demo import build_demo
from quiz.service import Service
from quiz.services.context import Actor
from tests.conftest import REPOSITORY

PAGES = {
    "import": ImportPage,
    "bank": BankPage,
    "quiz-settings": QuizSettingsPage,
    "members": MembersPage,
    "unit-progress": UnitProgressPage,
    "reports": ReportsPage,
    "results": ResultsPage,
    "settings": SettingsPage,
}


def main() -> int:
    application = QApplication(sys.argv[:1])
    register_bundled_fonts()
    apply_style(DEFAULT_FONT_SIZE)
    output = REPOSITORY / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        service = Service.open(f"sqlite:///{Path(folder, 'demo.sqlite3').as_posix()}", actor=Actor.admin())
        service.documents.import_seeds_if_empty()
        build_demo(service)
        runner = TaskRunner()
        desk = AdminDesk(service, runner)
        desk.resize(1366, 860)
        desk.show()
        for name, page_class in PAGES.items():
            page = desk.show_page(page_class)
            if isinstance(page, MembersPage) and page.unit_tree.topLevelItemCount():
                top = page.unit_tree.topLevelItem(0)
                first_chi_bo = top.child(0) if top is not None else None
                if first_chi_bo is not None:
                    page.unit_tree.setCurrentItem(first_chi_bo)
                page.member_table.selectRow(1)
            if isinstance(page, BankPage):
                page.table.selectRow(2)
            for _ in range(5):
                application.processEvents()
            path = output / f"admin-{name}.png"
            desk.grab().save(str(path))
            print(path)
        runner.shutdown()
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
