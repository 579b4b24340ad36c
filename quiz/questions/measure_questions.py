"""Which task a measure serves ("Nội dung “…” thuộc nhiệm vụ, giải pháp nào?"), the group's own items as options."""

from __future__ import annotations

from quiz.facts.model import Fact, folded
from quiz.questions.context import BuildContext, similar_length
from quiz.questions.model import GeneratedQuestion
from quiz.questions.structure_options import capitalise, countable, fit

OPTIONS = 4


def measure_questions(facts: list[Fact], context: BuildContext) -> list[GeneratedQuestion]:
    """One question per measure; the wrong options are the other items of its group, cut to the key's length."""
    found: list[GeneratedQuestion] = []
    for fact in facts:
        own = fact.count or 0
        if fact.kind != "measure" or not 0 < own <= len(fact.items):
            continue
        key = capitalise(fact.items[own - 1])
        wrong: list[str] = []
        for position, item in enumerate(fact.items, start=1):
            option = item if similar_length(item, len(key)) else fit(item, len(key))
            if position != own and option and folded(option) not in {folded(text) for text in wrong}:
                wrong.append(capitalise(option))
        if len(wrong) < OPTIONS - 1:
            continue
        # The nearest items first: neighbouring tasks are the ones a member confuses.
        wrong.sort(key=lambda option: abs(_position(fact, option) - own))
        noun = dict(fact.extra).get("document", "văn bản")
        label = fact.subject if countable(fact.subject) else "mục"
        prompt = f"Theo {noun}, nội dung “{capitalise(fact.answer)}” thuộc {label} nào sau đây?"
        question = context.single(fact, "single:measure", prompt, key, wrong)
        if question is not None:
            found.append(question)
    return found


def _position(fact: Fact, option: str) -> int:
    """Position of the item an option was cut from (options keep their item's opening words)."""
    start = folded(option)[:12]
    return next((index for index, item in enumerate(fact.items, start=1) if folded(item).startswith(start)), 0)
