"""Which horizon a target belongs to ("Chỉ tiêu “…” thuộc mục tiêu đến năm nào?"), the document's own years."""

from __future__ import annotations

import re

from quiz.api.bank import TRUE_FALSE
from quiz.facts.model import Fact, folded
from quiz.questions.context import BuildContext
from quiz.questions.model import GeneratedQuestion

_HORIZON = re.compile(r"(?<!\w)(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<year>\d{4})(?!\d)", re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CLAUSE_END = re.compile(r"[;]|\.(?:\s|$)")
_LEADING = re.compile(r"[\s,:\-–]+")
# A quoted target must read as one: a few words at least, a line at most.
SHORTEST_TARGET_WORDS = 5
LONGEST_TARGET_WORDS = 22
OPTIONS = 4
# A horizon keys at most this many questions: fifteen indicators of one five-year plan make one lesson.
PER_HORIZON = 2
SUBJECT_WORDS = 3


def horizon_questions(facts: list[Fact], context: BuildContext) -> list[GeneratedQuestion]:
    """Questions on target clauses that hold a figure, where the document names two horizons or more; a few
    per horizon, those whose subject also has a target for another horizon first (the informative ones)."""
    horizons = _document_horizons(facts)
    if len(horizons) < 2:
        return []
    found: dict[tuple[int, int], tuple[Fact, str]] = {}
    for fact in facts:
        year = _horizon_of(fact) if fact.kind == "number" else None
        target = _target_clause(fact) if year in horizons else None
        if year is not None and target is not None:
            found.setdefault((fact.sentence.start + target[0], fact.sentence.start + target[1]), (fact, year))
    years_by_subject: dict[str, set[str]] = {}
    for (start, _), (fact, year) in found.items():
        years_by_subject.setdefault(_subject(fact, start), set()).add(year)
    ranked = sorted(found.items(), key=lambda entry: -len(years_by_subject[_subject(entry[1][0], entry[0][0])]))
    per_year: dict[str, int] = {}
    questions: list[GeneratedQuestion] = []
    for (start, end), (fact, year) in ranked:
        if per_year.get(year, 0) >= PER_HORIZON:
            continue
        per_year[year] = per_year.get(year, 0) + 1
        target = (start - fact.sentence.start, end - fact.sentence.start)
        questions.append(_question(fact, target, year, horizons, context))
    return questions


def _subject(fact: Fact, start: int) -> str:
    """The first words of a target clause ("quy mô kinh tế số"): one subject may have a target per horizon."""
    return " ".join(folded(fact.sentence.text[start - fact.sentence.start :]).split()[:SUBJECT_WORDS])


def _document_horizons(facts: list[Fact]) -> list[str]:
    """The years the document sets targets for ("đến năm 2025", "tầm nhìn đến năm 2045"), ascending."""
    years: set[str] = set()
    sentences = {fact.sentence.start: fact.sentence for fact in facts}.values()
    for sentence in sentences:
        for text in (sentence.text, sentence.lead_in, *sentence.section_path):
            years.update(found.group("year") for found in _HORIZON.finditer(text))
    return sorted(years)


def _horizon_of(fact: Fact) -> str | None:
    """The nearest horizon before the figure in its sentence, else in its lead-in, else in its headings."""
    before = list(_HORIZON.finditer(fact.sentence.text, 0, fact.relative_start))
    if before:
        return before[-1].group("year")
    for text in (fact.sentence.lead_in, *reversed(fact.sentence.section_path)):
        found = list(_HORIZON.finditer(text))
        if found:
            return found[-1].group("year")
    return None


def _target_clause(fact: Fact) -> tuple[int, int] | None:
    """Offsets (in the sentence) of the clause holding the figure, without its horizon; None when the clause
    names a year itself (a giveaway, or a second date that would confuse) or is too short or long to quote."""
    text = fact.sentence.text
    start = max(text.rfind(";", 0, fact.relative_start) + 1, text.rfind(": ", 0, fact.relative_start) + 1)
    horizons = list(_HORIZON.finditer(text, start, fact.relative_start))
    if horizons:
        start = horizons[-1].end()
    leading = _LEADING.match(text, start)
    start = leading.end() if leading else start
    stop = _CLAUSE_END.search(text, fact.relative_end)
    end = stop.start() if stop else len(text.rstrip(" ."))
    clause = text[start:end]
    words = len(clause.split())
    if _ANY_YEAR.search(clause) or ":" in clause or not SHORTEST_TARGET_WORDS <= words <= LONGEST_TARGET_WORDS:
        return None
    return start, end


def _question(
    fact: Fact, target: tuple[int, int], year: str, horizons: list[str], context: BuildContext
) -> GeneratedQuestion:
    start, end = target
    clause = fact.sentence.text[start:end]
    # The question's fact is the target clause itself: its answer is the quoted text, its key the year.
    own = Fact("horizon", clause, fact.sentence.start + start, fact.sentence.start + end, fact.sentence)
    quoted = f"“{clause[:1].upper()}{clause[1:]}”"
    if len(horizons) == 2:
        other = next(value for value in horizons if value != year)
        rng = context.rng(own, "truefalse")
        shown, correct = (year, 0) if rng.random() < 0.5 else (other, 1)
        prompt = f"Chỉ tiêu {quoted} thuộc mục tiêu đến năm {shown}."
        return context.make(own, "truefalse", prompt, year, list(TRUE_FALSE), [correct])
    options = _nearest(horizons, year)
    prompt = f"Chỉ tiêu {quoted} thuộc mục tiêu đến năm nào?"
    return context.make(own, "single:horizon", prompt, year, options, [options.index(year)])


def _nearest(horizons: list[str], year: str) -> list[str]:
    """Four years around ``year``, ascending: the document's horizons first, then (three horizons only) a
    five-year step next to one of them, a year the document sets nothing for."""
    years = sorted(horizons, key=lambda value: (abs(int(value) - int(year)), value))[:OPTIONS]
    steps = [str(int(value) + step) for value in horizons for step in (5, -5)]
    years += sorted(
        (value for value in steps if value not in horizons),
        key=lambda value: (abs(int(value) - int(year)), value),
    )[: OPTIONS - len(years)]
    return sorted(years, key=folded)
