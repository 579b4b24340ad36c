"""Questions on persons (who holds a title, which titles a person holds) and acronyms, and matching items."""

from __future__ import annotations

import random
import re

from quiz.facts.lexicon import COMMON_SURNAMES, lexicon
from quiz.facts.model import Fact, folded
from quiz.questions.context import BuildContext, similar_length, unique_options
from quiz.questions.model import BLANK, GeneratedQuestion
from quiz.questions.pools import is_true_title

# Wrong names come from the first persons of the document, then invented ones.
PERSON_POOL = 12
TITLE_POOL = 24
MATCHING_PAIRS = 5
_PARTY_HEADS = ("Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực", "Ủy viên Ban Thường vụ")
_STATE_HEADS = ("Chủ tịch", "Phó Chủ tịch")
_SWAPPED_BODIES = (("HĐND", "UBND"), ("UBND", "HĐND"), ("Hội đồng nhân dân", "Ủy ban nhân dân"))


def _invented_names(key: str, avoid: frozenset[str], rng: random.Random) -> list[str]:
    """Plausible names from the shipped lists (women keep "Thị"), never a name of the document."""
    words = lexicon()
    middle = ["Thị"] if " Thị " in f" {key} " else list(words.middle_names)
    names: list[str] = []
    surnames = sorted(COMMON_SURNAMES)
    for _ in range(40):
        name = f"{rng.choice(surnames)} {rng.choice(middle)} {rng.choice(words.given_names)}"
        if folded(name) not in avoid and name not in names and similar_length(name, len(key)):
            names.append(name)
    return names


def _title_organisation(title: str) -> str:
    head = lexicon().title_pattern.match(title)
    return title[head.end() :].strip() if head else ""


def _sibling_titles(title: str) -> list[str]:
    """Other posts of the same or a neighbouring body: Party committees have secretaries, councils chairs."""
    organisation = _title_organisation(title)
    if not organisation:
        return []
    party_body = re.search(r"(?<!\w)(?:uy|dang uy|chi bo)(?!\w)", folded(organisation))
    heads = _PARTY_HEADS if party_body else _STATE_HEADS
    titles = [f"{head} {organisation}" for head in heads]
    for first, second in _SWAPPED_BODIES:
        if first in organisation:
            titles += [f"{head} {organisation.replace(first, second)}" for head in _STATE_HEADS]
    return titles


def _wrong_titles(person: str, context: BuildContext, rng: random.Random) -> list[str]:
    true_titles = context.pools.titles_by_person.get(person, [])
    candidates = [title for title in context.pools.titles[:TITLE_POOL] if not is_true_title(title, true_titles)]
    for title in true_titles:
        candidates += _sibling_titles(title)
    rng.shuffle(candidates)
    return [title for title in unique_options("", candidates) if not is_true_title(title, true_titles)]


def person_questions(fact: Fact, context: BuildContext) -> list[GeneratedQuestion]:
    name, titles = fact.answer, list(fact.titles)
    questions: list[GeneratedQuestion] = []
    rng = context.rng(fact, "person")
    holders = context.pools.holders_by_title
    shared = any(len(holders.get(folded(title), set())) > 1 for title in titles)
    others = [other for other in context.pools.persons[:PERSON_POOL] if folded(other) != folded(name)]
    avoid = context.pools.folded_persons
    joined = ", ".join(titles)
    if not shared:
        wrong_names = [other for other in others if similar_length(other, len(name))]
        wrong_names += _invented_names(name, avoid, rng)
        found = context.single(fact, "single", f"Theo văn bản, ai là {joined}?", name, wrong_names)
        if found:
            questions.append(found)
        cloze = f"Theo văn bản, {joined} là đồng chí {BLANK}."
        questions.append(context.make(fact, "cloze", cloze, name, answers=[name]))
    key_title = rng.choice(titles)
    wrong_titles = [title for title in _wrong_titles(name, context, rng) if similar_length(title, len(key_title))]
    prompt = f"Theo văn bản, đồng chí {name} giữ chức vụ nào sau đây?"
    found = context.single(fact, "single:title", prompt, key_title, wrong_titles)
    if found:
        questions.append(found)
    mean = sum(len(title) for title in titles[:3]) / len(titles[:3])
    wrong_for_multi = [title for title in _wrong_titles(name, context, rng) if similar_length(title, mean)]
    if len(titles) >= 2 and len(wrong_for_multi) >= 2:
        options = [*titles[:3], *wrong_for_multi[:2]]
        rng.shuffle(options)
        correct = sorted(options.index(title) for title in titles[:3])
        prompt = f"Theo văn bản, đồng chí {name} giữ những chức vụ nào sau đây?"
        questions.append(context.make(fact, "multi:titles", prompt, joined, options, correct))
    false_title = wrong_titles[0] if wrong_titles else None
    true_false = context.true_false(
        fact,
        key_title,
        f"Theo văn bản, đồng chí {name} là {key_title}.",
        f"Theo văn bản, đồng chí {name} là {false_title}." if false_title else None,
    )
    questions.append(true_false)
    return questions


