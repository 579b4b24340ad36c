"""Save the paper-quiz PNGs to docs/screenshots/: the entry screen at 1366×768 (default and 20 pt font), the
review grid, a printed exam page, its answer sheet and a blank form to fill in by hand (pdftoppm).

Run under Xvfb so the whole screen is captured: ``Xvfb :93 -screen 0 1366x768x24 & DISPLAY=:93 openbox &``
then ``DISPLAY=:93 .venv/bin/python docs/make_paper_screenshots.py`` (without a display: window grabs only).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from screenshot_session import OUTPUT, start_session

LARGE_FONT = 20


def capture(window: object, path: Path) -> None:
    """The whole X screen when there is one (what the user sees at 1366×768), else the window itself."""
    if os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        subprocess.run(["import", "-window", "root", str(path)], check=True)
    else:
        window.grab().save(str(path))  # type: ignore[attr-defined]
    print(path)


def main() -> int:
    application, url, setup, folder = start_session("hoctap-paper-shots-")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont
    from PySide6.QtTest import QTest

    from gui.admin.paper_page import PaperPage
    from gui.fonts import UI_FAMILY
    from gui.preferences import DEFAULT_FONT_SIZE
    from gui.style import apply_style
    from gui.tasks import TaskRunner
    from quiz.api.members import MemberDraft
    from quiz.service import Service
    from quiz.services.context import Actor
    from reports.collect import collect_form
    from reports.paper_form import build_blank_forms
    from reports.paper_quiz import build_paper_quiz

    dang_bo = setup.members.create_unit("Đảng bộ xã Tân Lập", "dang_bo")
    unit = setup.members.create_unit("Chi bộ Thôn Đồng Tâm", "chi_bo", dang_bo.id)
    members = [
        setup.members.add_member(MemberDraft(full_name=name, chi_bo_id=unit.id)).id
        for name in ("Nguyễn Văn Bình", "Trần Thị Hồng Nhung", "Lê Văn Tám", "Phạm Thị Lan")
    ]
    document = max(setup.documents.list_documents(), key=lambda info: info.imported_at).id
    sheets = setup.paper.create_papers(document, members)
    pdf = folder / "giay.pdf"
    pdf.write_bytes(build_paper_quiz(sheets[:1]))
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.png"))
    (OUTPUT / "paper-exam-page.png").write_bytes(pages[0].read_bytes())
    (OUTPUT / "paper-answer-sheet.png").write_bytes(pages[-1].read_bytes())
    form = folder / "ban-giay.pdf"
    form.write_bytes(build_blank_forms([collect_form(setup, members[0], document)]))
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "2", "-l", "2", str(form), str(folder / "form")], check=True)
    (OUTPUT / "paper-blank-form.png").write_bytes(next(folder.glob("form-*.png")).read_bytes())
    setup.close()

    # The page alone, maximised: the whole window is still wider than 1366 px because of other screens, which
    # the screens-member/screens-admin work re-lays out; this shows what the entry screen itself needs.
    service = Service.open(url, actor=Actor.admin())
    runner = TaskRunner()

    def settle() -> None:
        for _ in range(10):
            application.processEvents()
            QTest.qWait(30)

    for suffix, size in (("", DEFAULT_FONT_SIZE), ("-20pt", LARGE_FONT)):
        # The font first, then the page, as after a restart with the member's chosen size.
        font = QFont(UI_FAMILY)
        font.setPointSize(size)
        application.setFont(font)
        apply_style(size, False)
        page = PaperPage(service, runner)
        page.setWindowTitle("Học tập Nghị quyết — Bài kiểm tra trên giấy")
        page.showMaximized()
        page.refresh()
        page.tabs.setCurrentIndex(1)
        page.open_paper(sheets[0].code)
        # What a secretary types for the first seven questions (a multiple choice ends with Enter).
        keys = {"single": "B", "truefalse": "D", "multi": "AC"}
        for field in page.entry.fields[:7]:
            question = field.question
            typed = keys.get(question.type, "-")
            if question.type == "matching":
                typed = "".join("CAB"[item % 3] for item in range(len(question.left_items)))
            QTest.keyClicks(field, typed)
            if question.type in ("multi", "cloze"):
                QTest.keyClick(field, Qt.Key.Key_Return)
        settle()
        capture(page, OUTPUT / f"paper-entry{suffix}.png")
        if size == LARGE_FONT:
            page.entry.show_review()
            settle()
            capture(page, OUTPUT / "paper-review-20pt.png")
        page.close()
    runner.shutdown()
    service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
