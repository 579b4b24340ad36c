"""Structure questions: how many, which is (not) one of them, the n-th one, which part, true/false, matching."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

import main
from quiz.facts import Fact, extract_facts
from quiz.facts.model import folded
from quiz.importing.pipeline import parse_text
from quiz.questions.generate import generate_from_facts
from quiz.questions.linter import lint
from quiz.questions.model import GeneratedQuestion
from quiz.questions.structure_questions import PARTS_PER_GROUP
from tests.conftest import TEST_DATA
from tests.unit.quiz.facts.test_structure import RESOLUTION

CORPUS = TEST_DATA / "resolutions"


@pytest.fixture(scope="module")
def generated() -> tuple[str, list[Fact], list[GeneratedQuestion]]:
    document = parse_text(RESOLUTION, "nong-nghiep-xanh")
    facts = extract_facts(document)
    return document.text, facts, generate_from_facts(facts, document.text)


def _structure(questions: list[GeneratedQuestion], variant: str) -> list[GeneratedQuestion]:
    return [question for question in questions if question.fact.kind == "structure" and question.variant == variant]


def _items(facts: list[Fact], label: str) -> set[str]:
    return {folded(fact.answer) for fact in facts if fact.kind == "structure" and fact.subject == label}


def test_count_question_keys_the_number_of_items(generated: tuple[str, list[Fact], list[GeneratedQuestion]]) -> None:
    _, _, questions = generated
    counts = {question.prompt: question for question in _structure(questions, "single:count")}
    question = counts["Nghị quyết nêu bao nhiêu quan điểm chỉ đạo?"]
    assert question.choices[question.correct[0]] == "3"
    values = [int(choice) for choice in question.choices]
    assert values == sorted(values) and min(values) < 3 < max(values)


def test_not_one_of_them_offers_the_true_items_and_one_from_another_group(
    generated: tuple[str, list[Fact], list[GeneratedQuestion]],
) -> None:
    _, facts, questions = generated
    negatives = _structure(questions, "single:not")
    assert negatives
    for question in negatives:
        assert "KHÔNG" in question.prompt
        members = _items(facts, question.fact.subject)
        wrong = [choice for index, choice in enumerate(question.choices) if index not in question.correct]
        key = question.choices[question.correct[0]]
        # Every option is real text: the wrong ones start an item of the group, the key one of another group.
        assert all(any(member.startswith(folded(option)) for member in members) for option in wrong)
        assert not any(member.startswith(folded(key)[:20]) for member in members)


def test_order_questions_only_where_the_text_numbers_the_items(
    generated: tuple[str, list[Fact], list[GeneratedQuestion]],
) -> None:
    _, _, questions = generated
    orders = _structure(questions, "single:order")
    assert any(question.prompt == "Theo Nghị quyết, quan điểm chỉ đạo thứ hai là nội dung nào?" for question in orders)
    assert all(question.fact.qualifier == "numbered" for question in orders)
    for question in orders:
        assert question.choices[question.correct[0]] == question.fact.answer[:1].upper() + question.fact.answer[1:]


def test_which_part_offers_labels_of_unrelated_groups(
    generated: tuple[str, list[Fact], list[GeneratedQuestion]],
) -> None:
    _, _, questions = generated
    parts = _structure(questions, "single:part")
    assert parts
    for question in parts:
        key = question.choices[question.correct[0]]
        assert folded(key) == folded(question.fact.subject)
        # "Mục tiêu" contains "mục tiêu đến năm 2030": never offered as a wrong part for one of its targets.
        wrong = [choice for index, choice in enumerate(question.choices) if index not in question.correct]
        assert all(not folded(question.fact.subject).startswith(folded(choice)) for choice in wrong)


def test_every_structure_question_passes_the_linter_and_points_at_a_section(
    generated: tuple[str, list[Fact], list[GeneratedQuestion]],
) -> None:
    text, facts, questions = generated
    titles = {section.title for section in parse_text(RESOLUTION, "nong-nghiep-xanh").sections}
    structure = [question for question in questions if question.fact.kind == "structure"]
    assert {question.type for question in structure} >= {"single", "multi", "truefalse", "matching"}
    for question in structure:
        assert lint(question, facts, text) == [], question.prompt
        assert question.fact.sentence.section_title in titles


def test_no_stem_is_asked_twice_with_different_keys(
    generated: tuple[str, list[Fact], list[GeneratedQuestion]],
) -> None:
    _, _, questions = generated
    keys: dict[str, set[str]] = defaultdict(set)
    for question in questions:
        keys[folded(question.prompt)].add(folded(question.key))
    assert all(len(found) == 1 for found in keys.values())


@pytest.mark.parametrize(
    "name", ["nghi-quyet-57-bo-chinh-tri.docx", "ket-luan-69-bo-chinh-tri.pdf", "nghi-quyet-dai-hoi-xiii.txt"]
)
def test_cli_questions_point_at_titles_printed_by_sections(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(CORPUS / name)
    assert main.main(["sections", path, "--json"]) == 0
    titles = {section["title"] for section in json.loads(capsys.readouterr().out)}
    assert main.main(["questions", path, "--json"]) == 0
    questions = json.loads(capsys.readouterr().out)
    assert any(question["kind"] == "structure" for question in questions)
    assert all(question["source"]["section"] in titles for question in questions)


def test_corpus_paths_exist() -> None:
    assert Path(CORPUS / "sources.md").exists()


def test_which_part_is_asked_a_few_times_per_group_in_varied_words() -> None:
    name = "nghi-quyet-57-bo-chinh-tri.txt"
    document = parse_text((CORPUS / name).read_text(encoding="utf-8"), name)
    facts = extract_facts(document)
    asked = [question for question in generate_from_facts(facts, document.text) if question.variant == "single:part"]
    per_group: dict[str, int] = defaultdict(int)
    for question in asked:
        per_group[dict(question.fact.extra)["group"] + question.fact.head] += 1
    assert asked and max(per_group.values()) <= PARTS_PER_GROUP
    openings = {question.prompt.split("“")[0] for question in asked}
    assert len(openings) >= 2, openings


def test_numbered_items_of_a_titled_part_are_asked_by_their_place() -> None:
    name = "nghi-quyet-57-bo-chinh-tri.txt"
    document = parse_text((CORPUS / name).read_text(encoding="utf-8"), name)
    facts = extract_facts(document)
    orders = [question for question in generate_from_facts(facts, document.text) if question.variant == "single:order"]
    titled = [question for question in orders if "của phần “Tổ chức thực hiện”" in question.prompt]
    assert titled
    for question in titled:
        items = [fact for fact in facts if fact.kind == "structure" and fact.subject == question.fact.subject]
        position = int(question.fact.value or 0)
        assert question.prompt.startswith("Theo Nghị quyết, mục thứ ")
        assert folded(question.key)[:20] == folded(items[0].items[position - 1])[:20]
