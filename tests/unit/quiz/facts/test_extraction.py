"""Fact extraction against hand-annotated test documents (recall, precision, provenance, no noise)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from quiz.facts import Fact, extract_facts
from quiz.importing.pipeline import parse_file
from tests.conftest import TEST_DATA

GENERATOR_DATA = TEST_DATA / "generator"
DOCUMENTS = sorted(GENERATOR_DATA.glob("*.txt"))
MINIMUM_RECALL = 0.9
MINIMUM_PRECISION = 0.85
# Structure facts (and the measures under their items) are scored against their own annotations in test_structure*.py.
SEPARATELY_SCORED = ("structure", "measure")


def _annotation(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))
    return loaded


def _matches(expected: dict[str, Any], fact: Fact) -> bool:
    if fact.kind != expected["kind"] or fact.answer != expected["answer"]:
        return False
    if not fact.sentence.text.startswith(expected["in_sentence"]):
        return False
    checks = {
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "subject": fact.subject,
        "target": fact.target,
        "high": fact.high,
        "titles": list(fact.titles),
        "expansion": fact.expansion,
        "items": len(fact.items),
        "count": fact.count,
    }
    return all(checks[name] == value for name, value in expected.items() if name in checks)


def _scores() -> tuple[Counter[str], Counter[str], Counter[str]]:
    expected_by_kind: Counter[str] = Counter()
    found_by_kind: Counter[str] = Counter()
    extracted_by_kind: Counter[str] = Counter()
    for path in DOCUMENTS:
        facts = extract_facts(parse_file(path))
        facts = [fact for fact in facts if fact.kind not in SEPARATELY_SCORED]
        extracted_by_kind.update(fact.kind for fact in facts)
        unused = list(facts)
        for expected in _annotation(path)["facts"]:
            expected_by_kind[expected["kind"]] += 1
            match = next((fact for fact in unused if _matches(expected, fact)), None)
            if match is not None:
                found_by_kind[expected["kind"]] += 1
                unused.remove(match)
    return expected_by_kind, found_by_kind, extracted_by_kind


def test_there_are_enough_annotated_documents_covering_every_kind() -> None:
    assert len(DOCUMENTS) >= 8
    kinds = {fact["kind"] for path in DOCUMENTS for fact in _annotation(path)["facts"]}
    assert kinds >= {"number", "date", "period", "ordinal", "person", "acronym", "list", "target", "reference"}


def test_recall_per_kind_is_at_least_ninety_percent() -> None:
    expected, found, _ = _scores()
    recall = {kind: found[kind] / expected[kind] for kind in expected}
    assert all(value >= MINIMUM_RECALL for value in recall.values()), recall


def test_precision_per_kind() -> None:
    _, found, extracted = _scores()
    precision = {kind: found[kind] / extracted[kind] for kind in extracted}
    assert all(value >= MINIMUM_PRECISION for value in precision.values()), precision


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_answers_and_sentences_are_exact_substrings_of_the_document(path: Path) -> None:
    document = parse_file(path)
    for fact in extract_facts(document):
        assert document.text[fact.start : fact.end] == fact.answer
        assert document.text[fact.sentence.start : fact.sentence.end] == fact.sentence.text
        assert fact.sentence.start <= fact.start < fact.end <= fact.sentence.end


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_page_noise_yields_no_fact(path: Path) -> None:
    noise = _annotation(path)["noise"]
    for fact in extract_facts(parse_file(path)):
        assert not any(line in fact.sentence.text for line in noise), fact.sentence.text


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_document_numbers_are_never_quantities(path: Path) -> None:
    document = parse_file(path)
    for fact in extract_facts(document):
        if fact.kind == "number":
            after = document.text[fact.end : fact.end + 4]
            assert not re.match(r"[-/][A-ZĐ]", after), fact.answer
