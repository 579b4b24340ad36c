"""What the structure questions share: the document's groups of items and options cut to a common length."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from quiz.facts.model import Fact, folded
from quiz.facts.structure import GENERIC_LABELS, trim_phrase
from quiz.importing.words import FUNCTION_WORDS
from quiz.questions.context import similar_length
from quiz.questions.pools import overlap

# Items sharing more than this share of words are near-duplicates: one cannot be the wrong option of the other.
MAX_OVERLAP = 0.5
# Longer options are cut at a clause or word boundary; a member reads the start of an item, not all of it.
LONGEST_OPTION = 110
# Label nouns a count question can use as they are ("bao nhiêu quan điểm chỉ đạo").
_COUNT_NOUNS = (
    "quan diem", "muc tieu", "nhiem vu", "giai phap", "khau dot pha", "dot pha", "chi tieu", "dinh huong",
    "noi dung", "chuong trinh", "yeu to", "dong luc", "trong tam", "bien phap", "thach thuc", "bai hoc",
    "phuong huong", "nguyen nhan", "han che", "ket qua", "cu hich", "nhom", "linh vuc", "khau", "van de",
    "quan he", "tru cot", "phong trao", "tieu chi", "rui ro", "de an", "du an", "quan diem chi dao",
    "yeu kem", "kho khan", "ton tai", "bat cap", "khuyet diem", "thanh tuu", "uu diem",
)  # fmt: skip


_BOUNDARY = re.compile(rf"[,;.]\s+|\s+(?=(?:{'|'.join(sorted(FUNCTION_WORDS))})\s)|$")


@dataclass(frozen=True)
class StructureGroup:
    key: str
    label: str
    path: str
    numbered: bool
    facts: tuple[Fact, ...]
    # The group itself, found in its lead (position 0); None when the lead could not be located.
    head: Fact | None = None

    @property
    def section_title(self) -> str:
        return self.path.split(" › ")[-1]

    @property
    def heading_led(self) -> bool:
        """Announced by a heading or a paragraph of its own: a part of the document, not a list in a sentence."""
        return dict(self.facts[0].extra).get("lead_kind") not in ("inline", "clauses")

    @property
    def assessment(self) -> bool:
        """Clauses of an assessment ("hạn chế, yếu kém"): the text neither numbers nor counts them."""
        return dict(self.facts[0].extra).get("lead_kind") == "clauses"

    @cached_property
    def subparts(self) -> bool:
        """The items are sub-headings ("Mục tiêu tổng quát", "Đến năm 2030"), not statements to count."""
        return all(len(fact.answer.split()) <= SUBPART_WORDS for fact in self.facts)

    @property
    def generic(self) -> bool:
        return folded(self.label) in GENERIC_LABELS

    def related(self, other: StructureGroup) -> bool:
        """One group is inside the other (an item of "mục tiêu" also belongs to "mục tiêu đến năm 2030")."""
        return other.path.startswith(self.path) or self.path.startswith(other.path)


def structure_groups(facts: list[Fact]) -> list[StructureGroup]:
    """The structure facts of a document gathered by group, in document order."""
    by_key: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.kind == "structure":
            by_key.setdefault(dict(fact.extra)["group"] + "|" + fact.head, []).append(fact)
    groups = []
    for key, members in by_key.items():
        members.sort(key=lambda fact: fact.value or 0)
        head = members[0] if members[0].value == 0 else None
        items = tuple(fact for fact in members if fact.value)
        if len(items) < 2:
            continue
        first = items[0]
        numbered = first.qualifier == "numbered"
        groups.append(StructureGroup(key, first.subject, first.head, numbered, items, head))
    return sorted(groups, key=lambda group: group.facts[0].start)


COUNTABLE_WORDS = 7
CANDIDATES = 8
SUBPART_WORDS = 6
# Options are never cut shorter than this: "Chưa tạo" is no longer the text's meaning.
SHORTEST_CUT = 24


def countable(label: str) -> bool:
    """A label that reads as a plural noun ("quan điểm chỉ đạo"), not a part's title ("Tình hình và …")."""
    return folded(label).startswith(_COUNT_NOUNS) and len(label.split()) <= COUNTABLE_WORDS


def member_phrase(group: StructureGroup, one_of: bool) -> str:
    """A member "là một trong các quan điểm chỉ đạo" / "thuộc các …"; "thuộc mục “…”" for "các nội dung sau"
    (every option is content of the document: only the section tells them apart); "thuộc phần “…”" for a title."""
    if group.generic:
        return f"thuộc mục “{group.section_title}”"
    if countable(group.label):
        return f"là một trong các {group.label}" if one_of else f"thuộc các {group.label}"
    return f"thuộc phần “{capitalise(group.label)}”"


