"""Structure facts: each item of an enumeration with its group's label (the text's words), count and path."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.facts.clause_lists import clause_groups
from quiz.facts.enumerations import Group, Item, read_groups
from quiz.facts.model import Fact, SentenceSpan
from quiz.importing.model import ParsedDocument
from quiz.importing.words import FUNCTION_WORDS, word_set
from quiz.text import fold

# Labels that name nothing by themselves ("các nội dung sau"): stems then add the section they are in.
GENERIC_LABELS = frozenset({"noi dung", "van de", "viec", "diem", "y", "noi dung chu yeu", "noi dung cu the"})
_COUNT_WORDS = ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
_QUANTIFIER = re.compile(rf"(?<!\w)(?:các|những|một số|\d{{1,2}}|{'|'.join(_COUNT_WORDS)})\s", re.IGNORECASE)
_LEAD_NOUN = re.compile(
    rf"(?:các|những|một số|(?P<count>\d{{1,2}}|{'|'.join(_COUNT_WORDS)}))\s+"
    r"(?P<noun>[^\d:;.()]{2,60}?)\s*(?:sau đây|như sau|sau|bao gồm|gồm|là)?\s*:?\s*$",
    re.IGNORECASE,
)
_HEADING_MARKER = re.compile(r"^\s*(?:[IVXLC]{1,6}|[A-Z]|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.\-–)]\s*")
_TIME_HEADING = re.compile(r"^(?:đến|trong|tầm nhìn|giai đoạn|năm|từ nay)\b", re.IGNORECASE)
_ITEM_PREFIX = re.compile(r"^(?:\((?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)\s*|là\s+)")
_DANGLING = FUNCTION_WORDS | word_set("nhất gắn giữa sự việc cần phải so")
# Counted in syllables (Vietnamese words are one to three of them).
LABEL_WORDS = 24
HEADING_LABEL_WORDS = 24
_SHORTEST_CLAUSE_WORDS = 8


def extract_structure(document: ParsedDocument, lists: Sequence[Fact] = ()) -> list[Fact]:
    """One ``structure`` fact per enumerated item, in document order; ``lists`` are the "list" facts (items
    after a colon, split on ";"), which become groups when their lead-in names what they are."""
    noun = document_noun(document)
    facts: list[Fact] = []
    colon_groups = [group for group in (_colon_group(document, fact) for fact in lists) if group is not None]
    # Assessment clauses carry the label their paragraph gives them ("hạn chế, yếu kém").
    assessed = dict(clause_groups(document))
    for group in [*read_groups(document), *colon_groups, *assessed]:
        label, stated = (assessed[group], None) if group in assessed else group_label(document, group)
        if group in colon_groups and not _named(document.text[group.lead_start : group.lead_end]):
            continue
        if not label or (stated is not None and stated != len(group.items)):
            continue
        labels: list[str] = []
        spans: list[tuple[SentenceSpan, int, int]] = []
        for item in group.items:
            span = _item_span(document, item)
            if span is None:
                break
            labels.append(span[0].text[span[1] - span[0].start : span[2] - span[0].start])
            spans.append(span)
        if len(spans) != len(group.items):
            continue
        path = " › ".join(section_path(document, group.lead_section))
        lead = re.sub(r"\s+", " ", document.text[group.lead_start : group.lead_end]).strip()
        head = _lead_span(document, group, label)
        if head is not None:
            # Position 0 is the group itself, found in its lead: "how many" is asked where the text announces them.
            spans.insert(0, head)
        for position, (sentence, start, end) in enumerate(spans, start=0 if head else 1):
            facts.append(
                Fact(
                    "structure", document.text[start:end], start, end, sentence,
                    value=float(position), subject=label, head=path, items=tuple(labels), count=len(labels),
                    lead=lead or path, qualifier="numbered" if group.numbered else "",
                    extra=(("group", str(group.lead_start)), ("document", noun), ("lead_kind", group.lead_kind)),
                )
            )  # fmt: skip
    return facts


def _lead_span(document: ParsedDocument, group: Group, label: str) -> tuple[SentenceSpan, int, int] | None:
    """The lead (heading line or lead-in) as a sentence, and the label's words in it (else its heading words)."""
    text = document.text
    start, end = group.lead_start, group.lead_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n:":
        end -= 1
    if end - start < 2:
        return None
    lead = SentenceSpan(group.lead_section, document.sections[group.lead_section].title, start, end, text[start:end])
    found = fold(lead.text).rfind(fold(label))
    if found != -1:
        return lead, start + found, start + found + len(label)
    words = heading_words(lead.text)
    offset = lead.text.rfind(words) if words else -1
    return (lead, start + offset, start + offset + len(words)) if offset != -1 else None


