"""Vietnamese number, percentage and date formatting (23.000; 99,16 %; ngày 28 tháng 10 năm 2020)."""

from __future__ import annotations

import datetime as dt


def format_number(value: float, decimals: int = 0, language: str = "vi") -> str:
    """Format a number with Vietnamese separators: dot for thousands, comma for decimals."""
    text = f"{value:,.{decimals}f}"
    if language != "vi":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float, decimals: int = 2, language: str = "vi") -> str:
    """Format a percentage such as ``99,16 %`` (a space before the sign, as Vietnamese reports write it)."""
    return f"{format_number(value, decimals, language)} %"


def format_ratio(part: int, whole: int, language: str = "vi") -> str:
    """Format a reporting ratio: ``35.599/35.900 (99,16 %)``; an empty whole gives 0 %."""
    share = 100.0 * part / whole if whole else 0.0
    counts = f"{format_number(part, 0, language)}/{format_number(whole, 0, language)}"
    return f"{counts} ({format_percent(share, 2, language)})"


def format_date(value: dt.date, language: str = "vi") -> str:
    """Format a date in words: ``ngày 28 tháng 10 năm 2020`` (English: ``28 October 2020``)."""
    if language != "vi":
        return f"{value.day} {value.strftime('%B')} {value.year}"
    # Party and state document rules: days below 10 and the months 1 and 2 take a leading zero.
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


def format_short_date(value: dt.date) -> str:
    """Format a date as ``28/10/2020``, the form used in tables."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_place_date(place: str, value: dt.date) -> str:
    """The dateline of a Party document: ``Hạ Long, ngày 28 tháng 10 năm 2020``."""
    return f"{place}, {format_date(value)}" if place else format_date(value).capitalize()
