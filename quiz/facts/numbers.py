"""Numbers with unit and qualifier, achieved/target pairs, ranges and breakdowns ("trong đó … 3 chỉ tiêu")."""

from __future__ import annotations

import re
from dataclasses import replace

from quiz.facts.lexicon import LOWER_WORD, lexicon
from quiz.facts.model import Fact, SentenceSpan, fact_at
from quiz.text import fold

NUMBER_TEXT = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER = re.compile(
    rf"(?<![\w./,\-–])({NUMBER_TEXT})(?:\s*/\s*({NUMBER_TEXT})|\s*[-–]\s*({NUMBER_TEXT}))?(?![\w/\-–]|[.,]\d)"
)
_MULTIPLIER = re.compile(r"\s*(nghìn|ngàn|triệu|tỷ)(?!\w)")
_PERCENT = re.compile(r"\s*%")
_FALLBACK_UNIT = re.compile(rf"\s+({LOWER_WORD}(?:\s+{LOWER_WORD})?)")
_QUALIFIER = re.compile(
    r"(?<!\w)(đạt trên|đạt|trên|hơn|gần|khoảng|ít nhất|tối thiểu|tối đa|không vượt quá|không quá|không dưới"
    r"|không thấp hơn|dưới|vượt|bình quân|trung bình|tăng|giảm|còn|xấp xỉ)\s*$",
    re.IGNORECASE,
)
# Qualifiers that make the number a bound: "trên 110" is also true of 100, "dưới 10 %" also of 24 %.
LOWER_BOUNDS = frozenset(
    fold(word) for word in ["đạt trên", "trên", "hơn", "ít nhất", "tối thiểu", "vượt", "không dưới", "không thấp hơn"]
)
UPPER_BOUNDS = frozenset(fold(word) for word in ["dưới", "tối đa", "không quá", "không vượt quá"])
_FROM = re.compile(r"(?<!\w)từ\s*$", re.IGNORECASE)
# "từ 500 kỹ sư công nghệ thông tin trở lên": the words may sit between the unit and "trở lên".
_OR_MORE = re.compile(r"[^,;.:()]{0,60}?(?<!\w)trở (lên|xuống)(?!\w)", re.IGNORECASE)
# Words that are never a unit: a number before them is a label, a code or part of a phrase.
_NOT_UNITS = frozenset(
    fold(word)
    for word in [
        "của",
        "và",
        "với",
        "trong",
        "về",
        "là",
        "được",
        "có",
        "đã",
        "sẽ",
        "thì",
        "mà",
        "do",
        "cho",
        "tại",
        "theo",
        "từ",
        "đến",
        "các",
        "những",
        "này",
        "đó",
    ]
)
# A number right after these words is a document, article or page number, not a quantity.
_LABEL_WORDS = frozenset(
    fold(word) for word in ["số", "điều", "khoản", "mục", "phần", "chương", "điểm", "trang", "tiết", "phụ", "lục"]
)
_PART_SPLIT = re.compile(r"[,;]")
_CLAUSE_VERB = re.compile(
    r"(?<!\w)(?:đạt|chiếm|giảm|tăng|ít nhất|tối thiểu|tối đa|trên|dưới|hơn|khoảng|là|được)(?!\w)", re.IGNORECASE
)
_SUBJECT_WORDS = 8
_TRONG_DO = re.compile(r"trong đó|trong số đó", re.IGNORECASE)
_SUBJECT_NOISE = re.compile(
    r"^(?:trong đó|trong số đó)\s*|^(?:về|lĩnh vực|nhóm|có)\s+|\s+(?:có|là|gồm)$", re.IGNORECASE
)


def bound(fact: Fact) -> int:
    """+1 when the text sets a floor ("ít nhất 80 %", "từ 500 … trở lên"), -1 a ceiling ("dưới 2 %"), else 0."""
    if fact.kind != "number":
        return 0
    qualifier = fold(fact.qualifier)
    if qualifier in LOWER_BOUNDS:
        return 1
    if qualifier in UPPER_BOUNDS:
        return -1
    text, start = fact.sentence.text, fact.relative_start
    more = _OR_MORE.match(text, fact.tail_end - fact.sentence.start) if fact.tail_end else None
    if more and _FROM.search(text[max(0, start - 8) : start]):
        return 1 if fold(more.group(1)) == "len" else -1
    return 0