def _colon_group(document: ParsedDocument, fact: Fact) -> Group | None:
    """The items of a "list" fact as a group whose lead is the sentence up to its colon."""
    colon = document.text.rfind(":", fact.sentence.start, fact.start + 1)
    if len(fact.items) < 2 or colon == -1:
        return None
    items: list[Item] = []
    position = fact.start
    for rank, text in enumerate(fact.items, start=1):
        found = document.text.find(text, position, fact.end + 1)
        if found == -1:
            return None
        items.append(Item(found, found + len(text), fact.sentence.section, rank))
        position = found + len(text)
    return Group(fact.sentence.start, colon + 1, fact.sentence.section, tuple(items), False, "inline")


def document_noun(document: ParsedDocument) -> str:
    """What stems call the document: its kind when the opening names one ("Nghị quyết", "Kết luận")."""
    opening = fold(document.text[:400])
    found = [(opening.find(key), name) for key, name in _DOCUMENT_KINDS if key in opening]
    return min(found)[1] if found else "văn bản"


_DOCUMENT_KINDS = (
    ("nghi quyet", "Nghị quyết"), ("ket luan", "Kết luận"), ("chi thi", "Chỉ thị"), ("de cuong", "Đề cương"),
    ("ke hoach", "Kế hoạch"), ("chuong trinh hanh dong", "Chương trình hành động"),
)  # fmt: skip


def section_path(document: ParsedDocument, position: int) -> list[str]:
    path: list[str] = []
    current: int | None = position
    while current is not None:
        path.insert(0, document.sections[current].title)
        current = document.sections[current].parent
    return path


def group_label(document: ParsedDocument, group: Group) -> tuple[str, int | None]:
    """The group's name in the text's words (lower case) and the count the lead states, if any."""
    lead = document.text[group.lead_start : group.lead_end].strip()
    # A heading that ends with a colon announces its items like a lead-in sentence does.
    if lead.endswith(":") or group.lead_kind == "inline":
        found = _named(lead)
        if found:
            count = found.group("count")
            stated = None if count is None else (int(count) if count.isdigit() else _COUNT_WORDS.index(count) + 2)
            return _clean_label(found.group("noun")), stated
        return _lead_label(lead), None
    if group.lead_kind == "heading" and lead:
        return _heading_label(document, lead, group.lead_section), None
    if lead and len(lead.split()) <= HEADING_LABEL_WORDS and not re.search(r"[.;]\s", lead):
        # The items follow a heading that goes on the same line as its number: that heading names them.
        return _heading_label(document, lead, group.lead_section), None
    return "nội dung", None


def _lead_label(lead: str) -> str:
    """The label of a lead-in without a counted noun: its last clause ("Các đột phá chiến lược:" → "đột phá
    chiến lược"), without its time or scope ("Nhiệm vụ trọng tâm trong nhiệm kỳ …" → "nhiệm vụ trọng tâm")."""
    sentence = re.split(r"[.!?]\s+", lead.rstrip(" :"))[-1]
    if fold(sentence) in _ANNOUNCING_ONLY:
        # "… Cụ thể là:" says nothing of what follows: the items are the section's contents.
        return "nội dung"
    clause = re.split(r"[,;]\s*", sentence)[-1]
    clause = re.sub(r"^(?:nhưng|và|song)\s+", "", clause).split(" là ")[0]
    clause = re.sub(r"^(?:các|những)\s+", "", clause, flags=re.IGNORECASE)
    clause = _SCOPE.split(clause, maxsplit=1)[0]
    words = clause.split()[:6]
    if words and not words[0].isupper():
        words[0] = words[0].lower()
    return _clean_label(" ".join(words))


