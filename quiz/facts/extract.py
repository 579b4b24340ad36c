"""Run every extractor over every sentence of a parsed document and return the facts in document order."""

from __future__ import annotations

from quiz.facts.acronyms import extract_acronyms
from quiz.facts.lists import extract_lists, extract_targets
from quiz.facts.measures import extract_measures
from quiz.facts.model import Fact
from quiz.facts.numbers import extract_numbers
from quiz.facts.persons import extract_persons
from quiz.facts.scalars import extract_scalars
from quiz.facts.sentences import document_sentences
from quiz.facts.structure import extract_structure
from quiz.importing.model import ParsedDocument

# Sentences longer than this are tables or run-together paragraphs: facts there are unreliable.
MAX_SENTENCE_CHARACTERS = 1500


def extract_facts(document: ParsedDocument) -> list[Fact]:
    """Every fact of ``document`` (noise the importer removed is not in its sentences, so yields nothing)."""
    facts: list[Fact] = []
    previous = None
    for sentence in document_sentences(document):
        if len(sentence.text) > MAX_SENTENCE_CHARACTERS or sentence.text.rstrip().endswith("?"):
            previous = sentence
            continue
        scalars = extract_scalars(sentence)
        taken = [(fact.relative_start, fact.relative_end) for fact in scalars]
        # A heading number, a reference's digits or a year inside a period is never a quantity.
        taken += [(fact.relative_start - 12, fact.relative_end) for fact in scalars if fact.kind == "reference"]
        # "5 năm 2021 - 2025": the plan's length is part of its period (asked as "giai đoạn nào"), and asking
        # "mấy năm 2021 - 2025?" only tests subtraction.
        taken += [
            (fact.relative_start - len(fact.head) - 3, fact.relative_end)
            for fact in scalars
            if fact.kind == "period" and fact.head[:1].isdigit()
        ]
        found = [
            *scalars,
            *extract_numbers(sentence, taken),
            *extract_persons(sentence),
            *extract_acronyms(sentence),
            *extract_lists(sentence, previous),
            *extract_targets(sentence),
        ]
        facts.extend(sorted(found, key=lambda fact: (fact.start, fact.kind)))
        previous = sentence
    # Enumerations span sentences and sections, so they are read from the whole document.
    lists = [fact for fact in facts if fact.kind == "list"]
    structure = extract_structure(document, lists)
    facts = sorted([*facts, *structure, *extract_measures(document, structure)], key=lambda fact: fact.start)
    return _unique(facts)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple[str, int, int]] = set()
    unique: list[Fact] = []
    for fact in facts:
        identity = (fact.kind, fact.start, fact.end)
        if identity not in seen:
            seen.add(identity)
            unique.append(fact)
    return unique
