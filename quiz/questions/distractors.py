"""Wrong options for scalar facts: numbers keep format and magnitude, ordinals and periods are neighbours."""

from __future__ import annotations

import calendar
import datetime
import random
import re
from collections.abc import Callable, Sequence

from quiz.facts.numbers import parse_number
from quiz.facts.roman import int_to_roman, roman_to_int
from quiz.facts.scalars import ORDINAL_WORDS
from quiz.formatting import format_number

_RANGE = re.compile(r"^(.+?)(\s*[-–]\s*)(.+)$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(\s*[/-]\s*)(\d{1,2})(.*)$")
_DATE_IN_RANGE = re.compile(r"(\d{1,2})(\s*[/-]\s*)(\d{1,2})(?:(\s*[/-]\s*)(\d{4}))?")
_DAY_WORDS = re.compile(r"^(\d{1,2})(\s+tháng\s+)(\d{1,2})(.*)$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})(\s*/\s*)(\d{4})$")
_PERIOD = re.compile(r"^(\d{4})(\s*[-–—]\s*)(\d{4})$")


def format_like(value: float, key: str) -> str:
    """``value`` written the way ``key`` is written (decimals, thousands dots)."""
    decimals = len(key.split(",", 1)[1]) if "," in key else 0
    text = format_number(value, decimals)
    return text if "." in key or value < 1000 else text.replace(".", "")


def _spread(key: float, candidates: Sequence[float], rng: random.Random, count: int = 3) -> list[float]:
    """``count`` distinct candidates with at least one below and one above the key (when possible)."""
    below = [value for value in candidates if value < key]
    above = [value for value in candidates if value > key]
    chosen: list[float] = []
    if below:
        chosen.append(below[0])
    if above:
        chosen.append(above[0])
    rest = [value for value in candidates if value not in chosen and value != key]
    while len(chosen) < count and rest:
        # Siblings come first in ``candidates``; among equals, the seed decides.
        pick = rest.pop(0) if rng.random() < 0.7 else rest.pop(rng.randrange(len(rest)))
        chosen.append(pick)
    return chosen


