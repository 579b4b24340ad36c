"""Print the smallest size the main window allows on each member screen, at the default font and at 20 pt.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window_sizes.py``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(REPOSITORY))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="hoctap-sizes-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.application import build_main_window, create_application
    from tests.unit.gui.screen_fit import LARGE_FONT_SIZE, minimum_size, set_font_point_size, settle
    from tests.unit.gui.study_data import create_study_database

    create_application(sys.argv[:1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    data = create_study_database(f"sqlite:///{(folder / 'sizes.sqlite3').as_posix()}")
    window = build_main_window(argparse.Namespace(db=data.url, language=None, self_check=False))
    window.show_start()
    window.show()
    default_size = window.font_sizer.size

    def start() -> None:
        window.sign_out()

    def study() -> None:
        window.service.accounts.sign_in_member(data.member_id)
        window.sign_in_member(data.member_id)

    def exam() -> None:
        window.study.quiz.start_page.exam_button.click()

    def results() -> None:
        panel = window.study.quiz
        if panel.attempt is not None:
            panel.submit()

    def pledge() -> None:
        if window.pledge_page is not None:
            window.tabs.setCurrentWidget(window.pledge_page)

    def progress() -> None:
        if window.progress_page is not None:
            window.tabs.setCurrentWidget(window.progress_page)

    screens: list[tuple[str, Callable[[], None]]] = [
        ("start", start),
        ("study", study),
        ("exam", exam),
        ("results", results),
        ("pledge", pledge),
        ("progress", progress),
    ]
    print("window minimum (the shown page alone)")
    print(f"{'screen':<10} {'default (' + str(default_size) + ' pt)':>24} {'20 pt':>24}")
    for name, open_screen in screens:
        figures = []
        for size in (default_size, LARGE_FONT_SIZE):
            set_font_point_size(window, size)
            open_screen()
            settle()
            smallest = minimum_size(window)
            page = window.tabs.currentWidget() if window.pages.currentWidget() is window.tabs else window.start_screen
            alone = page.minimumSizeHint()
            figures.append(f"{smallest.width()}×{smallest.height()} ({alone.width()}×{alone.height()})")
        set_font_point_size(window, default_size)
        print(f"{name:<10} {figures[0]:>24} {figures[1]:>24}")
    window.task_runner.wait_idle()
    window.close()
    window.service.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
