"""Questions on a document's structure: how many, which is (not) one of them, the n-th one, which part, matching."""

from __future__ import annotations

from quiz.facts.model import Fact, folded
from quiz.facts.structure import heading_words
from quiz.questions.context import BuildContext, similar_length
from quiz.questions.model import GeneratedQuestion
from quiz.questions.pools import overlap
from quiz.questions.structure_options import (
    MAX_OVERLAP,
    StructureGroup,
    capitalise,
    countable,
    document_noun,
    fit,
    item_text,
    key_option,
    member_phrase,
    nearest_groups,
    of_document,
    other_items,
    own_items,
    structure_groups,
)

_ORDINAL_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
# A "which part" stem quotes the item; past this many words it is too long to read as a question.
QUOTED_ITEM_WORDS = 22
MATCHING_PAIRS = 4
PARTS_PER_GROUP = 2
TELLING_WORDS = 12
# A false statement borrows an item from one of the nearest unrelated groups.
NEAREST_GROUPS = 3
NEAREST_LIMIT = 12


def structure_questions(facts: list[Fact], context: BuildContext) -> list[GeneratedQuestion]:
    """Every structure question of the document (over-generated; the linter and scoring choose)."""
    groups = structure_groups(facts)
    if not groups:
        return []
    repeated = _repeated_labels(groups)
    # The document's parts ("III- NHIỆM VỤ, GIẢI PHÁP") are parts too, as "which part" options.
    parts = list(dict.fromkeys(heading_words(group.path.split(" › ")[0]) for group in groups))
    found: list[GeneratedQuestion] = []
    starts = [group.facts[0].start for group in groups]
    for group in groups:
        opening = _opening(group, repeated)
        if not group.assessment:
            found.extend(_count(group, opening, context))
        if group.subparts:
            # "Mục tiêu tổng quát", "Mục tiêu cụ thể": sub-headings are counted, not asked as statements.
            continue
        # Options come from the nearest unrelated groups: related, and cheap on a long document.
        near = nearest_groups(group, groups, NEAREST_LIMIT, starts)
        found.extend(_membership(group, near, opening, context))
        for fact in group.facts:
            found.extend(_order(group, fact, near, context))
            found.extend(_statement(group, fact, near, opening, context))
        # "Which part" reads alike for every item: a few per group, the most telling items.
        for fact in sorted(group.facts, key=lambda fact: _telling(group, fact))[:PARTS_PER_GROUP]:
            found.extend(_which_part(group, fact, near, parts, repeated, context))
    found.extend(_matching(groups, repeated, context))
    return found


def _telling(group: StructureGroup, fact: Fact) -> tuple[float, int]:
    """Lower is better: an item of a dozen words that shares no word with its part's name (which would give the
    part away), earlier items first on a tie."""
    words = len(fact.answer.split())
    return (abs(words - TELLING_WORDS) / TELLING_WORDS + 2 * overlap(fact.answer, group.label), int(fact.value or 0))


