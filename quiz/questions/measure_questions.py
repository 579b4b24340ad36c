"""Which task a measure serves ("Nội dung “…” thuộc nhiệm vụ, giải pháp nào?"), the group's own items as options."""

from __future__ import annotations

from quiz.facts.model import Fact, folded
from quiz.questions.context import BuildContext, similar_length
from quiz.questions.model import GeneratedQuestion
from quiz.questions.structure_options import capitalise, countable, fit

OPTIONS = 4
SHORTEST_ITEM_WORDS = 3


def measure_questions(facts: list[Fact], context: BuildContext) -> list[GeneratedQuestion]:
    """One question per measure; the wrong options are the other items of its group, cut to the key's length."""
    found: list[GeneratedQuestion] = []
    for fact in facts:
        own = fact.count or 0
        if fact.kind != "measure" or not 0 < own <= len(fact.items) or not countable(fact.subject):
            # Only tasks, solutions, programmes … have measures; "Quyết nghị" I–VII are decisions, not tasks.
            continue
        if any(len(item.split()) < SHORTEST_ITEM_WORDS for item in fact.items):
            # "Chương trình 1", "Chương trình 2": options a member can only tell apart by their numbers.
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
        prompt = f"Theo {noun}, nội dung “{capitalise(fact.answer)}” thuộc {fact.subject} nào sau đây?"
        question = context.single(fact, "single:measure", prompt, key, wrong)
        if question is not None:
            found.append(question)
    return found


def _position(fact: Fact, option: str) -> int:
    """Position of the item an option was cut from (options keep their item's opening words)."""
    start = folded(option)[:12]
    return next((index for index, item in enumerate(fact.items, start=1) if folded(item).startswith(start)), 0)
