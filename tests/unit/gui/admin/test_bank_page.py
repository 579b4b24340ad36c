"""Bank page: filters, disabling a question (then it is never drawn), editing and adding through the form."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.admin.bank_page import BankPage
from gui.admin.desk import AdminDesk
from quiz.api.documents import DocumentInfo
from quiz.api.members import MemberDraft
from quiz.service import Service
from tests.unit.gui.admin.sample_documents import import_sample
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.waiting import wait_for_operations

# The offscreen platform warns that it cannot propagate size hints when a window is shown; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_bank(desk: AdminDesk) -> BankPage:
    page = desk.show_page(BankPage)
    assert isinstance(page, BankPage)
    wait_for_operations()
    return page


def drawn_question_ids(service: Service, member_id: str, document: DocumentInfo, count: int) -> set[str]:
    attempt = service.quizzes.start_attempt(member_id, document.id, "practice", question_count=count)
    return {question.question_id for question in attempt.questions}


def test_a_question_disabled_in_the_browser_is_never_drawn_again(
    desk: AdminDesk, service: Service, tmp_path: Path
) -> None:
    document = import_sample(service, tmp_path)
    questions = service.bank.list_questions(document.id)
    facts = Counter(question.fact_key for question in questions)
    assert questions, "the sample document must give the generator something to ask"
    # The fact with the fewest questions: disabling all of them removes the fact from every draw.
    rare_fact = min(facts, key=lambda key: (facts[key], key))
    targets = [question.id for question in questions if question.fact_key == rare_fact]
    member = service.members.add_member(MemberDraft(full_name="Đỗ Văn Em"))
    # Drawing as many questions as there are facts asks every fact once, so the target is drawn before...
    assert drawn_question_ids(service, member.id, document, len(facts)) & set(targets)

    page = open_bank(desk)
    assert page.model.rowCount() == len(questions)
    for question_id in targets:
        page.select_question(question_id)
        assert page.selected_question() is not None
        QTest.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)
        wait_for_operations()
        assert not page.is_error_shown(), page.message.text()

    assert {question.id for question in service.bank.list_questions(document.id, enabled=False)} == set(targets)
    # ...and never after, in several new draws.
    for _ in range(4):
        assert not drawn_question_ids(service, member.id, document, len(facts)) & set(targets)


def test_the_check_box_toggles_and_the_flag_filter_lists_disabled_ones(
    desk: AdminDesk, service: Service, tmp_path: Path
) -> None:
    document = import_sample(service, tmp_path)
    page = open_bank(desk)
    first = page.model.row_at(0).question
    assert page.model.setData(page.model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not service.bank.get(first.id).enabled
    page.flag_filter.setCurrentIndex(page.flag_filter.findData("disabled"))
    wait_for_operations()
    assert [row.question.id for row in page.model.rows()] == [first.id]
    page.flag_filter.setCurrentIndex(page.flag_filter.findData("enabled"))
    wait_for_operations()
    assert first.id not in {row.question.id for row in page.model.rows()}
    assert page.model.rowCount() == len(service.bank.list_questions(document.id, enabled=True))


def test_filters_by_type_and_section_and_text(desk: AdminDesk, service: Service, tmp_path: Path) -> None:
    document = import_sample(service, tmp_path)
    page = open_bank(desk)
    page.type_filter.setCurrentIndex(page.type_filter.findData("truefalse"))
    wait_for_operations()
    assert page.model.rowCount() == len(service.bank.list_questions(document.id, type="truefalse"))
    assert {row.question.type for row in page.model.rows()} == {"truefalse"}
    page.type_filter.setCurrentIndex(0)
    wait_for_operations()
    section = service.documents.sections(document.id)[-1]
    page.section_filter.setCurrentIndex(page.section_filter.findData(section.id))
    wait_for_operations()
    assert page.model.rowCount() == len(service.bank.list_questions(document.id, section_id=section.id))
    page.section_filter.setCurrentIndex(0)
    wait_for_operations()
    QTest.keyClicks(page.search_box, "chi tieu")
    wait_for_operations()
    assert page.model.rowCount() >= 1
    assert all("chỉ tiêu" in row.question.prompt for row in page.model.rows())


def test_admin_edits_and_adds_questions_through_the_form(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path
) -> None:
    document = import_sample(service, tmp_path)
    page = open_bank(desk)
    single = next(row.question for row in page.model.rows() if row.question.type == "single")
    page.select_question(single.id)
    assert page.editor.prompt.toPlainText() == single.prompt
    page.editor.prompt.setPlainText("Đảng bộ xã đã thực hiện thắng lợi bao nhiêu chỉ tiêu chủ yếu?")
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    saved = service.bank.get(single.id)
    assert saved.prompt == "Đảng bộ xã đã thực hiện thắng lợi bao nhiêu chỉ tiêu chủ yếu?"
    assert saved.edited and saved.choices == single.choices and saved.correct == single.correct

    page.editor.type.setCurrentIndex(page.editor.type.findData("multi"))
    page.editor.prompt.setPlainText("Những mục tiêu nào có trong nghị quyết?")
    page.editor.options.setPlainText("*Nông thôn mới kiểu mẫu\n*Chuyển đổi số\nXây sân bay")
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    added = [question for question in service.bank.list_questions(document.id) if question.origin == "admin"]
    assert [(question.type, question.choices, question.correct) for question in added] == [
        ("multi", ("Nông thôn mới kiểu mẫu", "Chuyển đổi số", "Xây sân bay"), (0, 1))
    ]
    chosen = page.selected_question()
    assert chosen is not None and chosen.id == added[0].id


def test_a_question_without_a_right_answer_is_refused(desk: AdminDesk, service: Service, tmp_path: Path) -> None:
    document = import_sample(service, tmp_path)
    before = len(service.bank.list_questions(document.id))
    page = open_bank(desk)
    page.editor.type.setCurrentIndex(page.editor.type.findData("single"))
    page.editor.prompt.setPlainText("Câu hỏi thử?")
    page.editor.options.setPlainText("Một\nHai")
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert page.is_error_shown()
    assert "đáp án đúng" in page.message.text()
    assert len(service.bank.list_questions(document.id)) == before


def test_statistics_columns_show_the_item_analysis(desk: AdminDesk, service: Service, tmp_path: Path) -> None:
    document = import_sample(service, tmp_path)
    asked: Counter[str] = Counter()
    for name in ("Bùi Văn Một", "Bùi Văn Hai", "Bùi Văn Ba"):
        member = service.members.add_member(MemberDraft(full_name=name))
        attempt = service.quizzes.start_attempt(member.id, document.id, "exam", question_count=6)
        asked.update(question.question_id for question in attempt.questions)
        service.quizzes.submit(attempt.id)  # unanswered: asked, not right
    page = open_bank(desk)
    shown = {
        row.question.id: (page.model.data(page.model.index(index, 4)), page.model.data(page.model.index(index, 5)))
        for index, row in enumerate(page.model.rows())
    }
    assert {question_id: times for question_id, (times, _) in shown.items() if times} == {
        question_id: str(count) for question_id, count in asked.items()
    }
    assert {share for question_id, (_, share) in shown.items() if question_id in asked} == {"0 %"}


def test_the_weight_column_shows_each_question_weight(desk: AdminDesk, service: Service, tmp_path: Path) -> None:
    document = import_sample(service, tmp_path)
    page = open_bank(desk)
    headers = [page.model.headerData(column, Qt.Orientation.Horizontal) for column in range(page.model.columnCount())]
    column = headers.index("Trọng số")
    shown = {
        row.question.id: page.model.data(page.model.index(index, column)) for index, row in enumerate(page.model.rows())
    }
    weights = {question.id: question.weight for question in service.bank.list_questions(document.id)}
    assert shown == {question_id: f"{weight:.1f}".replace(".", ",") for question_id, weight in weights.items()}
    assert len(set(weights.values())) > 1


def test_a_slow_question_list_leaves_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = import_sample(service, tmp_path)
    slow_read = SlowRead(monkeypatch, service.bank, "list_questions")
    page = desk.show_page(BankPage)
    assert isinstance(page, BankPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.model.rowCount() == 0
    slow_read.release()
    wait_for_operations()
    assert page.model.rowCount() == len(service.bank.list_questions(document.id)) > 0


def test_a_slow_document_list_leaves_the_page_responsive(
    qtbot: QtBot, desk: AdminDesk, service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = import_sample(service, tmp_path)
    slow_read = SlowRead(monkeypatch, service.documents, "list_documents")
    page = desk.show_page(BankPage)
    assert isinstance(page, BankPage)
    assert_event_loop_runs(qtbot, slow_read)
    assert page.document_picker.document_id() is None
    slow_read.release()
    wait_for_operations()
    assert page.document_picker.document_id() == document.id
    assert page.model.rowCount() > 0
