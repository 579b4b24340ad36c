"""Minimum size of the admin desk and of each of its pages, at the default font and at 20 pt, with demo data.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/admin_sizes.py [--sizes 14 20]``. Prints one line
per page and font size: the page's ``minimumSizeHint`` (a page taller than the screen scrolls up and down
in the desk) and the desk's (navigation list + the widest page); the target is that the desk fits the
available geometry of a 1366×768 screen (about 1366×728 minus the window's frame, tab bar, toolbar and
status bar) with no page taller than that at the default font.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))


def measure(font_sizes: list[int]) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from gui.admin.desk import AdminDesk
    from gui.fonts import UI_FAMILY, register_bundled_fonts
    from gui.operations import operation_runner
    from gui.style import apply_style
    from gui.tasks import TaskRunner
    from quiz.api.unit_details import UnitDetails
    from quiz.cli.demo import build_demo
    from quiz.service import Service
    from quiz.services.context import Actor

    application = QApplication(sys.argv[:1])
    register_bundled_fonts()
    with tempfile.TemporaryDirectory() as folder:
        service = Service.open(f"sqlite:///{Path(folder, 'demo.sqlite3').as_posix()}", actor=Actor.admin())
        service.documents.import_seeds_if_empty()
        build_demo(service)
        # The names the first start asks for, so the desk opens on its pages.
        details = UnitDetails("Đảng bộ xã Tân Lập", "Chi bộ thôn Khe Mạ", "Tân Lập")
        for key, value in details.as_settings().items():
            service.settings.set(key, value)
        runner = TaskRunner()
        for size in font_sizes:
            font = QFont(UI_FAMILY)
            font.setPointSize(size)
            application.setFont(font)
            apply_style(size)
            desk = AdminDesk(service, runner)
            desk.resize(1366, 680)
            desk.show()
            for page in desk.pages:
                desk.show_page(type(page))
                operation_runner().wait_idle()  # the page fills its lists off the UI thread
                application.processEvents()
                page_hint = page.minimumSizeHint()
                print(
                    f"{size:>2} pt  {type(page).__name__:<18} page {page_hint.width():>4}×{page_hint.height():<4}"
                    f"  desk {desk.minimumSizeHint().width():>4}×{desk.minimumSizeHint().height()}"
                )
            desk.close()
            desk.deleteLater()
            application.processEvents()
        runner.shutdown()
        service.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[14, 20])
    measure(parser.parse_args().sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
