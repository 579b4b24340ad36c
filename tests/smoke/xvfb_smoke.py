"""Smoke test on a real X server: start the app on xcb, walk the member flow and the admin desk, save
screenshots, and fail when a button of the window lies outside the screen.

CI runs it under ``Xvfb :N -screen 0 1366x768x24`` with openbox (see .ci/run)::

    DISPLAY=:N QT_QPA_PLATFORM=xcb .venv/bin/python tests/smoke/xvfb_smoke.py /tmp/smoke-shots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "matkhau-smoke"


def main() -> int:
    sys.path.insert(0, str(REPOSITORY))
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="hoctap-smoke-"))
    output.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="hoctap-smoke-data-"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        os.environ[name] = str(folder / name.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    from PySide6.QtCore import QRect, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

    from gui.admin.desk import AdminDesk
    from gui.application import build_main_window, create_application
    from gui.operations import operation_runner
    from quiz.api.members import MemberDraft
    from quiz.service import Service
    from quiz.services.context import Actor
    from tests.unit.gui.screen_fit import scroll_area_of

    application = create_application(sys.argv[:1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    url = f"sqlite:///{(folder / 'smoke.sqlite3').as_posix()}"
    setup = Service.open(url, actor=Actor.admin())
    setup.documents.import_seeds_if_empty()
    setup.accounts.create_admin(ADMIN_PASSWORD)
    member = setup.members.add_member(MemberDraft(full_name="Nguyễn Thị Kiểm Tra"))
    setup.close()
    window = build_main_window(argparse.Namespace(db=url, language=None, self_check=False))
    window.show_start()
    # NQ_SMOKE_FONT_SIZE=20: the same walk with the large font many members use.
    window.font_sizer.set_size(int(os.environ.get("NQ_SMOKE_FONT_SIZE", window.font_sizer.size)))
    window.show_for_screen()
    screen = window.screen().geometry()
    print(f"platform {application.platformName()}, screen {screen.width()}×{screen.height()}", flush=True)
    failures: list[str] = []

    def settle() -> None:
        operation_runner().wait_idle()  # the facade calls the last step queued (an attempt started, submitted)
        for _round in range(10):
            QTest.qWait(50)

    def check(name: str, top: QWidget) -> None:
        settle()
        shot = top.screen().grabWindow(0)
        shot.save(str(output / f"{name}.png"))
        frame = top.frameGeometry()
        if not screen.contains(frame):
            failures.append(f"{name}: the window {frame.getRect()} does not fit the screen {screen.getRect()}")
        for button in top.findChildren(QAbstractButton):
            if not button.isVisible() or button.window() is not top:
                continue
            place = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
            area = scroll_area_of(button, top)
            if area is not None:
                # Scrolling down to a button is fine; the scroll area itself must be on the screen, and the
                # button within its width.
                viewport = area.viewport()
                visible = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
                place = QRect(place.x(), visible.y(), place.width(), min(place.height(), visible.height()))
                if not screen.contains(visible):
                    failures.append(f"{name}: the scroll area around {button.text()!r} is off the screen")
            if not screen.contains(place):
                primary = " (primary)" if button.property("role") == "primary" else ""
                failures.append(f"{name}: button {button.text()!r}{primary} at {place.getRect()} is off the screen")
        print(f"{name}: window {frame.width()}×{frame.height()}, saved {name}.png", flush=True)

    steps: list[tuple[str, Callable[[], QWidget]]] = []

    def step(name: str) -> Callable[[Callable[[], QWidget]], Callable[[], QWidget]]:
        def register(action: Callable[[], QWidget]) -> Callable[[], QWidget]:
            steps.append((name, action))
            return action

        return register

    @step("01-start")
    def start() -> QWidget:
        return window

    @step("02-study")
    def study() -> QWidget:
        window.service.accounts.sign_in_member(member.id)
        window.sign_in_member(member.id)
        return window

    @step("03-exam")
    def exam() -> QWidget:
        window.study.quiz.start_page.exam_button.click()
        return window

    @step("04-exam-summary")
    def summary() -> QWidget:
        panel = window.study.quiz
        if panel.attempt is not None:
            panel.go_to(panel.attempt.question_count - 1)
            panel.next_button.click()
        return window

    @step("05-results")
    def results() -> QWidget:
        window.study.quiz.submit()
        return window

    @step("06-pledge")
    def pledge() -> QWidget:
        if window.pledge_page is not None:
            window.tabs.setCurrentWidget(window.pledge_page)
        return window

    @step("07-progress")
    def progress() -> QWidget:
        if window.progress_page is not None:
            window.tabs.setCurrentWidget(window.progress_page)
        return window

    for name, action in steps:
        check(name, action())
    window.sign_out()
    window.service.accounts.sign_in_admin(ADMIN_PASSWORD)
    window.sign_in_admin()
    desk = window.admin_page
    if not isinstance(desk, AdminDesk):
        failures.append("the admin desk did not open")
    else:
        navigation = desk.navigation
        # A fresh install opens the desk on the first-start page (the printed header's names): fill it in as the
        # secretary would, then walk every page.
        first_start = desk.first_start
        if desk.is_first_start_shown():
            check("admin-00-first-start", window)
            first_start.party_committee.setText("Đảng bộ xã Thanh Hà")
            first_start.unit_name.setText("Chi bộ thôn Đồng Tâm")
            first_start.place_name.setText("Thanh Hà")
            QTest.mouseClick(first_start.save_button, Qt.MouseButton.LeftButton)
            window.task_runner.wait_idle()
            settle()
            if desk.is_first_start_shown():
                failures.append("the first-start page did not close after saving the unit's names")
        for row in range(navigation.count()):
            navigation.setCurrentRow(row)
            check(f"admin-{row + 1:02d}", window)
    window.task_runner.wait_idle()
    window.close()
    window.service.close()
    QApplication.processEvents()
    print(f"screenshots in {output}")
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
