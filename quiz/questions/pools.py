"""What the whole document offers the builders: sibling values, persons and titles, acronyms, list items."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from quiz.facts.lexicon import lexicon
from quiz.facts.model import Fact, folded
from quiz.questions.stems import blanked_stem
from quiz.text import fold_answer

# Sibling numbers kept per section and unit: the first few are the related ones (a breakdown's parts).
SIBLINGS = 12
# Kinds whose stems read as a predicate with a value ("… đạt tối thiểu ___ % GRDP"): one value per stem.
PREDICATE_KINDS = ("number", "date", "period", "ordinal", "reference")
_DASH_SPACES = re.compile(r"\s*[-–—]\s*")


@lru_cache(maxsize=1 << 18)
def value_key(text: str) -> str:
    """Comparison form of an answer: folded, digit groups dropped, dashes unified ("2020 – 2025" = "2020-2025")."""
    return _DASH_SPACES.sub("-", fold_answer(text))


@dataclass(frozen=True)
class Pools:
    # Numbers of one unit in one section: siblings are the nearest, most related values.
    numbers_by_section_unit: dict[tuple[int, str], list[float]]
    titles_by_person: dict[str, list[str]]
    # Folded title → the persons holding it (a title held by two persons cannot ask "ai").
    holders_by_title: dict[str, set[str]]
    persons: list[str]
    folded_persons: frozenset[str]
    titles: list[str]
    acronyms: list[tuple[str, str]]
    # The first ``document_acronyms`` acronyms come from the document, the rest from the shipped list.
    document_acronyms: int
    # (position, fact key, item) in document order.
    list_items: list[tuple[int, str, str]]
    references: list[str]
    # Folded stem with the answer blanked → the values it has in the document (two: an ambiguous stem).
    values_by_predicate: dict[str, set[str]]
    # Fact key → its folded blanked stem (scalar facts only).
    predicate_by_fact: dict[str, str]
    values_by_slot: dict[str, set[str]]

    def nearest_items(self, position: int) -> Iterator[tuple[str, str]]:
        """List items ordered by distance from ``position``: nearby lists make the most related options."""
        items = self.list_items
        right = bisect.bisect_left(items, (position, "", ""))
        left = right - 1
        while left >= 0 or right < len(items):
            if right < len(items) and (left < 0 or items[right][0] - position <= position - items[left][0]):
                yield items[right][1], items[right][2]
                right += 1
            else:
                yield items[left][1], items[left][2]
                left -= 1


def build_pools(facts: list[Fact]) -> Pools:
    numbers: dict[tuple[int, str], list[float]] = defaultdict(list)
    titles_by_person: dict[str, list[str]] = defaultdict(list)
    holders: dict[str, set[str]] = defaultdict(set)
    values: dict[str, set[str]] = defaultdict(set)
    predicates: dict[str, str] = {}
    slots: dict[str, set[str]] = defaultdict(set)
    acronyms: dict[str, tuple[str, str]] = {}
    items: list[tuple[int, str, str]] = []
    references: dict[str, None] = {}
    for fact in facts:
        if fact.kind in PREDICATE_KINDS:
            predicate = predicates[fact.key] = blanked_stem(fact)
            values[predicate].add(value_key(fact.answer))
        slots[fact.slot].add(value_key(fact.answer))
        if fact.kind == "number" and fact.value is not None and fact.high is None:
            siblings = numbers[(fact.sentence.section, folded(fact.unit))]
            if fact.value not in siblings and len(siblings) < SIBLINGS:
                siblings.append(fact.value)
        elif fact.kind == "person":
            known = titles_by_person[fact.answer]
            known_folded = {folded(title) for title in known}
            known.extend(title for title in fact.titles if folded(title) not in known_folded)
            for title in fact.titles:
                holders[folded(title)].add(folded(fact.answer))
        elif fact.kind == "acronym":
            acronyms.setdefault(folded(fact.answer), (fact.answer, fact.expansion))
        elif fact.kind in ("list", "target"):
            items.extend((fact.start, fact.key, item) for item in fact.items)
        elif fact.kind == "reference":
            references.setdefault(fact.answer)
    shipped = [pair for pair in lexicon().acronyms if folded(pair[0]) not in acronyms]
    all_titles: dict[str, str] = {}
    for person_titles in titles_by_person.values():
        for title in person_titles:
            all_titles.setdefault(folded(title), title)
    return Pools(
        numbers_by_section_unit=dict(numbers),
        titles_by_person=dict(titles_by_person),
        holders_by_title=dict(holders),
        persons=list(titles_by_person),
        folded_persons=frozenset(folded(person) for person in titles_by_person),
        titles=list(all_titles.values()),
        acronyms=list(acronyms.values()) + shipped,
        document_acronyms=len(acronyms),
        list_items=sorted(items),
        references=list(references),
        values_by_predicate=dict(values),
        predicate_by_fact=predicates,
        values_by_slot=dict(slots),
    )


def is_true_title(candidate: str, true_titles: list[str]) -> bool:
    """A title the person really holds, also when written shorter or longer ("Bí thư Tỉnh ủy Quảng Ninh")."""
    candidate_folded = folded(candidate)
    return any(
        candidate_folded.startswith(folded(title)) or folded(title).startswith(candidate_folded)
        for title in true_titles
    )


@lru_cache(maxsize=1 << 18)
def _words(text: str) -> frozenset[str]:
    return frozenset(folded(text).split())


def overlap(first: str, second: str) -> float:
    """Share of the shorter text's folded words found in the other (near-duplicate items)."""
    first_words, second_words = _words(first), _words(second)
    if not first_words or not second_words:
        return 0.0
    return len(first_words & second_words) / min(len(first_words), len(second_words))
