"""Turn a fact's sentence into a stem: the clause around the answer, the answer replaced, punctuation fixed."""

from __future__ import annotations

import re

from quiz.facts.model import Fact, folded
from quiz.questions.model import BLANK

_LEADING_CONNECTOR = re.compile(
    r"^(?:Cùng với đó|Bên cạnh đó|Trong đó|Đồng thời|Ngoài ra|Theo đó|Sau đó|Tuy nhiên|Do đó|Vì vậy|Qua đó"
    r"|Trước đó)\s*,\s*",
    re.IGNORECASE,
)
_LEADING_BULLET = re.compile(r"^(?:[-–—•*+]\s*)+")
# Longest first: "bao gồm" before "gồm".
_DANGLING_WORDS = ("bao gồm", "như sau", "sau đây", "gồm", "là")
_TRAILING_PUNCTUATION = " .;:,!…"
_TRONG_DO = re.compile(r",?\s+trong (?:số )?đó\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_TRONG_DO_PART = re.compile(r"\s*,?\s*trong (?:số )?đó\b", re.IGNORECASE)
_LEADING_DATE = re.compile(
    r"^(?:(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+(?:[Nn]gày\s+)?|(?P<head>[Nn]gày|[Nn]ăm|[Tt]háng)\s+)\S+\s*,\s*"
)
# Past this many words a sentence is cut to the clause (between ";") that holds the answer.
LONG_SENTENCE_WORDS = 35
EXPLANATION_CHARACTERS = 260


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def window(fact: Fact, end: int | None = None) -> tuple[int, int]:
    """Offsets (relative to the sentence) of the part of the sentence a stem is made from."""
    text = fact.sentence.text
    answer_start = fact.relative_start
    answer_end = end if end is not None else fact.relative_end
    start, stop = 0, len(text)
    colon = text.find(":", answer_end)
    if colon != -1 and fact.kind not in ("list", "target"):
        stop = colon
    marker = _TRONG_DO.search(text, answer_end, stop)
    if marker and not fact.subject:
        stop = marker.start()
    if len(text[start:stop].split()) > LONG_SENTENCE_WORDS:
        before = text.rfind(";", 0, answer_start)
        after = text.find(";", answer_end, stop)
        start = before + 1 if before != -1 else start
        stop = after if after != -1 else stop
    return start, stop


def finish(text: str, ending: str) -> str:
    text = " ".join(text.split()).rstrip(_TRAILING_PUNCTUATION)
    # A stem cut at a colon drops the word that announced the list ("… là:", "… gồm:"); checked on the last
    # words only (a pattern anchored at the end would try every space of a long stem).
    lowered = text[-12:].lower()
    dangling = next((word for word in _DANGLING_WORDS if lowered.endswith(" " + word)), None)
    if dangling is not None:
        text = text[: -len(dangling) - 1].rstrip()
    text = _LEADING_CONNECTOR.sub("", _LEADING_BULLET.sub("", text))
    return capitalise(text) + ending


def replaced(fact: Fact, replacement: str, end: int | None = None, ending: str = "?") -> str:
    """The stem: the sentence window with the answer (up to ``end``) replaced."""
    answer_end = end if end is not None else fact.relative_end
    start, stop = window(fact, answer_end)
    text = fact.sentence.text
    body = text[start : fact.relative_start] + replacement + text[answer_end:stop]
    return finish(body, ending)


def statement(fact: Fact, value: str, end: int | None = None) -> str:
    """A declarative sentence with ``value`` in the answer's place (true/false items)."""
    return replaced(fact, value, end, ending=".")


def stem_with(fact: Fact, text: str, ending: str) -> str:
    """The stem with ``text`` in the answer's place; a leading "Ngày 28/10," moves to the end."""
    cut = _LEADING_DATE.match(fact.sentence.text)
    if fact.kind == "date" and cut and fact.relative_end <= cut.end():
        start, stop = window(fact)
        rest = fact.sentence.text[max(cut.end(), start) : stop]
        part, head = cut.group("part"), cut.group("head")
        word = f"vào {part.lower()} ngày {text}" if part else f"vào {head.lower()} {text}"
        return finish(rest, "") + " " + word + ending
    total = dict(fact.extra).get("total")
    if fact.kind == "number" and fact.subject and total:
        marker = _TRONG_DO_PART.search(fact.sentence.text)
        if marker:
            lead = fact.sentence.text[: marker.start()].rstrip(" ,")
            return finish(f"{lead}, trong đó về {fact.subject} có {text} {fact.unit}", ending)
    if fact.kind == "number" and fact.target is not None:
        unit = fact.unit
        planned = fact.answer.split("/")[1].strip()
        # "12.350/10.000 tỷ đồng" after "đạt" is achieved/planned; "14/17 xã" is a part of a whole.
        planned_word = "kế hoạch" if fact.qualifier.startswith("đạt") or "đồng" in unit else "trên tổng số"
        replacement = f"{text} {unit} ({planned_word} {planned} {unit})"
        return replaced(fact, replacement, fact.tail_end - fact.sentence.start, ending)
    return replaced(fact, text, ending=ending)


def blanked_stem(fact: Fact) -> str:
    """The fact's predicate as a member reads it: the folded stem with the answer blanked."""
    return folded(stem_with(fact, BLANK, ""))


def explanation(fact: Fact) -> str:
    """One line quoting the source around the answer."""
    text = fact.sentence.text
    start, stop = 0, len(text)
    if stop - start > EXPLANATION_CHARACTERS:
        start = max(0, fact.relative_start - EXPLANATION_CHARACTERS // 2)
        stop = min(len(text), start + EXPLANATION_CHARACTERS)
        start = max(0, min(start, fact.relative_end) if fact.relative_end - start < EXPLANATION_CHARACTERS else start)
    quote = _SPACES.sub(" ", text[start:stop]).strip()
    prefix = "…" if start > 0 else ""
    suffix = "…" if stop < len(text) else ""
    return f"Văn bản nêu: “{prefix}{quote}{suffix}”"
