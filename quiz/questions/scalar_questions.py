"""Questions on numbers, dates, periods, ordinals and references: single choice, cloze and true/false."""

from __future__ import annotations

import random
import re

from quiz.facts.model import Fact, folded
from quiz.facts.numbers import parse_number
from quiz.questions import distractors, stems
from quiz.questions.context import BuildContext
from quiz.questions.model import BLANK, GeneratedQuestion
from quiz.questions.pools import value_key

_TRONG_DO = re.compile(r"\s*,?\s*trong (?:số )?đó\b", re.IGNORECASE)
_LEADING_DATE = re.compile(r"^(?:Sáng |Chiều |Tối )?([Nn]gày|[Nn]ăm|[Tt]háng)\s+\S+\s*,\s*")


def question_word(fact: Fact) -> str:
    """The in-place question word for the fact's slot."""
    if fact.kind == "number":
        small = fact.value is not None and fact.value == int(fact.value) and fact.value <= 10
        return "mấy" if small and fact.unit != "%" and fact.high is None and fact.target is None else "bao nhiêu"
    if fact.kind == "ordinal":
        return "mấy" if fact.head == "lần thứ" else "nào"
    if fact.kind == "reference":
        return "văn bản nào"
    return "nào"


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
    if fact.kind == "date":
        return distractors.date_options(fact.answer, rng)
    if fact.kind == "reference":
        return distractors.reference_options(fact.answer, context.pools.references, rng)
    return []


def _key(fact: Fact) -> str:
    return fact.answer.split("/")[0].strip() if fact.kind == "number" and fact.target is not None else fact.answer


def _with(fact: Fact, text: str, ending: str) -> str:
    """The stem with ``text`` in the answer's place; a leading "Ngày 28/10," moves to the end."""
    cut = _LEADING_DATE.match(fact.sentence.text)
    if fact.kind == "date" and cut and fact.relative_end <= cut.end():
        start, stop = stems.window(fact)
        rest = fact.sentence.text[max(cut.end(), start) : stop]
        word = f"vào {cut.group(1).lower()} {text}"
        return stems.finish(rest, "") + " " + word + ending
    total = dict(fact.extra).get("total")
    if fact.kind == "number" and fact.subject and total:
        marker = _TRONG_DO.search(fact.sentence.text)
        if marker:
            lead = fact.sentence.text[: marker.start()].rstrip(" ,")
            return stems.finish(f"{lead}, trong đó về {fact.subject} có {text} {fact.unit}", ending)
    if fact.kind == "number" and fact.target is not None:
        unit = fact.unit
        planned = fact.answer.split("/")[1].strip()
        # "12.350/10.000 tỷ đồng" after "đạt" is achieved/planned; "14/17 xã" is a part of a whole.
        planned_word = "kế hoạch" if fact.qualifier.startswith("đạt") or "đồng" in unit else "trên tổng số"
        replacement = f"{text} {unit} ({planned_word} {planned} {unit})"
        return stems.replaced(fact, replacement, fact.tail_end - fact.sentence.start, ending)
    return stems.replaced(fact, text, ending=ending)


def scalar_questions(fact: Fact, context: BuildContext) -> list[GeneratedQuestion]:
    options = options_for(fact, context)
    key = _key(fact)
    if key not in options or len(options) != 4:
        return []
    questions: list[GeneratedQuestion] = []
    wrong = [option for option in options if option != key]
    prompt = _with(fact, question_word(fact), "?")
    questions.append(context.make(fact, "single", prompt, key, options, [options.index(key)]))
    cloze_answers = [key]
    if fact.kind == "ordinal" and not key.isdigit():
        cloze_answers.append(str(int(fact.value or 0)))
    if fact.kind == "reference":
        code = re.search(r"\d+[-/]\S+$", key)
        cloze_answers = [code.group()] if code else [key]
        prompt_cloze = stems.replaced(fact, key[: code.start()] + BLANK if code else BLANK, ending=".")
    else:
        prompt_cloze = _with(fact, BLANK, ".")
    questions.append(context.make(fact, "cloze", prompt_cloze, cloze_answers[0], answers=cloze_answers))
    false_value = context.rng(fact, "false").choice(wrong)
    questions.append(context.true_false(fact, key, _with(fact, key, "."), _with(fact, false_value, ".")))
    return questions
