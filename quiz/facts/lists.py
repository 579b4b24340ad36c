"""Enumerated lists ("4 nhiệm vụ: A; B; C; D", lists after a colon) and targets ("mục tiêu … là", "phấn đấu …")."""

from __future__ import annotations

import re

from quiz.facts.model import Fact, SentenceSpan, fact_at
from quiz.text import fold

_COUNT_WORDS = ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
_COUNTED_HEAD = re.compile(
    rf"(?<![\w.,])(\d{{1,2}}|{'|'.join(_COUNT_WORDS)})\s+([^\d:;.()]{{2,70}}?)\s*:\s*(?=\S)", re.IGNORECASE
)
_COLON = re.compile(r":\s*(?=\S)")
_TARGET_LEAD = re.compile(
    r"(?<!\w)(?:mục tiêu(?: tổng quát| chung| cụ thể)?[^:;]{0,80}?\slà\s*:?|phấn đấu(?:\s+đến)?|"
    r"xây dựng\s+([^,;:]{2,50}?)\s+trở thành)\s*",
    re.IGNORECASE,
)
_LEADING_DEADLINE = re.compile(
    r"^(?:chậm nhất\s+)?(?:là\s+)?(?:đến hết |đến |trước |trong |vào )?"
    r"(?:năm \d{4}|ngày [\d/]+|giai đoạn [\d\s–—-]+)(?:,\s*|\s+(?=\w))",
    re.IGNORECASE,
)
_CLAUSE_WORDS = 3


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS.index(word.lower()) + 2


def _split_items(text: str, separator: str) -> list[tuple[int, int]]:
    """Offsets (relative to ``text``) of the trimmed, non-empty parts between separators."""
    parts: list[tuple[int, int]] = []
    position = 0
    for piece in text.split(separator):
        start, end = position, position + len(piece)
        position = end + len(separator)
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t.;,":
            end -= 1
        if start < end:
            parts.append((start, end))
    return parts


def _items_after(text: str, start: int, count: int | None) -> list[tuple[int, int]] | None:
    """Items of the list that starts at ``start``: split on ";" or, for clauses, on ","; checked against count."""
    body = text[start:]
    by_semicolon = _split_items(body, ";")
    if len(by_semicolon) >= 2 and (count is None or count == len(by_semicolon)):
        return [(start + a, start + b) for a, b in by_semicolon]
    by_comma = _split_items(body, ",")
    long_enough = all(len(body[a:b].split()) >= _CLAUSE_WORDS for a, b in by_comma)
    if len(by_comma) >= (2 if count else 3) and long_enough and (count is None or count == len(by_comma)):
        return [(start + a, start + b) for a, b in by_comma]
    return None


def _list_fact(sentence: SentenceSpan, items: list[tuple[int, int]], lead: str, count: int | None) -> Fact:
    texts = tuple(sentence.text[a:b] for a, b in items)
    return fact_at("list", sentence, items[0][0], items[-1][1], items=texts, count=count, lead=lead.strip())


def extract_lists(sentence: SentenceSpan, previous: SentenceSpan | None) -> list[Fact]:
    """Lists of one sentence; a list that only opens with "Trong đó," may take its count from the sentence before."""
    text = sentence.text
    if _TARGET_LEAD.search(text[: text.find(":")] if ":" in text else ""):
        return []
    counted = _COUNTED_HEAD.search(text)
    if counted:
        count = _count_value(counted.group(1))
        items = _items_after(text, counted.end(), count)
        if items:
            return [_list_fact(sentence, items, text[: counted.end()].rstrip(" :"), count)]
        return []
    colon = _COLON.search(text)
    if colon:
        items = _items_after(text, colon.end(), None)
        if items and len(items) >= 2:
            return [_list_fact(sentence, items, text[: colon.start()], None)]
    opener = re.match(r"(?:Trong đó|Cụ thể|Đó là)\s*[,:]\s*", text)
    if opener and previous is not None:
        for counted_word in re.finditer(r"(?<![\w.,])(\d{1,2})\s+([^\d,;.:]{2,40}?)(?=[,;.]|$)", previous.text):
            items = _items_after(text, opener.end(), int(counted_word.group(1)))
            if items and ";" in text:
                lead = f"{counted_word.group(1)} {counted_word.group(2).strip()}"
                return [_list_fact(sentence, items, lead, int(counted_word.group(1)))]
    return []


def extract_targets(sentence: SentenceSpan) -> list[Fact]:
    """Goals: the text after "mục tiêu … là:", "phấn đấu", or "xây dựng X trở thành"."""
    text = sentence.text
    facts: list[Fact] = []
    for match in _TARGET_LEAD.finditer(text):
        start = match.end()
        deadline = _LEADING_DEADLINE.match(text[start:])
        if deadline:
            start += deadline.end()
        is_becoming = match.group(1) is not None
        end = len(text.rstrip(" ."))
        if is_becoming:
            stop = text.find(";", start)
            end = stop if stop != -1 else end
        if end - start < 10:
            continue
        items = _split_items(text[start:end], ";")
        texts = tuple(text[start + a : start + b] for a, b in items) if len(items) >= 2 else ()
        subject = match.group(1) or _subject_before(text, match.start())
        lead = text[:start].rstrip(" :,")
        facts.append(fact_at("target", sentence, start, end, items=texts, subject=subject, lead=lead))
    # A goal quoted inside a larger one ("mục tiêu … là: …; phấn đấu …") is the larger one's item, except
    # "X trở thành Y", which names its own subject.
    return [
        fact
        for fact in facts
        if (fact.subject and "trở thành" in fact.lead)
        or not any(other is not fact and other.start <= fact.start and fact.end <= other.end for other in facts)
    ]


def _subject_before(text: str, position: int) -> str:
    subject: list[str] = []
    for word in reversed(text[:position].split()[-4:]):
        if not word[:1].isupper() or word.endswith(","):
            break
        subject.insert(0, word)
    return " ".join(subject) if fold(" ".join(subject)) not in ("", "trong do", "cung voi do") else ""
