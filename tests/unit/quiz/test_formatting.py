"""Vietnamese formatting of numbers, rates and dates."""

from __future__ import annotations

import datetime as dt

from quiz.formatting import format_date, format_number, format_percent, format_ratio


def test_numbers_use_dot_for_thousands_and_comma_for_decimals() -> None:
    assert format_number(23000) == "23.000"
    assert format_number(1234567.891, 2) == "1.234.567,89"
    assert format_number(23000, language="en") == "23,000"


def test_reporting_ratio_matches_the_party_style() -> None:
    assert format_ratio(35599, 35900) == "35.599/35.900 (99,16 %)"
    assert format_ratio(0, 0) == "0/0 (0,00 %)"
    assert format_percent(71.5, 1) == "71,5 %"


def test_dates_in_words_with_leading_zeros_where_the_rules_want_them() -> None:
    assert format_date(dt.date(2020, 10, 28)) == "ngày 28 tháng 10 năm 2020"
    assert format_date(dt.date(2021, 2, 5)) == "ngày 05 tháng 02 năm 2021"
