"""Which task a measure serves: the paragraphs under a numbered task, asked with the group's items as options."""

from __future__ import annotations

from quiz.facts import extract_facts
from quiz.facts.model import folded
from quiz.importing.pipeline import parse_text
from quiz.questions.generate import generate_from_facts
from tests.conftest import TEST_DATA

CORPUS = TEST_DATA / "resolutions"


def test_a_measure_is_keyed_to_the_task_whose_section_holds_it() -> None:
    name = "nghi-quyet-20-trung-uong-6-khoa-xi.txt"
    document = parse_text((CORPUS / name).read_text(encoding="utf-8"), name)
    facts = extract_facts(document)
    items = {(fact.sentence.section, fact.subject): fact for fact in facts if fact.kind == "structure" and fact.value}
    asked = [question for question in generate_from_facts(facts, document.text) if question.fact.kind == "measure"]
    assert len(asked) >= 5
    for question in asked:
        measure = question.fact
        own = items[(measure.sentence.section, measure.subject)]
        # The measure lies in the body of its task's section, after the task's own heading.
        assert measure.start > own.start
        assert folded(question.key) == folded(own.answer)
        assert question.choices[question.correct[0]] == question.key
        # Every wrong option is the opening of another item of the same group.
        others = [folded(item) for item in measure.items if folded(item) != folded(own.answer)]
        for choice in question.choices:
            if choice != question.key:
                assert any(item.startswith(folded(choice).rstrip(" ,")) for item in others), choice


def test_a_measure_naming_who_acts_is_no_question() -> None:
    name = "nghi-quyet-57-bo-chinh-tri.txt"
    document = parse_text((CORPUS / name).read_text(encoding="utf-8"), name)
    measures = [fact for fact in extract_facts(document) if fact.kind == "measure"]
    assert measures
    assert not any(folded(fact.answer).startswith(("cac ", "nhung ")) for fact in measures)
