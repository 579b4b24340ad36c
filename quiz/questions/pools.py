"""What the whole document offers the builders: sibling values, persons and titles, acronyms, list items."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from quiz.facts.lexicon import lexicon
from quiz.facts.model import Fact
from quiz.text import fold, fold_answer

_DASH_SPACES = re.compile(r"\s*[-–—]\s*")


def value_key(text: str) -> str:
    """Comparison form of an answer: folded, digit groups dropped, dashes unified ("2020 – 2025" = "2020-2025")."""
    return _DASH_SPACES.sub("-", fold_answer(text))


@dataclass(frozen=True)
class Pools:
    numbers_by_unit: dict[str, list[float]]
    titles_by_person: dict[str, list[str]]
    persons: list[str]
    titles: list[str]
    acronyms: list[tuple[str, str]]
    # The first ``document_acronyms`` acronyms come from the document, the rest from the shipped list.
    document_acronyms: int
    list_items: list[tuple[str, str]]
    references: list[str]
    values_by_predicate: dict[str, set[str]]
    values_by_slot: dict[str, set[str]]


def build_pools(facts: list[Fact]) -> Pools:
    numbers: dict[str, list[float]] = defaultdict(list)
    titles_by_person: dict[str, list[str]] = defaultdict(list)
    values: dict[str, set[str]] = defaultdict(set)
    slots: dict[str, set[str]] = defaultdict(set)
    acronyms: list[tuple[str, str]] = []
    items: list[tuple[str, str]] = []
    references: list[str] = []
    for fact in facts:
        values[fact.predicate].add(value_key(fact.answer))
        slots[fact.slot].add(value_key(fact.answer))
        if fact.kind == "number" and fact.value is not None and fact.high is None:
            if fact.value not in numbers[fold(fact.unit)]:
                numbers[fold(fact.unit)].append(fact.value)
        elif fact.kind == "person":
            known = titles_by_person[fact.answer]
            known.extend(title for title in fact.titles if fold(title) not in {fold(k) for k in known})
        elif fact.kind == "acronym" and fold(fact.answer) not in {fold(a) for a, _ in acronyms}:
            acronyms.append((fact.answer, fact.expansion))
        elif fact.kind in ("list", "target"):
            items.extend((fact.key, item) for item in fact.items)
        elif fact.kind == "reference" and fact.answer not in references:
            references.append(fact.answer)
    shipped = [pair for pair in lexicon().acronyms if fold(pair[0]) not in {fold(a) for a, _ in acronyms}]
    all_titles: list[str] = []
    for person_titles in titles_by_person.values():
        all_titles.extend(title for title in person_titles if fold(title) not in {fold(t) for t in all_titles})
    return Pools(
        numbers_by_unit=dict(numbers),
        titles_by_person=dict(titles_by_person),
        persons=list(titles_by_person),
        titles=all_titles,
        acronyms=acronyms + shipped,
        document_acronyms=len(acronyms),
        list_items=items,
        references=references,
        values_by_predicate=dict(values),
        values_by_slot=dict(slots),
    )


def is_true_title(candidate: str, true_titles: list[str]) -> bool:
    """A title the person really holds, also when written shorter or longer ("Bí thư Tỉnh ủy Quảng Ninh")."""
    folded = fold(candidate)
    return any(folded.startswith(fold(title)) or fold(title).startswith(folded) for title in true_titles)


def overlap(first: str, second: str) -> float:
    """Share of the shorter text's folded words found in the other (near-duplicate items)."""
    first_words, second_words = set(fold(first).split()), set(fold(second).split())
    if not first_words or not second_words:
        return 0.0
    return len(first_words & second_words) / min(len(first_words), len(second_words))
