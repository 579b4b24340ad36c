"""Wrong options keep the key's form: numbers, ordinals, periods, dates and references."""

from __future__ import annotations

import random

from quiz.questions.distractors import (
    date_options,
    number_options,
    ordinal_options,
    period_options,
    reference_options,
)


def test_numbers_keep_format_and_lie_on_both_sides() -> None:
    for key in ("23.000", "71,5", "231", "7"):
        options = number_options(key, [], random.Random(1), percent=key == "71,5")
        assert key in options and len(set(options)) == 4
        assert 0 < options.index(key) < 3
        values = [float(option.replace(".", "").replace(",", ".")) for option in options]
        assert values == sorted(values)
        assert all(("," in option) == ("," in key) for option in options)


def test_sibling_numbers_come_first() -> None:
    options = number_options("7", [3.0, 5.0, 4.0], random.Random(0), percent=False)
    assert {"5", "3"} & set(options)


def test_ranges_shift_by_their_width() -> None:
    options = number_options("6-7", [], random.Random(0), percent=True)
    assert "6-7" in options and all("-" in option for option in options)


def test_roman_ordinals_are_neighbours() -> None:
    options = ordinal_options("XV", random.Random(0))
    assert {"XIV", "XV", "XVI"} <= set(options) and len(options) == 4


def test_periods_shift_by_whole_terms_in_the_same_style() -> None:
    options = period_options("2020 – 2025", random.Random(0))
    assert "2015 – 2020" in options and "2025 – 2030" in options and len(options) == 4


def test_dates_keep_their_format() -> None:
    assert all(option.endswith("/10") for option in date_options("28/10", random.Random(0)))
    years = date_options("2023", random.Random(0))
    assert "2023" in years and years == sorted(years)


def test_references_keep_type_and_suffix() -> None:
    options = reference_options("Chỉ thị 35-CT/TW", [], random.Random(0))
    assert len(options) == 4 and all(option.startswith("Chỉ thị ") and option.endswith("-CT/TW") for option in options)
