"""Save a PNG of every admin page with demo data: ``python -m tests.unit.gui.admin.make_screenshots``.

Run with QT_QPA_PLATFORM=offscreen (or under Xvfb); writes docs/screenshots/admin-*.png: the desk as the window
shows it on a 1366×768 screen (minus a 40 px taskbar), every page at the default font, a few at 20 pt, and the
first-start page.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from gui.admin.bank_page import BankPage
from gui.admin.common import AdminPage
from gui.admin.import_page import ImportPage
from gui.admin.members_page import MembersPage
from gui.admin.quiz_settings_page import QuizSettingsPage
from gui.admin.reports_page import ReportsPage
from gui.admin.results_page import ResultsPage
from gui.admin.settings_page import SettingsPage
from gui.admin.unit_progress_page import UnitProgressPage
from gui.fonts import register_bundled_fonts
from gui.operations import operation_runner
from gui.preferences import DEFAULT_FONT_SIZE
from gui.tasks import TaskRunner
from quiz.cli.demo import build_demo
from quiz.service import Service
from quiz.services.context import Actor
from tests.conftest import REPOSITORY
from tests.unit.gui.admin.conftest import give_unit_details
from tests.unit.gui.admin.test_screen_fit import desk_window
from tests.unit.gui.screen_fit import LARGE_FONT_SIZE, SMALL_LAPTOP, set_font_point_size

# At 20 pt: the pages with the most controls side by side.
LARGE_FONT_PAGES = ("bank", "members", "quiz-settings", "results")
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


def show_example_selection(page: AdminPage) -> None:
    """A chosen chi bộ and member, a chosen question: the editors on the right are filled, as in real use."""
    if isinstance(page, MembersPage) and page.unit_tree.topLevelItemCount():
        top = page.unit_tree.topLevelItem(0)
        first_chi_bo = top.child(0) if top is not None else None
        if first_chi_bo is not None:
            page.unit_tree.setCurrentItem(first_chi_bo)
        page.member_table.selectRow(1)
    if isinstance(page, BankPage):
        page.table.selectRow(2)


def grab(window: QMainWindow, path: Path) -> None:
    operation_runner().wait_idle()  # pages load their figures off the UI thread
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(path))
    print(path)


def main() -> int:
    _application = QApplication(sys.argv[:1])  # kept alive until the end
    register_bundled_fonts()
    output = REPOSITORY / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        service = Service.open(f"sqlite:///{Path(folder, 'demo.sqlite3').as_posix()}", actor=Actor.admin())
        service.documents.import_seeds_if_empty()
        build_demo(service)
        runner = TaskRunner()
        # The first start, on the demo data before the unit's names are given.
        set_font_point_size(None, DEFAULT_FONT_SIZE)
        window, desk = desk_window(service, runner)
        window.resize(SMALL_LAPTOP.available)
        window.show()
        grab(window, output / "admin-first-start.png")
        window.close()
        give_unit_details(service)
        for font_size, suffix in ((DEFAULT_FONT_SIZE, ""), (LARGE_FONT_SIZE, "-20pt")):
            set_font_point_size(None, font_size)
            window, desk = desk_window(service, runner)
            window.resize(SMALL_LAPTOP.available)
            window.show()
            for name, page_class in PAGES.items():
                if suffix and name not in LARGE_FONT_PAGES:
                    continue
                page = desk.show_page(page_class)
                show_example_selection(page)
                grab(window, output / f"admin-{name}{suffix}.png")
            window.close()
        runner.shutdown()
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