def document_noun(fact: Fact) -> str:
    return dict(fact.extra).get("document", "văn bản")


def of_document(fact: Fact) -> str:
    noun = document_noun(fact)
    if dict(fact.extra).get("lead_kind") == "clauses":
        # The weaknesses a resolution names are not its own: "các hạn chế mà Kết luận nêu", not "của Kết luận".
        return "được nêu trong văn bản" if noun == "văn bản" else f"mà {noun} nêu"
    return "được nêu trong văn bản" if noun == "văn bản" else f"của {noun}"


def capitalise(text: str) -> str:
    """First letter up; a heading in capitals is shown in sentence case like the other options."""
    if text.isupper():
        text = text.lower()
    return text[:1].upper() + text[1:]


def item_text(fact: Fact) -> str:
    """The item from its label to the end of its sentence: the real text options are cut from."""
    rest = fact.sentence.text[fact.relative_start :]
    # An assessment's item is one clause: the next ";" starts the next item.
    return rest.split(";")[0] if dict(fact.extra).get("lead_kind") == "clauses" else rest


def fit(text: str, target: float) -> str | None:
    """``text`` cut at a boundary so that its length is close to ``target`` (None when it is too short)."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= target * 1.25 and similar_length(trim_phrase(text), target):
        return capitalise(trim_phrase(text))
    if target < SHORTEST_CUT:
        return None
    best: tuple[float, str] | None = None
    # Cut at punctuation or before a function word: a cut between two syllables may split a word ("lĩnh | vực").
    for boundary in _BOUNDARY.finditer(text):
        candidate = trim_phrase(text[: boundary.start()])
        if not candidate or not similar_length(candidate, target):
            continue
        # A cut at punctuation reads as a phrase; prefer it, then the length nearest the target.
        penalty = abs(len(candidate) - target) / target - (0.15 if boundary.group().strip() else 0.0)
        if best is None or penalty < best[0]:
            best = (penalty, candidate)
        if boundary.start() > target * 1.4:
            break
    return capitalise(best[1]) if best else None


def key_option(fact: Fact) -> str:
    """The item's label as an option, shortened when it is very long."""
    if len(fact.answer) <= LONGEST_OPTION:
        return capitalise(fact.answer)
    return fit(fact.answer, LONGEST_OPTION * 0.8) or capitalise(fact.answer)


def nearest_groups(
    group: StructureGroup, groups: list[StructureGroup], limit: int | None = None, starts: list[int] | None = None
) -> list[StructureGroup]:
    """Groups neither inside nor around ``group``, nearest first: nearby lists make the most related options.
    ``groups`` are in document order; the walk goes outwards from ``group`` and stops after ``limit`` (a long
    document has hundreds of groups, and every group asks for its neighbours)."""
    start = group.facts[0].start
    # ``starts`` of the whole document's groups come once from the caller; a short list is read here.
    starts = starts if starts is not None else [other.facts[0].start for other in groups]
    if any(later < earlier for earlier, later in itertools.pairwise(starts)):
        # A list already chosen by nearness (a group's dozen neighbours): back to document order.
        groups = sorted(groups, key=lambda other: other.facts[0].start)
        starts = sorted(starts)
    right = bisect.bisect_left(starts, start)
    left = right - 1
    found: list[StructureGroup] = []
    while (left >= 0 or right < len(groups)) and (limit is None or len(found) < limit):
        before = groups[left] if left >= 0 else None
        after = groups[right] if right < len(groups) else None
        if after is None or (before is not None and start - before.facts[0].start <= after.facts[0].start - start):
            other, left = before, left - 1
        else:
            other, right = after, right + 1
        if other is not None and other is not group and not (other.related(group) or other.subparts):
            found.append(other)
    return found


def other_items(group: StructureGroup, groups: list[StructureGroup], target: float) -> list[str]:
    """Items of unrelated groups, nearest first, cut to ``target`` and unlike every item of ``group``; looking
    further than a few candidates only costs time on long documents."""
    found: list[str] = []
    for other in nearest_groups(group, groups):
        for fact in other.facts:
            option = fit(item_text(fact), target)
            if option is None or any(overlap(option, own.answer) > MAX_OVERLAP for own in group.facts):
                continue
            if folded(option) not in {folded(existing) for existing in found}:
                found.append(option)
        if len(found) >= CANDIDATES:
            break
    return found


def own_items(group: StructureGroup, target: float, leave_out: Fact | None = None) -> list[str]:
    """Items of ``group`` itself cut to ``target`` (the true members, or the wrong ones of an order question)."""
    found: list[str] = []
    for fact in group.facts:
        if fact is leave_out:
            continue
        option = fit(item_text(fact), target)
        if option is not None and folded(option) not in {folded(existing) for existing in found}:
            found.append(option)
    return found