def _precision(value: float, key: str) -> float:
    if "," in key:
        return 10.0 ** -len(key.split(",", 1)[1])
    digits = key.replace(".", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(zeros, max(len(digits) - 2, 0))


def number_values(key_text: str, siblings: list[float], rng: random.Random, percent: bool) -> list[float]:
    """Three wrong values for a number, siblings of the same unit first, spread around the key."""
    key = parse_number(key_text)
    precision = _precision(key, key_text)
    candidates: list[float] = [value for value in siblings if value != key and key / 3 <= value <= key * 3]
    if key <= 12 and key == int(key):
        steps = [1, -1, 2, -2, 3, -3]
        candidates += [key + step for step in steps if key + step > 0]
    else:
        for share in (0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.15, -0.15):
            value = round(key * (1 + share) / precision) * precision
            if value > 0 and not (percent and key <= 100 < value):
                candidates.append(round(value, 6))
    unique: list[float] = []
    for value in candidates:
        if value != key and value not in unique and format_like(value, key_text) != key_text:
            unique.append(value)
    return _spread(key, unique, rng)


def number_options(key_text: str, siblings: list[float], rng: random.Random, percent: bool) -> list[str]:
    """The key and three wrong numbers as text, sorted ascending (ranges "6-7" shift by their width)."""
    ranged = _RANGE.match(key_text)
    if ranged:
        low, separator, high = ranged.groups()
        low_value, high_value = parse_number(low), parse_number(high)
        width = max(high_value - low_value, 1)
        shifts = [step * width for step in _spread(0, [-1, 1, 2, -2], rng)]
        values = sorted([0.0, *shifts])
        return [
            f"{format_like(low_value + shift, low)}{separator}{format_like(high_value + shift, high)}"
            for shift in values
            if low_value + shift > 0
        ]
    wrong = number_values(key_text, siblings, rng, percent)
    values = sorted([parse_number(key_text), *wrong])
    return [key_text if value == parse_number(key_text) else format_like(value, key_text) for value in values]


def _ordinal_word(number: int) -> str:
    return ORDINAL_WORDS[number - 1]


def ordinal_options(key_text: str, rng: random.Random) -> list[str]:
    """Neighbouring ordinals in the key's form (Roman XIV/XVI, words "ba"/"năm", digits)."""
    render: Callable[[int], str]
    if key_text in ORDINAL_WORDS:
        value, limit, render = ORDINAL_WORDS.index(key_text) + 1, len(ORDINAL_WORDS), _ordinal_word
    elif key_text.isdigit():
        value, limit, render = int(key_text), 999, str
    else:
        value, limit, render = roman_to_int(key_text), 3999, int_to_roman
    steps = [int(step) for step in _spread(0, [-1, 1, 2, -2, 3, -3], rng)]
    neighbours = [value + step for step in steps if 0 < value + step <= limit]
    while len(neighbours) < 3:
        neighbours.append(value + len(neighbours) + 3)
    return [render(number) for number in sorted([value, *neighbours])]


def period_term(start: int, end: int) -> int:
    """How far the next period starts: a term "2020 - 2025" shares its last year with the next one, a plan
    "2011 - 2020" or "2021 - 2025" counts its years ("10 năm", "5 năm") and the next starts a year later."""
    span = max(end - start, 1)
    return span + 1 if span % 5 == 4 else span


def period_options(key_text: str, rng: random.Random) -> list[str]:
    """Periods shifted by whole terms, in the key's dash and spacing."""
    found = _PERIOD.match(key_text)
    if found is None:
        return []
    start, separator, end = int(found.group(1)), found.group(2), int(found.group(3))
    term = period_term(start, end)
    shifts = sorted([0, *_spread(0, [-1, 1, 2, -2], rng)])
    return [f"{start + shift * term}{separator}{end + shift * term}" for shift in shifts]


def date_options(key_text: str, rng: random.Random) -> list[str]:
    """Dates in the key's format: other days of the month, neighbouring months or years."""
    for pattern in (_DAY_MONTH, _DAY_WORDS):
        found = pattern.match(key_text)
        if found:
            day, separator, month, rest = found.groups()
            day_value = int(day)
            last_day = calendar.monthrange(2000, int(month))[1] if 1 <= int(month) <= 12 else 28
            steps = [step for step in (-3, 3, -5, 5, -7, 7, -10, 10) if 1 <= day_value + step <= last_day]
            days = sorted([day_value, *(day_value + step for step in _spread(0, steps, rng))])
            width = len(day)
            return [f"{value:0{width}d}{separator}{month}{rest}" for value in days]
    found = _MONTH_YEAR.match(key_text)
    if found:
        month, separator, year = int(found.group(1)), found.group(2), found.group(3)
        steps = [step for step in (-1, 1, -2, 2, 3, -3) if 1 <= month + step <= 12]
        return [f"{value}{separator}{year}" for value in sorted([month, *(month + s for s in _spread(0, steps, rng))])]
    if key_text.isdigit() and len(key_text) == 4:
        year = int(key_text)
        return [str(year + shift) for shift in sorted([0, *_spread(0, [-1, 1, 2, -2, 5, -5], rng)])]
    return []


def date_range_options(key_text: str, rng: random.Random) -> list[str]:
    """A range "13/10/2020 đến ngày 15/10/2020" moved as a whole by a few days (its length kept)."""
    found = list(_DATE_IN_RANGE.finditer(key_text))
    if len(found) != 2:
        return []
    year = int(found[-1].group(5) or 2001)
    try:
        dates = [
            datetime.date(int(match.group(5) or year), int(match.group(3)), int(match.group(1))) for match in found
        ]
    except ValueError:
        return []
    options: list[str] = []
    for shift in sorted([0, *_spread(0, [-3, 3, -7, 7, -5, 5], rng)]):
        text, position = "", 0
        for match, date in zip(found, dates, strict=True):
            moved = date + datetime.timedelta(days=shift)
            # Zero-padded only where the text pads ("03/10"), so options keep the key's look.
            day = f"{moved.day:0{len(match.group(1)) if match.group(1).startswith('0') else 1}d}"
            month = f"{moved.month:0{len(match.group(3)) if match.group(3).startswith('0') else 1}d}"
            year_text = f"{match.group(4)}{moved.year}" if match.group(5) else ""
            text += key_text[position : match.start()] + f"{day}{match.group(2)}{month}{year_text}"
            position = match.end()
        options.append(text + key_text[position:])
    return options


def reference_options(key_text: str, others: list[str], rng: random.Random) -> list[str]:
    """The same kind of document with other numbers ("Chỉ thị 35-CT/TW" → "Chỉ thị 05-CT/TW")."""
    found = re.search(r"(\d+)(?=[-/])", key_text)
    if found is None:
        return []
    number = found.group(1)
    kind = key_text.split()[0].lower()
    options = [other for other in others if other != key_text and other.split()[0].lower() == kind]
    steps = [1, -1, 2, -2, 10, -10, 5, -5]
    rng.shuffle(steps)
    for step in steps:
        value = int(number) + step
        if value > 0:
            text = key_text[: found.start()] + f"{value:0{len(number)}d}" + key_text[found.end() :]
            if text not in options and text != key_text:
                options.append(text)
    chosen = options[:3]
    return sorted([key_text, *chosen], key=lambda text: int(re.search(r"\d+", text.split()[-1]).group()))  # type: ignore[union-attr]
