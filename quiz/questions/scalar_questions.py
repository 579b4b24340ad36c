"""Questions on numbers, dates, periods, ordinals and references: single choice, cloze and true/false."""

from __future__ import annotations

import random
import re

from quiz.facts.model import Fact, folded
from quiz.facts.numbers import bound, parse_number
from quiz.questions import distractors, stems
from quiz.questions.context import BuildContext
from quiz.questions.linter import sort_value
from quiz.questions.model import BLANK, GeneratedQuestion
from quiz.questions.pools import value_key

# "trước ngày 30/9" is also true of 5/10, "từ năm 2021" of 2020: deadlines are ceilings, starts floors.
_DATE_CEILINGS = ("truoc", "cham", "den", "het", "han")
_DATE_FLOORS = ("tu", "sau")


def question_word(fact: Fact) -> str:
    """The in-place question word for the fact's slot."""
    if fact.kind == "number":
        small = fact.value is not None and fact.value == int(fact.value) and fact.value <= 10
        return "mấy" if small and fact.unit != "%" and fact.high is None and fact.target is None else "bao nhiêu"
    if fact.kind == "ordinal":
        return "mấy" if fact.head == "lần thứ" else "nào"
    if fact.kind == "reference":
        return "văn bản nào"
    if is_range(fact):
        return "nào đến ngày nào"
    if fact.kind == "period" and fact.head[:1].isdigit():
        # "Chiến lược 10 năm 2021 - 2030" → "Chiến lược 10 năm giai đoạn nào?"
        return "giai đoạn nào"
    return "nào"


def is_range(fact: Fact) -> bool:
    """A date range ("từ ngày 13/10 đến ngày 15/10"): one fact, asked as a whole."""
    return ("range", "1") in fact.extra


def options_for(fact: Fact, context: BuildContext) -> list[str]:
    """The key and its wrong options, sorted in the slot's natural order."""
    rng = context.rng(fact, "options")
    options = _options(fact, context, rng)
    # Never offer another true value of the same slot ("khóa XX" when asking about "khóa XXI").
    taken = context.pools.values_by_slot.get(fact.slot, set()) - {value_key(_key(fact))}
    return options if not any(value_key(option) in taken for option in options) else []


def _options(fact: Fact, context: BuildContext, rng: random.Random) -> list[str]:
    if fact.kind == "number":
        key = fact.answer.split("/")[0].strip() if fact.target is not None else fact.answer
        total = dict(fact.extra).get("total")
        siblings = [
            value
            for value in context.pools.numbers_by_section_unit.get((fact.sentence.section, folded(fact.unit)), [])
            if total is None or value != parse_number(total)
        ]
        return distractors.number_options(key, siblings, rng, fact.unit == "%")
    if fact.kind == "ordinal":
        return distractors.ordinal_options(fact.answer, rng)
    if fact.kind == "period":
        return distractors.period_options(fact.answer, rng)
    if fact.kind == "date" and is_range(fact):
        return distractors.date_range_options(fact.answer, rng)
    if fact.kind == "date":
        return distractors.date_options(fact.answer, rng)
    if fact.kind == "reference":
        return distractors.reference_options(fact.answer, context.pools.references, rng)
    return []


def _key(fact: Fact) -> str:
    return fact.answer.split("/")[0].strip() if fact.kind == "number" and fact.target is not None else fact.answer


def _date_bound(fact: Fact) -> int:
    first_word = (folded(fact.qualifier).split() or [""])[0]
    return -1 if first_word in _DATE_CEILINGS else 1 if first_word in _DATE_FLOORS else 0


def _false_values(fact: Fact, key: str, wrong: list[str]) -> list[str]:
    """Changed values that make the statement false: a floor ("ít nhất 80 %") only rises (60 % would still be
    true), a ceiling ("dưới 10 %") only falls."""
    direction = bound(fact) if fact.kind == "number" else _date_bound(fact)
    if direction == 0 or fact.high is not None or fact.target is not None or fact.kind not in ("number", "date"):
        return wrong
    value = sort_value(fact.kind, key)
    return [option for option in wrong if (sort_value(fact.kind, option) - value) * direction > 0]


def scalar_questions(fact: Fact, context: BuildContext) -> list[GeneratedQuestion]:
    options = options_for(fact, context)
    key = _key(fact)
    if key not in options or len(options) != 4:
        return []
    questions: list[GeneratedQuestion] = []
    wrong = [option for option in options if option != key]
    prompt = stems.stem_with(fact, question_word(fact), "?")
    questions.append(context.make(fact, "single", prompt, key, options, [options.index(key)]))
    cloze_answers = [key]
    if fact.kind == "ordinal" and not key.isdigit():
        cloze_answers.append(str(int(fact.value or 0)))
    if fact.kind == "reference":
        code = re.search(r"\d+[-/]\S+$", key)
        cloze_answers = [code.group()] if code else [key]
        prompt_cloze = stems.replaced(fact, key[: code.start()] + BLANK if code else BLANK, ending=".")
    else:
        prompt_cloze = stems.stem_with(fact, BLANK, ".")
    if not is_range(fact):  # typing a whole range back is no fair blank
        questions.append(context.make(fact, "cloze", prompt_cloze, cloze_answers[0], answers=cloze_answers))
    # A value the sentence already holds elsewhere would read twice ("… Nghị quyết 29, Nghị quyết 29").
    false_values = [value for value in _false_values(fact, key, wrong) if value not in fact.sentence.text]
    false_text = stems.stem_with(fact, context.rng(fact, "false").choice(false_values), ".") if false_values else None
    questions.append(context.true_false(fact, key, stems.stem_with(fact, key, "."), false_text))
    return questions
