"""The linter catches each broken rule (questions are made good by the generator, then broken on purpose)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quiz.facts import Fact, extract_facts
from quiz.importing.pipeline import parse_text
from quiz.questions.generate import generate_from_facts
from quiz.questions.linter import lint
from quiz.questions.model import GeneratedQuestion

TEXT = (
    "Tiêu đề\n\n"
    "Ngày 28/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị với trên 23.000 đảng viên tại 231 điểm cầu.\n\n"
    "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Văn An chủ trì hội nghị.\n\n"
    "Tỉnh giữ vững Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số cải cách hành chính (PAR Index)."
)


@pytest.fixture(scope="module")
def generated() -> tuple[list[Fact], list[GeneratedQuestion]]:
    document = parse_text(TEXT)
    facts = extract_facts(document)
    return facts, generate_from_facts(facts, document.text)


def _pick(questions: list[GeneratedQuestion], kind: str, question_type: str) -> GeneratedQuestion:
    return next(q for q in questions if q.fact.kind == kind and q.type == question_type and ":" not in q.variant)


def _rules(question: GeneratedQuestion, facts: list[Fact]) -> set[str]:
    return {problem.rule for problem in lint(question, facts)}


def test_generated_questions_pass(generated: tuple[list[Fact], list[GeneratedQuestion]]) -> None:
    facts, questions = generated
    assert all(_rules(question, facts) == set() for question in questions)


def test_giveaway_and_missing_question_word(generated: tuple[list[Fact], list[GeneratedQuestion]]) -> None:
    facts, questions = generated
    single = _pick(questions, "number", "single")
    assert "giveaway" in _rules(replace(single, prompt=single.prompt[:-1] + f" ({single.key})?"), facts)
    no_word = single.prompt.replace("bao nhiêu", "___").replace("mấy", "___")
    assert "question-word" in _rules(replace(single, prompt=no_word), facts)


def test_number_options_sorted_spread_and_without_units(
    generated: tuple[list[Fact], list[GeneratedQuestion]],
) -> None:
    facts, questions = generated
    single = _pick(questions, "number", "single")
    key_index = single.correct[0]
    reversed_choices = tuple(reversed(single.choices))
    assert "order" in _rules(replace(single, choices=reversed_choices, correct=(3 - key_index,)), facts)
    smaller = tuple(sorted(single.choices, key=lambda c: c != single.key))
    assert "units" in _rules(replace(single, choices=tuple(c + " người" for c in single.choices)), facts)
    assert smaller


def test_duplicates_lengths_and_negative_stems(generated: tuple[list[Fact], list[GeneratedQuestion]]) -> None:
    facts, questions = generated
    person = next(q for q in questions if q.fact.kind == "person" and q.type == "single")
    doubled = (person.choices[0], person.choices[0].upper(), *person.choices[2:])
    assert "duplicates" in _rules(replace(person, choices=doubled), facts)
    long_choices = tuple(c if i in person.correct else c * 3 for i, c in enumerate(person.choices))
    assert "length" in _rules(replace(person, choices=long_choices), facts)
    negative = replace(person, prompt="Ai không phải là Bí thư Tỉnh ủy?")
    assert "negative" in _rules(negative, facts)
    assert "negative" not in _rules(replace(person, prompt="Ai KHÔNG phải là Bí thư Tỉnh ủy?"), facts)


def test_acronym_and_expansion_never_shown_together(generated: tuple[list[Fact], list[GeneratedQuestion]]) -> None:
    facts, questions = generated
    question = next(q for q in questions if q.fact.kind == "acronym" and q.type == "cloze")
    shown = replace(question, prompt=f"{question.prompt[:-1]} ({question.fact.answer}).")
    assert "giveaway" in _rules(shown, facts)


def test_true_false_shape_and_provenance(generated: tuple[list[Fact], list[GeneratedQuestion]]) -> None:
    facts, questions = generated
    statement = next(q for q in questions if q.type == "truefalse")
    assert "options" in _rules(replace(statement, choices=("Có", "Không")), facts)
    assert "explanation" in _rules(replace(statement, explanation="Không rõ nguồn"), facts)


def test_a_wrong_title_that_the_person_holds_is_refused(
    generated: tuple[list[Fact], list[GeneratedQuestion]],
) -> None:
    facts, questions = generated
    question = next(q for q in questions if q.variant == "single:title")
    true_titles = question.fact.titles
    wrong_index = next(index for index in range(4) if index not in question.correct)
    choices = list(question.choices)
    choices[wrong_index] = next(title for title in true_titles if title != question.key)
    assert "true-distractor" in _rules(replace(question, choices=tuple(choices)), facts)
