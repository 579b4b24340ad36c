"""Questions on lists and targets: "which is one of the N …" (single) and "which belong to …" (multi)."""

from __future__ import annotations

import re

from quiz.facts.model import Fact
from quiz.questions.context import BuildContext, similar_length
from quiz.questions.model import GeneratedQuestion
from quiz.questions.pools import overlap
from quiz.questions.stems import capitalise, finish

# Items sharing more than this share of words with a true item are near-duplicates, not wrong options.
MAX_OVERLAP = 0.5
MAX_ITEM_CHARACTERS = 220
# Enough wrong options to choose from; looking further only costs time on long documents.
CANDIDATES = 8
SCAN_LIMIT = 120
# "… đề ra các giải pháp:" names what the items are.
_NAMED_GROUP = re.compile(r"(?:các|những)\s+([^\s,;:]+(?:\s+[^\s,;:]+)?)\s*$")


def _option(text: str) -> str:
    return capitalise(text.strip().rstrip(" .;,"))


def _noun(fact: Fact) -> str:
    """The listed noun after the count: "4 nhiệm vụ giải pháp cụ thể" → "nhiệm vụ giải pháp cụ thể"."""
    found = re.search(rf"(?<![\w.,]){fact.count}\s+(.+)$", fact.lead) if fact.count else None
    if found is None:
        found = re.search(r"(?<![\w.,])(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(.+)$", fact.lead, re.IGNORECASE)
    return found.group(1).strip() if found else ""


def _prompt(fact: Fact, question: str) -> str:
    lead = fact.lead.strip()
    noun = _noun(fact)
    if fact.sentence.text.startswith(lead) and lead:
        return f"{finish(lead, ':')} … {question}"
    if noun:
        return f"Theo văn bản, {question[:1].lower()}{question[1:]}"
    return ""


def _wrong_items(fact: Fact, context: BuildContext, reference: float) -> list[str]:
    """Items of the nearest other lists, of a similar length and not near-duplicates of a true item."""
    candidates: list[str] = []
    for looked, (source, item) in enumerate(context.pools.nearest_items(fact.start)):
        if len(candidates) >= CANDIDATES or looked >= SCAN_LIMIT:
            break
        if source == fact.key or len(item) > MAX_ITEM_CHARACTERS or not similar_length(item, reference):
            continue
        if any(overlap(item, own) > MAX_OVERLAP for own in fact.items) or _option(item) in candidates:
            continue
        candidates.append(_option(item))
    context.rng(fact, "items").shuffle(candidates)
    return candidates


def list_questions(fact: Fact, context: BuildContext) -> list[GeneratedQuestion]:
    items = [item for item in fact.items if len(item) <= MAX_ITEM_CHARACTERS]
    if len(fact.items) < 2 or not items:
        return []
    noun = _noun(fact)
    counted = f"{fact.count} {noun}" if fact.count and noun else ""
    named = _NAMED_GROUP.search(fact.lead)
    group = f"{counted} đó" if counted else (f"các {named.group(1)} đó" if named else "các ý được nêu tiếp theo")
    one_of = f"Nội dung nào sau đây là một trong {group}?"
    if not fact.sentence.text.startswith(fact.lead) and counted:
        one_of = f"Nội dung nào sau đây là một trong {counted} được nêu trong văn bản?"
    prompt = _prompt(fact, one_of)
    if not prompt:
        return []
    questions: list[GeneratedQuestion] = []
    # The key is the item with the most wrong options of a similar length.
    ranked = sorted(items, key=lambda item: -len(_wrong_items(fact, context, len(item))))
    key = _option(ranked[0])
    found = context.single(fact, "single:item", prompt, key, _wrong_items(fact, context, len(key)))
    if found:
        questions.append(found)
    if len(items) >= 3:
        rng = context.rng(fact, "multi")
        chosen = sorted(rng.sample(items, 2), key=items.index)
        mean = sum(len(item) for item in chosen) / 2
        wrong = [
            item for item in _wrong_items(fact, context, mean) if all(similar_length(item, len(c)) for c in chosen)
        ]
        if len(wrong) >= 2:
            options = [_option(item) for item in chosen] + wrong[:2]
            rng.shuffle(options)
            correct = sorted(options.index(_option(item)) for item in chosen)
            question = "Những nội dung nào sau đây thuộc các ý được nêu?"
            if counted:
                question = f"Những nội dung nào sau đây thuộc {counted} đó?"
            multi_prompt = _prompt(fact, question) or f"Theo văn bản, {question[:1].lower()}{question[1:]}"
            key_text = "; ".join(_option(item) for item in chosen)
            questions.append(context.make(fact, "multi:items", multi_prompt, key_text, options, correct))
    return questions