def acronym_questions(fact: Fact, context: BuildContext) -> list[GeneratedQuestion]:
    acronym, expansion = fact.answer, fact.expansion
    questions: list[GeneratedQuestion] = []
    rng = context.rng(fact, "acronym")
    others = [pair for pair in context.pools.acronyms if folded(pair[0]) != folded(acronym)]
    wrong_expansions = [exp for _, exp in others if similar_length(exp, len(expansion))]
    wrong_expansions = [exp for exp in wrong_expansions if folded(exp) != folded(expansion)]
    # Expansions from the same document first, then the shipped list (each group in the seed's order).
    documented = {folded(exp) for _, exp in context.pools.acronyms[: context.pools.document_acronyms]}
    rng.shuffle(wrong_expansions)
    wrong_expansions.sort(key=lambda exp: folded(exp) not in documented)
    found = context.single(
        fact, "single:expansion", f"“{acronym}” là chữ viết tắt của cụm từ nào?", expansion, wrong_expansions
    )
    if found:
        questions.append(found)
    wrong_acronyms = [other for other, exp in others if folded(exp) != folded(expansion)]
    rng.shuffle(wrong_acronyms)
    wrong_acronyms.sort(key=lambda other: abs(len(other) - len(acronym)))
    found = context.single(fact, "single", f"Cụm từ “{expansion}” được viết tắt là gì?", acronym, wrong_acronyms)
    if found:
        questions.append(found)
    cloze = f"Cụm từ “{expansion}” được viết tắt là {BLANK}."
    questions.append(context.make(fact, "cloze", cloze, acronym, answers=[acronym]))
    false_expansion = wrong_expansions[0] if wrong_expansions else None
    true_false = context.true_false(
        fact,
        expansion,
        f"“{acronym}” là chữ viết tắt của “{expansion}”.",
        f"“{acronym}” là chữ viết tắt của “{false_expansion}”." if false_expansion else None,
    )
    questions.append(true_false)
    return questions


def matching_questions(facts: list[Fact], context: BuildContext) -> list[GeneratedQuestion]:
    """One matching item for the document's acronyms and one for its persons (each needs three pairs)."""
    questions: list[GeneratedQuestion] = []
    acronym_pairs: list[tuple[str, str]] = []
    acronym_fact: Fact | None = None
    for fact in facts:
        if len(acronym_pairs) >= MATCHING_PAIRS:
            break
        if fact.kind == "acronym" and folded(fact.answer) not in {folded(left) for left, _ in acronym_pairs}:
            acronym_pairs.append((fact.answer, fact.expansion))
            acronym_fact = acronym_fact or fact
    person_pairs: list[tuple[str, str]] = []
    person_fact: Fact | None = None
    first_mention: dict[str, Fact] = {}
    for fact in facts:
        if fact.kind == "person":
            first_mention.setdefault(fact.answer, fact)
    for name, titles in list(context.pools.titles_by_person.items())[:PERSON_POOL]:
        if titles and folded(titles[0]) not in {folded(right) for _, right in person_pairs}:
            person_pairs.append((name, titles[0]))
            person_fact = person_fact or first_mention[name]
    for source, pairs, prompt in (
        (acronym_fact, acronym_pairs, "Nối mỗi chữ viết tắt với cụm từ đầy đủ của nó."),
        (person_fact, person_pairs, "Nối mỗi đồng chí với chức vụ được nêu trong văn bản."),
    ):
        if source is None or len(pairs) < 3:
            continue
        pairs = pairs[:MATCHING_PAIRS]
        choices = [right for _, right in pairs]
        context.rng(source, "matching").shuffle(choices)
        correct = [choices.index(right) for _, right in pairs]
        questions.append(context.make(source, "matching", prompt, pairs[0][0], choices, correct, pairs=pairs))
    return questions
