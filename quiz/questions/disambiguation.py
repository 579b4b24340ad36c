"""Stems that identify one fact: the heading's context where a predicate has other values, and the document."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from quiz.facts.model import Fact, folded
from quiz.questions.model import GeneratedQuestion
from quiz.questions.pools import PREDICATE_KINDS, Pools, value_key

_TIME_PHRASE = re.compile(
    r"(?<!\w)(?:(?:tầm nhìn|định hướng)\s+)?(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}"
    r"|(?<!\w)giai đoạn\s+\d{4}\s*[-–—]\s*\d{4}|(?<!\w)năm\s+\d{4}",
    re.IGNORECASE,
)
_MARKER = re.compile(r"^\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-–—:]\s*", re.IGNORECASE)
_DOCUMENT_TYPES = (
    "nghi quyet", "chi thi", "ket luan", "ke hoach", "quyet dinh", "chuong trinh", "de an", "huong dan",
    "quy dinh", "thong bao", "de cuong",
)  # fmt: skip
_NAMES_DOCUMENT = re.compile(r"^theo |(?<!\w)(?:van ban|bai viet|" + "|".join(_DOCUMENT_TYPES) + r")(?!\w)")
_HEADER_LINES = 12
# "… số 57-NQ/TW", "… 12-CT/TU": the line names this document by its number.
_NUMBERED = re.compile(r"^\s+(?:so\s+)?\d+[-/]")
# First words that keep their capital after a prefix ("Đảng bộ …", "Nhân dân …"): proper nouns in Party texts.
_PROPER_FIRST_WORDS = frozenset(["Đảng", "Nhà", "Nhân", "Bác", "Chính", "Quốc", "Mặt", "Trung", "Bộ", "Ban"])
_TITLE_WORDS = 10
_WORDS = re.compile(r"\w+")


def document_label(text: str) -> str:
    """How stems name the document: its type from the header ("NGHỊ QUYẾT", or a first line "Nghị quyết số
    57-NQ/TW …"), else "văn bản" (a news page about a resolution is not the resolution)."""
    for line in text.split("\n", _HEADER_LINES)[:_HEADER_LINES]:
        line_folded = folded(line.strip(" :."))
        for kind in _DOCUMENT_TYPES:
            opens = line_folded == kind or line_folded.startswith(kind + " ")
            if opens and (line.isupper() or _NUMBERED.match(line_folded[len(kind) :])):
                return line.strip()[: len(kind)].capitalize()
    return "văn bản"


def _context_candidates(fact: Fact) -> list[str]:
    """Phrases that place the fact: time phrases of its lead-in, then each heading (deepest first)."""
    candidates = [found.group() for found in _TIME_PHRASE.finditer(fact.sentence.lead_in)]
    for title in reversed(fact.sentence.section_path):
        times = [found.group() for found in _TIME_PHRASE.finditer(title)]
        words = _MARKER.sub("", title).strip(" :.")
        candidates.extend(times or ([words] if 0 < len(words.split()) <= _TITLE_WORDS else []))
    return candidates


def _prefix(phrase: str) -> str:
    if _TIME_PHRASE.fullmatch(phrase) or folded(phrase).startswith(("ve ", "doi voi ")):
        return phrase[:1].upper() + phrase[1:]
    return f"Ở mục “{phrase[:1].upper() + phrase[1:]}”"


def joined(prefix: str, stem: str) -> str:
    """``prefix`` before ``stem``, whose first letter drops its capital unless it starts a name."""
    words = stem.split(maxsplit=2)
    keeps_capital = (
        not words
        or words[0] in _PROPER_FIRST_WORDS
        or (words[0].isupper() and len(words[0]) > 1)  # an acronym, not a one-letter word such as "Ở"
        or (len(words) > 1 and words[1][:1].isupper())
    )
    return f"{prefix}, {stem if keeps_capital else stem[:1].lower() + stem[1:]}"


def context_prefixes(facts: list[Fact], pools: Pools) -> dict[str, str | None]:
    """Fact key → the context its stems need; None: no context separates it (its questions are dropped).

    Two groups need context: facts whose stems read the same with different values (dropped when no heading
    separates them), and facts whose answer sits in the same words with different values, though the rest of
    the sentence differs ("Quy mô kinh tế số đạt tối thiểu 30 % GDP" for 2030 and "Việt Nam có quy mô kinh tế
    số đạt tối thiểu 50 % GDP" for 2045): a member reads those as one question, so they get their heading too.
    """
    same_stem: dict[str, list[Fact]] = defaultdict(list)
    same_slot: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        stem = pools.predicate_by_fact.get(fact.key)
        if stem is None:
            continue
        same_stem[stem].append(fact)
        same_slot[_slot(fact)].append(fact)
    prefixes: dict[str, str | None] = {}
    for stem, group in same_stem.items():
        if len({value_key(fact.answer) for fact in group}) > 1:
            prefixes.update(_separating(group, stem))
    for group in same_slot.values():
        if len({value_key(fact.answer) for fact in group}) > 1:
            found = _separating(group, "")
            prefixes.update({key: phrase for key, phrase in found.items() if key not in prefixes and phrase})
    return prefixes


def _slot(fact: Fact) -> str:
    """The words around the answer: kind, unit, three words before and the word after its unit."""
    text = folded(fact.sentence.text)
    tail = (fact.tail_end or fact.end) - fact.sentence.start
    before = _WORDS.findall(text[: fact.relative_start])[-3:]
    after = _WORDS.findall(text[tail:])[:1]
    return "|".join((fact.kind, folded(fact.unit or fact.head), " ".join(before), " ".join(after)))


def _separating(group: list[Fact], stem: str) -> dict[str, str | None]:
    """For each fact of ``group``, the first context phrase no fact with another value shares."""
    candidates = {fact.key: _context_candidates(fact) for fact in group}
    phrases_by_value: dict[str, set[str]] = defaultdict(set)
    for fact in group:
        phrases_by_value[value_key(fact.answer)].update(folded(phrase) for phrase in candidates[fact.key])
    found: dict[str, str | None] = {}
    for fact in group:
        value = value_key(fact.answer)
        taken = set().union(*(phrases for other, phrases in phrases_by_value.items() if other != value))
        found[fact.key] = next(
            (
                _prefix(phrase)
                for phrase in candidates[fact.key]
                if folded(phrase) not in taken
                and not (stem and folded(phrase) in stem)
                and folded(phrase) not in folded(fact.sentence.text)
            ),
            None,
        )
    return found


def with_context(
    questions: list[GeneratedQuestion], facts: list[Fact], pools: Pools, label: str
) -> list[GeneratedQuestion]:
    """Scalar questions with the context that makes their stem unique (or dropped) and the document named."""
    prefixes = context_prefixes(facts, pools)
    result: list[GeneratedQuestion] = []
    for question in questions:
        fact = question.fact
        if fact.kind not in PREDICATE_KINDS and fact.kind != "horizon":
            result.append(question)
            continue
        prompt, added = question.prompt, False
        if fact.key in prefixes:
            context = prefixes[fact.key]
            if context is None:
                continue
            prompt, added = joined(context, prompt), True
        if not _NAMES_DOCUMENT.search(folded(prompt)):
            prompt = joined(f"Theo {label}", prompt)
        result.append(replace(question, prompt=prompt, context_added=added) if prompt != question.prompt else question)
    return result


def ambiguous_stems(questions: list[GeneratedQuestion]) -> int:
    """Choice and cloze stems that read the same (folded) but are keyed to different values."""
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for question in questions:
        if question.type in ("single", "cloze"):
            keys[(question.type, folded(question.prompt))].add(value_key(question.key))
    return sum(1 for values in keys.values() if len(values) > 1)