def _repeated_labels(groups: list[StructureGroup]) -> set[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for group in groups:
        label = folded(group.label)
        (repeated if label in seen else seen).add(label)
    return repeated


def _opening(group: StructureGroup, repeated: set[str]) -> str:
    """The section is named first when the label alone does not identify the group ("các nội dung sau")."""
    if folded(group.label) in repeated and not group.generic:
        return f"Ở mục “{group.section_title}”, "
    return ""


def _sentence(opening: str, rest: str) -> str:
    return capitalise(opening + rest) if not opening else opening + rest


def _count(group: StructureGroup, opening: str, context: BuildContext) -> list[GeneratedQuestion]:
    fact = group.head or group.facts[0]
    count = len(group.facts)
    noun = document_noun(fact)
    label = group.label
    if group.generic:
        prompt = f"Mục “{group.section_title}” {of_document(fact)} nêu bao nhiêu nội dung?"
    elif countable(label) and not group.subparts:
        prompt = _sentence(opening, f"{noun} nêu bao nhiêu {label}?")
    else:
        prompt = _sentence(opening, f"phần “{capitalise(label)}” {of_document(fact)} gồm bao nhiêu nội dung?")
    # Wrong counts on both sides of the true one, sorted ascending like every numeric option list.
    wrong = [value for value in (count - 1, count + 1, count + 2, count - 2) if value >= 1][:3]
    options = sorted([count, *wrong])
    choices = [str(value) for value in options]
    return [context.make(fact, "single:count", prompt, str(count), choices, [options.index(count)])]


def _membership(
    group: StructureGroup, groups: list[StructureGroup], opening: str, context: BuildContext
) -> list[GeneratedQuestion]:
    """One of them (single), NOT one of them (single, options from a sibling group), which of them (multi)."""
    facts = list(group.facts)
    rng = context.rng(facts[0], "structure-member")
    rng.shuffle(facts)
    questions: list[GeneratedQuestion] = []
    suffix = of_document(facts[0])
    key_fact = facts[0]
    key = key_option(key_fact)
    wrong = other_items(group, groups, len(key))
    prompt = _sentence(opening, f"nội dung nào sau đây {member_phrase(group, True)} {suffix}?")
    single = context.single(key_fact, "single:member", prompt, key, wrong)
    if single:
        questions.append(single)
    if len(facts) >= 3:
        outsider_fact = group.head or facts[1 % len(facts)]
        members = own_items(group, 70)
        outsiders = other_items(group, groups, 70)
        if len(members) >= 3 and outsiders:
            phrase_not = member_phrase(group, False).replace("thuộc", "KHÔNG thuộc", 1)
            not_prompt = _sentence(opening, f"nội dung nào sau đây {phrase_not} {suffix}?")
            found = context.single(outsider_fact, "single:not", not_prompt, outsiders[0], members[:3])
            if found:
                questions.append(found)
        if len(members) >= 2 and len(outsiders) >= 2:
            multi_fact = facts[2 % len(facts)]
            chosen, extra = members[:2], outsiders[:2]
            options = [*chosen, *extra]
            rng.shuffle(options)
            correct = sorted(options.index(option) for option in chosen)
            multi_prompt = _sentence(opening, f"những nội dung nào sau đây {member_phrase(group, False)} {suffix}?")
            key_text = "; ".join(chosen)
            questions.append(context.make(multi_fact, "multi:member", multi_prompt, key_text, options, correct))
    return questions


def _order(
    group: StructureGroup, fact: Fact, groups: list[StructureGroup], context: BuildContext
) -> list[GeneratedQuestion]:
    """ "Nhiệm vụ, giải pháp thứ ba là nội dung nào?" only where the text numbers the items."""
    position = int(fact.value or 0)
    if not group.numbered or len(group.facts) < 3 or group.generic:
        return []
    ordinal = _ORDINAL_WORDS[position - 1] if position <= len(_ORDINAL_WORDS) else str(position)
    key = key_option(fact)
    wrong = own_items(group, len(key), leave_out=fact) + other_items(group, groups, len(key))
    noun = document_noun(fact)
    prompt = f"Theo {noun}, {group.label} thứ {ordinal} là nội dung nào?"
    if not countable(group.label):
        # A part's title ("Tổ chức thực hiện") is no plural noun: its numbered items are its "mục".
        prompt = f"Theo {noun}, mục thứ {ordinal} của phần “{capitalise(group.label)}” là nội dung nào?"
    found = context.single(fact, "single:order", prompt, key, wrong)
    return [found] if found else []


def _which_part(
    group: StructureGroup,
    fact: Fact,
    groups: list[StructureGroup],
    parts: list[str],
    repeated: set[str],
    context: BuildContext,
) -> list[GeneratedQuestion]:
    """ "Nội dung “…” thuộc phần nào của Nghị quyết?" with the labels of unrelated groups as wrong options."""
    if not group.heading_led or group.generic or folded(group.label) in repeated:
        return []
    if len(fact.answer.split()) > QUOTED_ITEM_WORDS:
        return []
    key = capitalise(group.label)
    labels = [other.label for other in groups if other.heading_led and not (other.related(group) or other.generic)]
    # The parts the item lies in are no wrong options.
    own_path = {folded(heading_words(title)) for title in group.path.split(" › ")}
    labels += parts
    wrong: list[str] = []
    for label in labels:
        option = capitalise(label)
        taken = {folded(existing) for existing in [key, *wrong]} | own_path | repeated
        if similar_length(option, len(key)) and folded(option) not in taken:
            wrong.append(option)
    quoted = f"“{capitalise(fact.answer)}”"
    noun = document_noun(fact)
    forms = (
        f"Nội dung {quoted} thuộc phần nào {of_document(fact)}?",
        f"Trong {noun}, {quoted} được nêu ở phần nào?",
        f"{quoted} là nội dung của phần nào trong {noun}?",
    )
    prompt = forms[context.rng(fact, "part-form").randrange(len(forms))] if noun != "văn bản" else forms[0]
    found = context.single(fact, "single:part", prompt, key, wrong)
    return [found] if found else []


def _statement(
    group: StructureGroup,
    fact: Fact,
    groups: list[StructureGroup],
    opening: str,
    context: BuildContext,
) -> list[GeneratedQuestion]:
    """True: the item is one of the group's; false: an item of an unrelated group put in its place."""
    if len(fact.answer.split()) > QUOTED_ITEM_WORDS:
        return []
    suffix = of_document(fact)
    true_text = _sentence(opening, f"“{capitalise(fact.answer)}” {member_phrase(group, True)} {suffix}.")
    outsiders = [
        other.answer
        for other_group in nearest_groups(group, groups, NEAREST_GROUPS)
        for other in other_group.facts
        if len(other.answer.split()) <= QUOTED_ITEM_WORDS and overlap(other.answer, fact.answer) <= MAX_OVERLAP
    ]
    rng = context.rng(fact, "structure-statement")
    false_text = None
    if outsiders:
        outsider = outsiders[rng.randrange(len(outsiders))]
        false_text = _sentence(opening, f"“{capitalise(outsider)}” {member_phrase(group, True)} {suffix}.")
    return [context.true_false(fact, fact.answer, true_text, false_text)]


def _matching(groups: list[StructureGroup], repeated: set[str], context: BuildContext) -> list[GeneratedQuestion]:
    """Match an item to its group, over groups none of which contains another."""
    chosen: list[StructureGroup] = []
    for group in groups:
        if group.generic or group.assessment or folded(group.label) in repeated:
            continue
        if any(group.related(other) for other in chosen):
            continue
        chosen.append(group)
        if len(chosen) == MATCHING_PAIRS:
            break
    if len(chosen) < 3:
        return []
    fact = chosen[0].facts[0]
    rng = context.rng(fact, "matching:structure")
    pairs: list[tuple[str, str]] = []
    for group in chosen:
        member = group.facts[rng.randrange(len(group.facts))]
        left = fit(item_text(member), min(len(member.answer), 80)) or key_option(member)
        pairs.append((left, capitalise(group.label)))
    rights = [right for _, right in pairs]
    rng.shuffle(rights)
    prompt = f"Ghép mỗi nội dung với phần {of_document(fact)} có nội dung ấy."
    key = "; ".join(f"{left} → {right}" for left, right in pairs)
    return [context.make(fact, "matching:structure", prompt, key, rights, pairs=pairs)]
