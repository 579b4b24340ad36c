"""Question widgets, the exam clock, and printing the preview: behaviour checked on real widgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.question_widgets import QuestionWidget
from quiz.api.answers import ChoicesAnswer, PairsAnswer
from quiz.api.attempts import AttemptQuestion, QuizSettingsData
from quiz.service import Service
from quiz.services.context import Actor
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.test_member_flow import sign_in
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def question(kind: str, **fields: object) -> AttemptQuestion:
    values: dict[str, object] = {
        "position": 0,
        "question_id": "q",
        "type": kind,
        "prompt": "Câu hỏi?",
        "options": (),
        "left_items": (),
        "section_id": None,
        "flagged": False,
        "response": None,
    }
    values.update(fields)
    return AttemptQuestion(**values)  # type: ignore[arg-type]


def test_matching_uses_drop_downs_and_restores_a_saved_answer(qtbot: QtBot) -> None:
    options = ("Cải cách hành chính", "Năng lực cạnh tranh")
    shown = question("matching", left_items=("PCI", "PAR Index"), options=options)
    widget = QuestionWidget(shown)
    qtbot.addWidget(widget)
    responses: list[object] = []
    widget.response_changed.connect(responses.append)
    widget.combos[0].setCurrentIndex(2)
    widget.combos[1].setCurrentIndex(1)
    assert responses[-1] == PairsAnswer((1, 0))
    again = QuestionWidget(
        question("matching", left_items=shown.left_items, options=shown.options, response=PairsAnswer((None, 1)))
    )
    qtbot.addWidget(again)
    assert [combo.currentData() for combo in again.combos] == [None, 1]
    assert again.current_response() == PairsAnswer((None, 1))


def test_multiple_choice_keys_toggle_options(qtbot: QtBot) -> None:
    widget = QuestionWidget(question("multi", options=("một", "hai", "ba", "bốn")))
    qtbot.addWidget(widget)
    responses: list[object] = []
    widget.response_changed.connect(responses.append)
    assert widget.choose(0) and widget.choose(2) and widget.choose(0)
    assert responses[-1] == ChoicesAnswer((2,))
    assert not widget.choose(7)


def test_the_exam_is_submitted_when_the_stored_deadline_passes(
    qtbot: QtBot, study_data: StudyData, window: MainWindow
) -> None:
    admin = Service.open(study_data.url, actor=Actor.admin())
    admin.quizzes.save_settings(QuizSettingsData(study_data.document_id, question_count=5, time_limit_minutes=10))
    admin.close()
    sign_in(qtbot, window)
    panel = window.study.quiz
    QTest.mouseClick(panel.start_page.exam_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert panel.attempt is not None and panel.attempt.deadline_at is not None
    assert "Thời gian còn lại: 9 phút" in panel.time_label.text() or "10 phút" in panel.time_label.text()
    deadline = panel.attempt.deadline_at
    window.service.quizzes.clock = lambda: deadline + dt.timedelta(seconds=1)
    qtbot.waitUntil(lambda: panel.pages.currentWidget() is panel.results, timeout=3000)
    wait_for_operations()
    assert panel.results.result is not None and panel.results.result.auto_submitted


def test_print_preview_prints_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from reportlab.pdfgen.canvas import Canvas

    from gui.pdf_preview import PdfPreviewDialog, render_pages

    source = tmp_path / "source.pdf"
    canvas = Canvas(str(source))
    for page in range(3):
        canvas.drawString(100, 700, f"Trang {page + 1}")
        canvas.showPage()
    canvas.save()
    pdf = source.read_bytes()
    dialog = PdfPreviewDialog(pdf, render_pages(pdf), "ban-in.pdf")
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    dialog.print_to(printer)
    assert len(PdfReader(printed).pages) == 3
