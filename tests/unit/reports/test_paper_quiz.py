"""The printed paper read back from the PDF: the frozen draw in order, the code on every page, large type."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.api.attempts import QuizSettingsData
from quiz.api.paper import PaperSheet
from quiz.api.paper_codes import display_code
from quiz.api.paper_entry import letter
from quiz.service import Service
from reports.paper_quiz import SMALLEST_SIZE, build_paper_quiz
from tests.unit.quiz.engine.factories import add_document, add_member
from tests.unit.reports.pdf_tools import all_text, normalise, page_texts, reader


@pytest.fixture
def sheets(service: Service) -> list[PaperSheet]:
    made = add_document(service, per_type=3)
    service.quizzes.save_settings(QuizSettingsData(made.document_id, question_count=20))
    chi_bo = service.members.create_unit("Chi bộ Thôn Hạ", "chi_bo").id
    members = [add_member(service, name, chi_bo) for name in ("Vũ Văn Hải", "Ngô Thị Thu", "Bùi Văn Sáu")]
    return service.paper.create_papers(made.document_id, members, choice_only=False)


def expected_texts(sheet: PaperSheet) -> list[str]:
    """What must appear, in this order: each prompt, then its numbered items and lettered options."""
    texts = []
    for question in sheet.questions:
        texts.append(f"Câu {question.position + 1}. {question.prompt}")
        texts += [f"{number}. {item}" for number, item in enumerate(question.left_items, start=1)]
        if question.type != "truefalse":
            texts += [f"{letter(index)}. {option}" for index, option in enumerate(question.options)]
    return [normalise(text) for text in texts]


def test_every_question_and_option_of_the_frozen_draw_is_printed_in_order(sheets: list[PaperSheet]) -> None:
    data = build_paper_quiz(sheets)
    text = all_text(data)
    cursor = 0
    for sheet in sheets:
        assert {question.type for question in sheet.questions} >= {"single", "truefalse", "matching", "cloze"}
        cursor = text.index(sheet.member_name, cursor)
        for expected in expected_texts(sheet):
            found = text.find(expected, cursor)
            assert found >= 0, f"{expected!r} missing or out of order on {sheet.member_name}'s paper"
            cursor = found + len(expected)
        # The answer sheet comes after the questions (two columns): a row per question, Đ/S for true/false.
        start = text.index("PHIẾU TRẢ LỜI", cursor)
        cursor = text.index("Điểm (cán bộ chấm ghi)", start)
        answer_sheet = text[start:cursor]
        for question in sheet.questions:
            number = question.position + 1
            if question.type == "truefalse":
                assert f"Câu {number} Đ S" in answer_sheet
            elif question.type == "matching":
                items = range(1, len(question.left_items) + 1)
                assert all(f"{number} – ý {item} A B C" in answer_sheet for item in items)
            elif question.type == "cloze":
                assert f"Câu {number}: viết ở câu hỏi" in answer_sheet
            else:
                assert f"Câu {number} A B C D" in answer_sheet


def test_the_code_and_name_of_its_member_are_on_every_page(sheets: list[PaperSheet]) -> None:
    pages = page_texts(build_paper_quiz(sheets))
    owners = []
    for page in pages:
        on_page = [sheet for sheet in sheets if f"Mã bài: {display_code(sheet.code)}" in page]
        assert len(on_page) == 1, page[:200]
        assert on_page[0].member_name in page
        owners.append(on_page[0].code)
    # Each member's pages are together and each paper ends with its answer sheet.
    assert owners == sorted(owners, key=[sheet.code for sheet in sheets].index)
    for sheet in sheets:
        last = max(index for index, code in enumerate(owners) if code == sheet.code)
        assert "PHIẾU TRẢ LỜI" in pages[last]


def test_a_reprint_from_the_database_is_identical(service: Service, sheets: list[PaperSheet]) -> None:
    first = build_paper_quiz(sheets)
    again = [service.paper.sheet(display_code(sheet.code)) for sheet in sheets]
    assert again == sheets
    assert build_paper_quiz(again) == first
    assert page_texts(build_paper_quiz(again)) == page_texts(first)


def test_no_text_is_smaller_than_thirteen_points(sheets: list[PaperSheet]) -> None:
    sizes: list[float] = []

    def visit(text: str, matrix: Any, text_matrix: Any, font: Any, size: Any) -> None:
        if text.strip():
            sizes.append(float(size) * abs(float(text_matrix[3])) * abs(float(matrix[3])))

    for page in reader(build_paper_quiz(sheets[:1])).pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= SMALLEST_SIZE - 0.01


def test_a_blank_copy_leaves_the_name_to_write_and_keeps_its_code_on_every_page(service: Service) -> None:
    made = add_document(service, per_type=3)
    (blank,) = service.paper.create_papers(made.document_id, [], blank_copies=1)
    pages = page_texts(build_paper_quiz([blank]))
    assert all(f"Mã bài: {display_code(blank.code)}" in page for page in pages)
    assert "Họ và tên: ......" in pages[0] and "PHIẾU TRẢ LỜI" in pages[-1]
    text = " ".join(pages)
    for expected in expected_texts(blank):
        assert expected in text
