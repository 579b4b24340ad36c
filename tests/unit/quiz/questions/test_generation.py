"""Generated questions: enough of them, all passing the linter, deterministic, with stable ids."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quiz.facts import extract_facts
from quiz.importing.pipeline import parse_file, parse_text
from quiz.questions.generate import generate_questions
from quiz.questions.linter import lint
from quiz.text import fold_answer
from tests.conftest import REPOSITORY, TEST_DATA

DOCUMENTS = sorted((TEST_DATA / "generator").glob("*.txt"))
SEEDS = sorted((REPOSITORY / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", DOCUMENTS + SEEDS, ids=lambda path: path.stem)
def test_every_generated_question_passes_the_linter(path: Path) -> None:
    document = parse_file(path)
    facts = extract_facts(document)
    questions = generate_questions(document)
    assert questions
    failures = {question.prompt: lint(question, facts, document.text) for question in questions}
    assert {prompt: problems for prompt, problems in failures.items() if problems} == {}


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.stem)
def test_a_seed_gives_at_least_25_questions_of_4_types(path: Path) -> None:
    questions = generate_questions(parse_file(path))
    assert len(questions) >= 25
    assert len(Counter(question.type for question in questions)) >= 4


def test_all_test_documents_together_use_every_type() -> None:
    types = {question.type for path in DOCUMENTS for question in generate_questions(parse_file(path))}
    assert types == {"single", "multi", "truefalse", "cloze", "matching"}


def test_same_text_and_seed_give_the_same_questions_and_ids() -> None:
    path = DOCUMENTS[0]
    first = [question.to_json() for question in generate_questions(parse_file(path), seed=7)]
    second = [question.to_json() for question in generate_questions(parse_file(path), seed=7)]
    assert first == second
    assert len({question["id"] for question in first}) == len(first)


def test_ids_follow_the_document_content() -> None:
    text = "Tiêu đề\n\nNgày 3/2, chi bộ tổ chức hội nghị với 45 đảng viên tham dự."
    same = generate_questions(parse_text(text))
    again = generate_questions(parse_text(text))
    other = generate_questions(parse_text(text.replace("Tiêu đề", "Tiêu đề khác")))
    assert [question.id for question in same] == [question.id for question in again]
    assert not {question.id for question in same} & {question.id for question in other}


def test_questions_carry_provenance_and_explanations() -> None:
    document = parse_file(DOCUMENTS[0])
    for question in generate_questions(document):
        sentence = question.fact.sentence
        assert document.text[sentence.start : sentence.end] == sentence.text
        assert question.explanation.startswith("Văn bản nêu: “")
        assert 0 < question.difficulty < 1


def test_cloze_answers_accept_folded_typing() -> None:
    text = "Tiêu đề\n\nHội nghị có trên 23.000 đảng viên tham gia tại 231 điểm cầu trong toàn tỉnh."
    clozes = [question for question in generate_questions(parse_text(text)) if question.type == "cloze"]
    accepted = {fold_answer(answer) for question in clozes for answer in question.answers}
    assert fold_answer("23000") in accepted and fold_answer(" 23.000 ") in accepted


def test_qualifier_stays_in_the_stem_and_units_out_of_the_options() -> None:
    text = "Tiêu đề\n\nHội nghị có trên 23.000 đảng viên tham gia tại 231 điểm cầu trong toàn tỉnh."
    singles = [q for q in generate_questions(parse_text(text)) if q.type == "single" and q.key == "23.000"]
    assert singles and "trên bao nhiêu đảng viên" in singles[0].prompt
    assert all(choice.replace(".", "").isdigit() for choice in singles[0].choices)