_ANNOUNCING_ONLY = frozenset({"cu the la", "cu the nhu sau", "nhu sau", "cu the", "bao gom", "gom"})
_SCOPE = re.compile(
    r"\s+(?:trong (?:nhiệm kỳ|giai đoạn|thời gian|những năm)|giai đoạn|nhiệm kỳ|đến năm|đến hết|từ nay|"
    r"(?:năm )?\d{4})(?!\w)",
    re.IGNORECASE,
)


def heading_words(heading: str) -> str:
    """A heading without its number ("III- NHIỆM VỤ, GIẢI PHÁP" → "NHIỆM VỤ, GIẢI PHÁP")."""
    return _HEADING_MARKER.sub("", heading).strip(" :")


def _named(lead: str) -> re.Match[str] | None:
    """The plural noun a lead-in ending with a colon announces; the quantifier nearest the colon names the items
    ("Các xã thực hiện các nội dung sau:"); one opening the sentence is its subject ("Các đoàn thể có …:")."""
    announcing = lead.rstrip(" :") + ":"
    starts = [quantifier.start() for quantifier in _QUANTIFIER.finditer(announcing) if quantifier.start() > 0]
    return next((found for found in (_LEAD_NOUN.match(announcing, start) for start in reversed(starts)) if found), None)


def _heading_label(document: ParsedDocument, heading: str, position: int) -> str:
    words = heading_words(heading)
    label = words.lower() if words.isupper() else words[:1].lower() + words[1:]
    parent = document.sections[position].parent
    if _TIME_HEADING.match(label) and parent is not None:
        # "1. Đến năm 2030" under "II- MỤC TIÊU" is the group "mục tiêu đến năm 2030".
        parent_words = _HEADING_MARKER.sub("", document.sections[parent].title).strip(" :")
        if len(parent_words.split()) <= 4:
            return f"{parent_words.lower()} {label[:1].lower()}{label[1:]}"
    return _clean_label(label)


def _clean_label(label: str) -> str:
    words = label.strip(" ,:;").split()
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words)


def _item_span(document: ParsedDocument, item: Item) -> tuple[SentenceSpan, int, int] | None:
    """The item's sentence and the absolute offsets of its label inside it."""
    text = document.text
    start = item.start
    prefix = _ITEM_PREFIX.match(text[start : item.end])
    if prefix:
        start += prefix.end()
    length = label_length(text[start : item.end])
    if length == 0:
        return None
    section = document.sections[item.section]
    sentence = next((s for s in section.sentences if s.start <= start < s.end), None)
    if sentence is None:
        span = SentenceSpan(item.section, section.title, start, item.end, text[start : item.end])
    else:
        sentence_start = sentence.start + (len(sentence.text) - len(sentence.text.lstrip()))
        sentence_end = sentence.start + len(sentence.text.rstrip())
        sentence_text = text[sentence_start:sentence_end]
        span = SentenceSpan(item.section, section.title, sentence_start, sentence_end, sentence_text)
    end = min(start + length, span.end)
    return (span, start, end) if end > start else None


def label_length(text: str) -> int:
    """Length of the short label at the start of an item: its first clause, cut to a clean phrase."""
    stop = len(text)
    for pattern in (r"\.\s", r";", r"\n", r":\s"):
        found = re.search(pattern, text)
        if found and (pattern != r":\s" or len(text[: found.start()].split()) >= 2):
            stop = min(stop, found.start())
    label = text[:stop]
    if len(label.split()) > LABEL_WORDS:
        for comma in re.finditer(",", label):
            if len(label[: comma.start()].split()) >= _SHORTEST_CLAUSE_WORDS:
                label = label[: comma.start()]
                break
    words = label.split()
    if len(words) > LABEL_WORDS:
        label = label[: _word_end(label, LABEL_WORDS - 4)]
    return len(trim_phrase(label))


def _word_end(text: str, count: int) -> int:
    ends = [found.end() for found in re.finditer(r"\S+", text)]
    return ends[min(count, len(ends)) - 1] if ends else 0


def trim_phrase(text: str) -> str:
    """``text`` without trailing punctuation, dangling function words or an unclosed parenthesis."""
    text = text.rstrip(" ,;:.…-–")
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip(" ,;:")
    while True:
        words = text.rsplit(" ", 1)
        if len(words) == 2 and words[1].lower() in _DANGLING:
            text = words[0].rstrip(" ,;:")
            continue
        return text
