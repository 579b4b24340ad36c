"""Paper page: print a chi bộ's papers on the worker, enter one by its code key by key, tick paper forms."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.desk import AdminDesk
from gui.admin.paper_page import PaperPage
from gui.tasks import TaskRunner
from quiz.api.answers import ChoiceAnswer, ChoicesAnswer, PairsAnswer
from quiz.api.paper import PaperSheet
from quiz.api.paper_codes import display_code
from quiz.api.paper_entry import token_for
from quiz.engine.answer_credit import key_indexes
from quiz.service import Service
from quiz.services.attempt_views import keyed
from quiz.storage.models.attempts import AttemptItem
from quiz.storage.models.bank import Question
from tests.unit.gui.admin.sample_documents import import_sample, make_unit
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.screen_fit import (
    LARGE_FONT_SIZE,
    SMALL_LAPTOP,
    Screen,
    assert_fits_screen,
    set_font_point_size,
)
from tests.unit.gui.waiting import wait_for_operations
from tests.unit.quiz.services.paper_helpers import attempt_of
from tests.unit.reports.pdf_tools import all_text

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
# The desk's list of pages beside the page (at 20 pt), plus the window frame.
DESK_LIST_WIDTH = 300


def prepared_page(desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PaperPage:
    import_sample(service, tmp_path)
    make_unit(service, "Đảng bộ Xã Thử", {"Chi bộ Thôn Đông": ["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Cường"]})
    page = desk.show_page(PaperPage)
    wait_for_operations()
    assert isinstance(page, PaperPage)
    targets = iter([tmp_path / name for name in ("giay.pdf", "lai.pdf", "mau.pdf")])

    def choose_save_path(suggested_name: str, on_chosen: Callable[[Path], None]) -> None:
        on_chosen(next(targets))

    monkeypatch.setattr(page, "choose_save_path", choose_save_path)
    return page


def right_tokens(service: Service, sheet: PaperSheet) -> list[str]:
    """What a member who knew every answer ticked, as the keys the secretary types."""
    tokens = []
    with service.database.sessions() as session:
        for question in sheet.questions:
            item = session.query(AttemptItem).filter_by(attempt_id=attempt_of(sheet), position=question.position).one()
            stored = session.get(Question, item.question_id)
            assert stored is not None
            keys = list(key_indexes(keyed(stored), item.option_order))
            response = (
                PairsAnswer(tuple(keys))
                if question.type == "matching"
                else ChoicesAnswer(tuple(keys))
                if question.type == "multi"
                else ChoiceAnswer(keys[0])
            )
            tokens.append(token_for(question, response))
    return tokens


def print_all(qtbot: QtBot, page: PaperPage) -> None:
    QTest.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    wait_for_operations()  # the lists reload after the print
    assert not page.is_error_shown(), page.message.text()


def test_print_then_enter_a_paper_by_its_code(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    assert page.members.count() == 3
    page.question_count.setValue(10)
    print_all(qtbot, page)
    papers = service.paper.list_papers()
    assert len(papers) == 3 and page.papers.count() == 3
    assert all(f"Mã bài: {display_code(paper.code)}" in all_text(page.last_file.read_bytes()) for paper in papers)  # type: ignore[union-attr]

    sheet = service.paper.sheet(papers[0].code)
    page.tabs.setCurrentIndex(1)
    QTest.keyClicks(page.code, display_code(sheet.code).lower())
    assert len(page.entry.fields) == 10 and page.entry.fields[0].hasFocus()
    keys = 0
    for position, token in enumerate(right_tokens(service, sheet)):
        field = page.entry.fields[position]
        assert field.hasFocus()
        # Đ is typed as D (QTest types ASCII only, and a plain keyboard has no Đ key either).
        QTest.keyClicks(field, token.replace("Đ", "D"))
        keys += len(token)
        if field.question.type == "multi":
            QTest.keyClick(field, Qt.Key.Key_Return)
            keys += 1
    assert page.entry.stack.currentIndex() == 1 and page.entry.save_button.hasFocus()
    assert page.entry.grid.rowCount() == 10
    QTest.keyClick(page.entry.save_button, Qt.Key.Key_Return)
    keys += 1
    assert not page.is_error_shown(), page.message.text()
    result = service.quizzes.results(attempt_of(sheet))
    assert result.correct_count == 10 and result.mode == "paper"
    assert "10/10" in page.message.text()
    assert keys <= 10 + sum(1 for question in sheet.questions if question.type in ("multi", "matching")) * 4 + 1


def test_a_key_that_cannot_be_an_answer_is_refused_and_the_cursor_stays(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    print_all(qtbot, page)
    page.tabs.setCurrentIndex(1)
    QTest.keyClick(page.code, Qt.Key.Key_Return)  # opens the first paper waiting in the list
    first = page.entry.fields[0]
    QTest.keyClicks(first, "Z")
    assert first.text() == "" and first.hasFocus() and page.is_error_shown()
    mistyped = "ZZZ999"
    page.code.setText("")
    QTest.keyClicks(page.code, mistyped)
    assert page.is_error_shown()


def test_paper_forms_are_ticked_and_blanks_printed(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    page.tabs.setCurrentIndex(2)
    page.forms.item(0).setCheckState(Qt.CheckState.Checked)
    document = page.document_picker.document_id()
    assert document is not None
    assert [form.handed_in for form in service.paper.form_states(document)].count(True) == 1
    QTest.mouseClick(page.blank_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=60000)
    assert not page.is_error_shown(), page.message.text()
    assert "Trần Thị Bình" in all_text(page.last_file.read_bytes())  # type: ignore[union-attr]


@pytest.mark.parametrize("font_size", [None, LARGE_FONT_SIZE])
def test_the_entry_screen_fits_a_small_laptop(
    qtbot: QtBot,
    service: Service,
    task_runner: TaskRunner,
    tmp_path: Path,
    font_size: int | None,
) -> None:
    # The page on its own: the desk's list takes the same width whatever page is shown.
    import_sample(service, tmp_path)
    make_unit(service, "Đảng bộ Xã Thử", {"Chi bộ Thôn Đông": ["Nguyễn Văn An", "Trần Thị Bình"]})
    page = PaperPage(service, task_runner)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_for_operations()
    document = page.document_picker.document_id()
    assert document is not None
    sheets = service.paper.create_papers(document, [member.id for member in service.members.list_members()])
    if font_size is not None:
        set_font_point_size(page, font_size)
    page.tabs.setCurrentIndex(1)
    page.open_paper(sheets[0].paper_id)
    assert_fits_screen(page, Screen(SMALL_LAPTOP.width - DESK_LIST_WIDTH, SMALL_LAPTOP.height))
    page.entry.show_review()
    assert_fits_screen(page, Screen(SMALL_LAPTOP.width - DESK_LIST_WIDTH, SMALL_LAPTOP.height))
    set_font_point_size(page)


def test_typed_answers_are_decided_beside_the_accepted_ones(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    document = page.document_picker.document_id()
    assert document is not None
    settings = service.quizzes.get_settings(document)
    service.quizzes.save_settings(dataclasses.replace(settings, question_count=2, type_mix={"cloze": 1}))
    page.refresh()
    wait_for_operations()
    page.with_typed.setChecked(True)
    print_all(qtbot, page)
    sheet = service.paper.sheet(service.paper.list_papers()[0].code)
    assert [question.type for question in sheet.questions] == ["cloze", "cloze"]
    page.tabs.setCurrentIndex(1)
    page.open_paper(sheet.code)
    first, second = page.entry.fields
    # QTest types ASCII only: Vietnamese text goes in as a Unikey user's composed text would.
    first.insert(sheet.questions[0].accepted_answers[0])
    QTest.keyClick(first, Qt.Key.Key_Return)
    assert second.hasFocus()
    second.insert("viết gần đúng")
    QTest.keyClick(second, Qt.Key.Key_Return)
    assert page.entry.stack.currentIndex() == 1
    decided, undecided = page.entry.grid.item(0, 2), page.entry.grid.item(1, 2)
    assert decided is not None and undecided is not None
    assert sheet.questions[1].accepted_answers[0] in undecided.text()
    assert decided.checkState() == Qt.CheckState.Checked
    assert undecided.checkState() == Qt.CheckState.Unchecked
    # The secretary reads the second answer and accepts it.
    undecided.setCheckState(Qt.CheckState.Checked)
    QTest.keyClick(page.entry.save_button, Qt.Key.Key_Return)
    assert not page.is_error_shown(), page.message.text()
    review = service.quizzes.review(attempt_of(sheet))
    assert [item.is_correct for item in review] == [True, True]
    assert review[1].answer_texts == ("viết gần đúng",)


def test_a_blank_copy_is_entered_for_the_member_chosen(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = prepared_page(desk, service, tmp_path, monkeypatch)
    for row in range(page.members.count()):
        page.members.item(row).setCheckState(Qt.CheckState.Unchecked)
    page.question_count.setValue(5)
    page.blank_copies.setValue(2)
    print_all(qtbot, page)
    papers = service.paper.list_papers()
    assert len(papers) == 2 and all(paper.attempt_id is None for paper in papers)
    page.tabs.setCurrentIndex(1)
    QTest.keyClicks(page.code, papers[0].code)
    assert page.blank_owner.isVisible() and page.blank_owner.count() == 3
    page.blank_owner.setCurrentIndex(page.blank_owner.findText("Lò Văn Cường", Qt.MatchFlag.MatchStartsWith))
    for field in page.entry.fields:
        QTest.keyClick(field, Qt.Key.Key_Minus)
    assert page.entry.stack.currentIndex() == 1
    QTest.keyClick(page.entry.save_button, Qt.Key.Key_Return)
    assert not page.is_error_shown(), page.message.text()
    assert "Lò Văn Cường" in page.message.text() and not page.blank_owner.isVisible()
    entered = service.paper.sheet(papers[0].code)
    assert entered.member_name == "Lò Văn Cường" and entered.submitted_at is not None


def test_slow_paper_lists_leave_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_sample(service, tmp_path)
    make_unit(service, "Đảng bộ Xã Thử", {"Chi bộ Thôn Đông": ["Nguyễn Văn An", "Trần Thị Bình"]})
    slow_read = SlowRead(monkeypatch, service.paper, "list_papers")
    page = desk.show_page(PaperPage)
    assert isinstance(page, PaperPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.members.count() == 0
    slow_read.release()
    wait_for_operations()
    assert sorted(page.members.item(row).text() for row in range(page.members.count())) == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
    ]
    assert page.forms.count() == 2
