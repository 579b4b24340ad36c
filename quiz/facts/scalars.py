"""Dates and deadlines, periods, ordinals and references to Party documents."""

from __future__ import annotations

import re

from quiz.facts.model import Fact, SentenceSpan, fact_at
from quiz.facts.roman import roman_to_int

# "Ngày 28/10", "trước ngày 15/11/2020"; the answer is the date without the word "ngày".
_DAY = r"\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{4})?"
_DATE_NUMERIC = re.compile(rf"(?<!\w)([Nn]gày)\s+({_DAY})(?![\w/-])")
# A news lede: "Sáng 3/10, …", "Chiều 15/10, …", "sáng ngày 15-10".
_DATE_PART_OF_DAY = re.compile(rf"(?<!\w)(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+(?:([Nn]gày)\s+)?({_DAY})(?![\w/-])")
# "từ ngày 13/10/2020 đến ngày 15/10/2020": one fact, the whole range.
_DATE_RANGE = re.compile(rf"(?<!\w)[Tt]ừ\s+([Nn]gày)\s+({_DAY}\s*(?:đến|tới|[-–])\s*(?:ngày\s+)?{_DAY})(?![\w/-])")
_DATE_WORDS = re.compile(r"(?<!\w)([Nn]gày)\s+(\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)(?!\w)")
_MONTH = re.compile(r"(?<!\w)([Tt]háng)\s+(\d{1,2}\s*/\s*\d{4})(?![\w/])")
_YEAR = re.compile(r"(?<!\w)([Nn]ăm)\s+((?:19|20)\d{2})(?![\w/\-–—]|\s*[-–—]\s*\d)")
_DATE_QUALIFIER = re.compile(
    r"(chậm nhất (?:là )?(?:đến |vào )?|đến hết |đến |trước |từ |vào |trong |sau |hết |hạn )$", re.IGNORECASE
)
_PERIOD = re.compile(
    # "Chiến lược 10 năm 2021 - 2030": a plan named by its length is a period too.
    r"(?<!\w)([Nn]hiệm kỳ|[Gg]iai đoạn|[Tt]hời kỳ|[Nn]ăm học|\d{1,2} năm)\s+"
    r"((?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2})(?!\d)"
)
_ORDINAL_ROMAN = re.compile(r"(?<!\w)(lần thứ|[Kk]hóa|[Kk]hoá|Đại hội)\s+([IVXLC]+)(?!\w)")
_ORDINAL_WORD = re.compile(r"(?<!\w)(lần thứ)\s+(nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d{1,3})(?!\w)")
ORDINAL_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
# The document type in any case ("nghị quyết số 18-NQ/TW"); the code keeps its capitals.
_REFERENCE = re.compile(
    r"(?<!\w)((?i:Chỉ thị|Nghị quyết|Quy định|Quyết định|Kết luận|Hướng dẫn|Thông báo|Kế hoạch|Chương trình"
    r"|Công văn|Thông tri|Nghị định|Thông tư))(\s+số)?\s+(\d{1,4}(?:[-/][0-9A-ZĐ][0-9A-ZĐa-z]*)*[-/][A-ZĐ][A-ZĐa-z]*"
    r"(?:[-/][0-9A-ZĐ][0-9A-ZĐa-z]*)*)"
    r"(?![\w/-])"
)


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= taken_start or start >= taken_end for taken_start, taken_end in spans)


def _qualifier(text: str, head_start: int) -> str:
    found = _DATE_QUALIFIER.search(text[max(0, head_start - 24) : head_start])
    return found.group(1).strip() if found else ""


def extract_scalars(sentence: SentenceSpan) -> list[Fact]:
    """References, dates, periods and ordinals of one sentence (a span is claimed by the first kind)."""
    text = sentence.text
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def claim(fact: Fact, claimed_start: int, claimed_end: int) -> None:
        facts.append(fact)
        taken.append((claimed_start, claimed_end))

    for match in _REFERENCE.finditer(text):
        claim(fact_at("reference", sentence, match.start(), match.end(), head=match.group(1)), *match.span())
    for match in _PERIOD.finditer(text):
        if _free(taken, *match.span(2)):
            fact = fact_at("period", sentence, *match.span(2), head=match.group(1), value=float(match.group(2)[:4]))
            claim(fact, *match.span(2))
    for match in _DATE_RANGE.finditer(text):
        if _free(taken, *match.span(2)):
            fact = fact_at("date", sentence, *match.span(2), head="ngày", qualifier="từ", extra=(("range", "1"),))
            claim(fact, *match.span())
    for pattern in (_DATE_NUMERIC, _DATE_PART_OF_DAY, _DATE_WORDS, _MONTH, _YEAR):
        for match in pattern.finditer(text):
            if not _free(taken, *match.span(2)):
                continue
            year = float(match.group(2)) if pattern is _YEAR else None
            head = match.group(1) or "ngày"
            qualifier = _qualifier(text, match.start(1) if match.group(1) else match.start())
            fact = fact_at("date", sentence, *match.span(2), head=head, value=year, qualifier=qualifier)
            claim(fact, *match.span(2))
    for match in _ORDINAL_ROMAN.finditer(text):
        value = roman_to_int(match.group(2))
        if value and _free(taken, *match.span(2)):
            claim(fact_at("ordinal", sentence, *match.span(2), head=match.group(1), value=float(value)), *match.span())
    for match in _ORDINAL_WORD.finditer(text):
        word = match.group(2)
        value = int(word) if word.isdigit() else ORDINAL_WORDS.index(word) + 1
        if _free(taken, *match.span(2)):
            claim(fact_at("ordinal", sentence, *match.span(2), head=match.group(1), value=float(value)), *match.span())
    return facts