def parse_number(text: str) -> float:
    """``"23.000"`` → 23000.0, ``"71,5"`` → 71.5 (Vietnamese separators)."""
    return float(text.replace(".", "").replace(",", "."))


def _unit_at(text: str, position: int) -> tuple[str, int]:
    """The unit that follows a number at ``position`` and where it ends ("" when there is none)."""
    percent = _PERCENT.match(text, position)
    if percent:
        return "%", percent.end()
    unit_start = position
    multiplier = _MULTIPLIER.match(text, position)
    if multiplier:
        position = multiplier.end()
    spaces = len(text[position:]) - len(text[position:].lstrip(" "))
    known = lexicon().unit_pattern.match(text, position + spaces) if spaces else None
    if known:
        return text[unit_start : known.end()].strip(), known.end()
    fallback = _FALLBACK_UNIT.match(text, position)
    if fallback:
        words = fallback.group(1).split()
        if fold(words[0]) not in _NOT_UNITS:
            if len(words) > 1 and fold(words[1]) in _NOT_UNITS:
                words = words[:1]
            end = position + fallback.group(0).index(words[0]) + len(" ".join(words))
            return text[unit_start:end].strip(), end
    if multiplier:
        return multiplier.group(1), multiplier.end()
    return "", position


def extract_numbers(sentence: SentenceSpan, taken: list[tuple[int, int]]) -> list[Fact]:
    """Quantities of one sentence outside the spans already claimed by dates, periods and references."""
    text = sentence.text
    facts: list[Fact] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(start < taken_end and end > taken_start for taken_start, taken_end in taken):
            continue
        before = text[:start].rstrip()
        previous_word = fold(before.split()[-1]) if before.split() else ""
        if previous_word in _LABEL_WORDS or (not before and text[end : end + 1] in ".)"):
            continue
        unit, tail_end = _unit_at(text, end)
        if not unit:
            continue
        qualifier = _QUALIFIER.search(text[max(0, start - 12) : start])
        fact = fact_at(
            "number",
            sentence,
            start,
            end,
            value=parse_number(match.group(1)),
            target=parse_number(match.group(2)) if match.group(2) else None,
            high=parse_number(match.group(3)) if match.group(3) else None,
            unit=unit,
            qualifier=qualifier.group(1) if qualifier else "",
            tail_end=sentence.start + tail_end,
        )
        facts.append(fact)
    return _with_breakdowns(sentence, facts)


def _with_breakdowns(sentence: SentenceSpan, facts: list[Fact]) -> list[Fact]:
    """Give each part after "trong đó" its own subject: "kinh tế 7 chỉ tiêu" → subject "kinh tế"."""
    marker = _TRONG_DO.search(sentence.text)
    if marker is None:
        return facts
    totals = [fact for fact in facts if fact.relative_end <= marker.start()]
    if not totals:
        return facts
    total = totals[-1]
    parts_text = sentence.text[marker.start() :]
    boundaries = [0, *(found.end() for found in _PART_SPLIT.finditer(parts_text)), len(parts_text) + 1]
    result: list[Fact] = []
    for fact in facts:
        if fact.relative_start < marker.start() or fold(fact.unit) != fold(total.unit):
            result.append(fact)
            continue
        relative = fact.relative_start - marker.start()
        segment_start = max(bound for bound in boundaries if bound <= relative)
        segment_end = min(bound for bound in boundaries if bound > relative) - 1
        segment = parts_text[segment_start:segment_end]
        tail = fact.tail_end - sentence.start - marker.start()
        subject = (segment[: relative - segment_start] + " " + parts_text[tail:segment_end]).strip(" ,;.")
        subject = re.sub(r"\s+", " ", subject)
        for _ in range(3):
            subject = _SUBJECT_NOISE.sub("", subject).strip()
        extra = (("total", total.answer),)
        # "về kinh tế có 6 chỉ tiêu" names a part; "chi cho … đạt ít nhất 2 % tổng chi" is a clause of its own,
        # whose stem reads right in place (a subject would garble it: "… đạt ít nhất tổng chi … có 2 %").
        is_label = subject and len(subject.split()) <= _SUBJECT_WORDS and not _CLAUSE_VERB.search(subject)
        result.append(replace(fact, subject=subject, extra=extra) if is_label else fact)
    return result
