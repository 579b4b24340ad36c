"""Save PNGs of the member's screens to docs/screenshots/ (offscreen Qt, a temporary database with the seed).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [folder]``. The window has the
size a maximised window gets on a 1366×768 office screen (minus a 40 px taskbar).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from screenshot_session import OUTPUT, start_session

SIZE = (1366, 728)
LARGE_FONT = 20


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    application, url, setup, _folder = start_session("hoctap-shots-")
    from PySide6.QtWidgets import QApplication, QWidget

    from gui.application import build_main_window
    from gui.pledge_editor import PledgeEditor
    from quiz.api.members import MemberDraft

    unit = setup.members.create_unit("Chi bộ Văn phòng", "chi_bo")
    for name in ("Nguyễn Văn Bình", "Trần Thị Hồng Nhung", "Lê Văn Tám", "Phạm Thị Lan", "Hoàng Minh Đức"):
        setup.members.add_member(MemberDraft(full_name=name, chi_bo_id=unit.id))
    setup.close()
    output.mkdir(parents=True, exist_ok=True)
    window = build_main_window(argparse.Namespace(db=url, language=None, self_check=False))
    window.resize(*SIZE)
    window.show_start()
    window.show()

    def settle() -> None:
        # Facade calls run on the operations worker: wait for them, then let their results reach the widgets.
        for _ in range(5):
            operation_runner().wait_idle()
            application.processEvents()

    def shoot(name: str, widget: QWidget | None = None) -> None:
        settle()
        (widget or window).grab().save(str(output / f"{name}.png"))
        print(f"saved {name}.png")

    from gui.application import StartSession
    from gui.operations import operation_runner
    from quiz.start_names import start_names

    # What is on screen while the facade opens (a fraction of a second): the start screen fed by sqlite3.
    early = StartSession(argparse.Namespace(db=url, language=None, self_check=False)).build_window(
        None, lambda text: start_names(url, text)
    )
    early.resize(*SIZE)
    early.show_start()
    early.show()
    shoot("00-opening", early)
    early.close()

    screen = window.start_screen
    screen.search_edit.setText("nguyen")
    screen.refresh_names()
    shoot("01-start-screen")
    screen.search_edit.setText("nhung")
    screen.refresh_names()
    screen.names.setCurrentRow(0)
    screen.enter_button.click()
    reader = window.study.reader
    sections = reader.content.sections if reader.content else ()
    if len(sections) > 1:
        reader._tree_activated(reader._items[sections[1].id])
    reader.search_edit.setText("đảng viên")
    reader.run_search()
    shoot("02-study-reader-search")
    panel = window.study.quiz
    panel.start_page.exam_button.click()
    widget = panel.question_widget
    if widget is not None and widget.buttons:
        widget.choose(1)
    if panel.attempt is not None:
        panel.go_to(2)
        panel.flag_button.click()
        panel.go_to(1)
    shoot("03-exam-question")
    default_size = window.font_sizer.size
    window.font_sizer.set_size(LARGE_FONT)
    shoot("03-exam-question-20pt")
    window.font_sizer.set_size(default_size)
    if panel.attempt is not None:
        for position in range(panel.attempt.question_count - 3):
            panel.go_to(position)
            question = panel.question_widget
            if question is not None and question.buttons:
                question.choose(position % len(question.buttons))
        panel.go_to(panel.attempt.question_count - 1)
        shoot("03-exam-last-question")
        panel.next_button.click()
        shoot("03-exam-summary")
        panel.submit()
    reader.search_edit.clear()
    reader.run_search()
    if panel.results.source_buttons:
        panel.results.source_buttons[0].click()
    shoot("04-results-and-source")
    if panel.results.practice_button.isVisible():
        panel.results.practice_button.click()
        shoot("04-practice-missed-questions")
        panel.submit()
        panel.results.back_button.click()
        shoot("04-review-explained")
    pledge = window.pledge_page
    if isinstance(pledge, PledgeEditor):
        window.tabs.setCurrentWidget(pledge)
        if pledge.answer_edits:
            answer = "Nắm vững mục tiêu, nhiệm vụ trọng tâm của Nghị quyết; vận dụng vào công việc."
            pledge.answer_edits[0][1].setPlainText(answer)
        if pledge.table.suggestions.count():
            pledge.table._pick(pledge.table.suggestions.item(0))
        shoot("05-pledge-editor")
        pledge.open_preview()
        settle()  # the draft is saved first, then the preview is made
        window.task_runner.wait_idle(60000)
        settle()
        preview = pledge.preview
        if preview is not None:
            preview.resize(900, SIZE[1])  # as on a 1366×768 screen
            shoot("06-print-preview", preview)
            preview.close()
    if window.progress_page is not None:
        window.tabs.setCurrentWidget(window.progress_page)
        shoot("07-my-progress")
    window.english_action.trigger()
    settle()
    window.tabs.setCurrentWidget(window.study)
    shoot("08-english")
    window.vietnamese_action.trigger()
    window.close()
    window.service.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
