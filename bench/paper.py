"""Quizzes on paper: printing papers for 100 members (target ≤ 5 s) and keystrokes to enter a 20-question paper.

Prints the time to draw and store the 100 attempts, to lay out the PDF, and the baseline of the same text drawn
line by line on a bare reportlab canvas; then the keys typed on the real entry screen (offscreen) for one paper.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.api.attempts import QuizSettingsData
from quiz.api.members import MemberDraft
from quiz.api.paper import PaperSheet
from quiz.service import Service
from quiz.services.context import Actor
from reports.paper_quiz import build_paper_quiz

MEMBERS = 100
QUESTIONS = 20
REPEATS = 3
Result = TypeVar("Result")


def open_unit(folder: Path) -> tuple[Service, str, list[str]]:
    service = Service.open(f"sqlite:///{folder / 'paper.sqlite3'}", actor=Actor.admin())
    service.documents.import_seeds_if_empty()
    document = max(service.documents.list_documents(), key=lambda info: info.imported_at).id
    service.quizzes.save_settings(QuizSettingsData(document, question_count=QUESTIONS))
    chi_bo = service.members.create_unit("Chi bộ Đo Thời Gian", "chi_bo").id
    members = [
        service.members.add_member(MemberDraft(full_name=f"Đảng viên số {number}", chi_bo_id=chi_bo)).id
        for number in range(1, MEMBERS + 1)
    ]
    return service, document, members


def best_of(work: Callable[[], Result]) -> tuple[float, float, Result]:
    """The shortest wall-clock and CPU time of REPEATS runs, and the last result."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def bare_canvas(sheets: list[PaperSheet]) -> bytes:
    """The same words on a canvas, one line each, no wrapping or layout: what reportlab costs at the least."""
    from reportlab.pdfgen.canvas import Canvas

    from reports import fonts

    output = io.BytesIO()
    canvas = Canvas(output, invariant=1)
    face = fonts.register_fonts()
    for sheet in sheets:
        lines = [sheet.member_name, sheet.code]
        for question in sheet.questions:
            lines += [question.prompt, *question.left_items, *question.options]
        for start in range(0, len(lines), 40):
            canvas.setFont(face, 13)
            for row, line in enumerate(lines[start : start + 40]):
                canvas.drawString(40, 800 - row * 19, line[:120])
            canvas.showPage()
    canvas.save()
    return output.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        service, document, members = open_unit(Path(folder))
        # The machine is shared: each figure is the best of REPEATS runs, wall clock and this process's CPU time.
        drawn, drawn_cpu, sheets = best_of(lambda: service.paper.create_papers(document, members))
        laid_out, laid_out_cpu, data = best_of(lambda: build_paper_quiz(sheets))
        bare, bare_cpu, _ = best_of(lambda: bare_canvas(sheets))
        pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page")
        print(f"papers for {MEMBERS} members × {QUESTIONS} questions: {len(data) / 1e6:.1f} MB, ~{pages} pages")
        print(f"  (best of {REPEATS}; wall clock / CPU time of this process)")
        print(f"  draw and store the attempts: {drawn:.2f} s / {drawn_cpu:.2f} s")
        print(f"  lay out the PDF:             {laid_out:.2f} s / {laid_out_cpu:.2f} s")
        print(
            f"  total:                       {drawn + laid_out:.2f} s / {drawn_cpu + laid_out_cpu:.2f} s (target ≤ 5 s)"
        )
        print(f"  baseline, bare canvas lines: {bare:.2f} s / {bare_cpu:.2f} s")
        keystrokes(service, document, members)
        service.close()


def count_keys(service: Service, sheet: PaperSheet, by_code: bool) -> int:
    """Open ``sheet`` on the real entry page (by typing its code, or Enter on the list), type a response per
    question as the secretary would, save with Enter; the number of keys pressed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from gui.admin.paper_page import PaperPage
    from gui.operations import operation_runner
    from gui.tasks import TaskRunner
    from quiz.api.paper_entry import BLANK, letter

    runner = TaskRunner()
    page = PaperPage(service, runner)
    page.show()
    page.activateWindow()
    QTest.qWaitForWindowActive(page)
    page.refresh()
    operation_runner().wait_idle()  # the page lists its papers off the UI thread
    page.tabs.setCurrentIndex(1)
    keys = 0
    if by_code:
        QTest.keyClicks(page.code, sheet.code)
        keys += len(sheet.code)
    else:
        index = page.papers.findData(sheet.paper_id)
        page.papers.setCurrentIndex(index)
        QTest.keyClick(page.code, Qt.Key.Key_Return)
        keys += 1
    for position, question in enumerate(sheet.questions):
        field = page.entry.fields[position]
        assert field.hasFocus(), f"the cursor is not on question {position + 1}"
        if question.type == "matching":
            typed = "".join(letter(item % len(question.options)) for item in range(len(question.left_items)))
        elif question.type == "truefalse":
            typed = "S"
        elif question.type == "multi":
            typed = "AB"
        else:
            typed = "C" if len(question.options) > 2 else BLANK
        QTest.keyClicks(field, typed)
        keys += len(typed)
        if question.type in ("multi", "cloze"):
            QTest.keyClick(field, Qt.Key.Key_Return)
            keys += 1
    assert page.entry.save_button.hasFocus()
    QTest.keyClick(page.entry.save_button, Qt.Key.Key_Return)
    keys += 1
    assert service.paper.sheet(sheet.paper_id).submitted_at is not None
    page.close()
    page.deleteLater()
    runner.shutdown()
    QTest.qWait(10)  # let the deleteLater run now, not during interpreter shutdown
    return keys


def keystrokes(service: Service, document: str, members: list[str]) -> None:
    """Keys for one paper of one-key questions (four options, Đúng/Sai) and one of the default mix."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.application import create_application

    application = create_application(sys.argv[:1])
    settings = service.quizzes.get_settings(document)
    one_key = dataclasses.replace(settings, type_mix={"single": 1, "truefalse": 1})
    for label, mix in (("four-option and Đúng/Sai questions", one_key), ("default mix of every choice type", settings)):
        service.quizzes.save_settings(mix)
        sheet, second = service.paper.create_papers(document, members[:2])
        kinds = Counter(question.type for question in sheet.questions)
        listed = count_keys(service, sheet, by_code=False)
        coded = count_keys(service, second, by_code=True)
        print(f"keys to enter one {len(sheet.questions)}-question paper ({label}; {dict(kinds)}):")
        print(f"  picked from the list: {listed}; by typing its code: {coded} (target ≤ 25)")
    application.shutdown()


if __name__ == "__main__":
    main()
    # PySide6 6.12 can crash in the interpreter's final clean-up after offscreen widgets (none_dealloc): the
    # figures are printed, so leave without it.
    sys.stdout.flush()
    os._exit(0)
