"""Checking a part column by column (type sets, min/max, C-level maps) and converting its values in place."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any

from quiz.packages.schema import Field

# A merge checks millions of values: one Python call per value (quiz.packages.validate) took longer than writing
# them. Here each field of all rows is checked at once; anything wrong only makes ``check_rows`` answer False, and
# the row-by-row validator then names the exact place (refusals read as they did).
INT_LIMIT = 2**31
_Check = Callable[[list[Any], Field], list[Any] | None]


def check_rows(fields: dict[str, Field], rows: Any, nesting_limit: int) -> bool:
    """Whether ``rows`` is a list of objects with exactly ``fields``, all valid; if so converts values in place.

    Nothing is converted unless everything is valid, so the row-by-row validator sees the original data.
    """
    pending: list[tuple[list[Any], str, list[Any], list[Any]]] = []
    if not _check(fields, rows, nesting_limit, pending):
        return False
    for arguments in pending:
        _write_back(*arguments)
    return True


def _check(fields: dict[str, Field], rows: Any, nesting_limit: int, pending: list[Any]) -> bool:
    if type(rows) is not list:
        return False
    if not rows:
        return True
    names = frozenset(fields)
    if set(map(type, rows)) != {dict} or set(map(frozenset, rows)) != {names}:
        return False
    for name, spec in fields.items():
        values = list(map(itemgetter(name), rows))
        present = [value for value in values if value is not None] if None in values else values
        if len(present) != len(values) and not spec.nullable:
            return False
        if spec.kind == "object":
            if not _check(spec.fields, present, nesting_limit, pending):
                return False
            continue
        if spec.kind == "rows":
            if set(map(type, present)) - {list}:
                return False
            if not _check(spec.fields, list(chain.from_iterable(present)), nesting_limit, pending):
                return False
            continue
        if spec.kind == "mapping":
            if not _mappings(present, nesting_limit):
                return False
            continue
        converted = _CHECKS[spec.kind](present, spec)
        if converted is None:
            return False
        if converted is not present:
            pending.append((rows, name, values, converted))
    return True


def _write_back(rows: list[Any], name: str, values: list[Any], converted: list[Any]) -> None:
    replacements = iter(converted)
    for row, value in zip(rows, values, strict=True):
        if value is not None:
            row[name] = next(replacements)


def _types(values: list[Any]) -> set[type]:
    return set(map(type, values))


def _texts(values: list[Any], spec: Field) -> list[Any] | None:
    if not values:
        return values
    if _types(values) != {str} or max(map(len, values)) > spec.max_length:
        return None
    if spec.kind == "id" and min(map(len, values)) == 0:
        return None
    if spec.choices and not set(values) <= set(spec.choices):
        return None
    return values


def _integers(values: list[Any], _spec: Field) -> list[Any] | None:
    if values and (_types(values) != {int} or not -INT_LIMIT < min(values) <= max(values) < INT_LIMIT):
        return None
    return values


def _numbers(values: list[Any], spec: Field) -> list[Any] | None:
    types = _types(values)
    if not types <= {int, float}:
        return None
    if int in types:
        if _integers([value for value in values if type(value) is int], spec) is None:
            return None
        values = list(map(float, values))
    return values if all(map(math.isfinite, values)) else None


def _booleans(values: list[Any], _spec: Field) -> list[Any] | None:
    return values if not values or _types(values) == {bool} else None


def _times(values: list[Any], _spec: Field) -> list[Any] | None:
    if not values:
        return values
    if _types(values) != {str} or max(map(len, values)) > 40:
        return None
    try:
        moments = list(map(dt.datetime.fromisoformat, values))
    except ValueError:
        return None
    if set(map(attrgetter("tzinfo"), moments)) == {dt.UTC}:
        return moments  # what every PC writes: nothing more to convert
    return [moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC) for moment in moments]


def _dates(values: list[Any], _spec: Field) -> list[Any] | None:
    if not values:
        return values
    if _types(values) != {str} or set(map(len, values)) != {10}:
        return None
    try:
        return list(map(dt.date.fromisoformat, values))
    except ValueError:
        return None


def _integer_lists(values: list[Any], spec: Field) -> list[Any] | None:
    if values and (_types(values) != {list} or _integers(list(chain.from_iterable(values)), spec) is None):
        return None
    return values


def _mappings(values: list[Any], nesting_limit: int) -> bool:
    if values and _types(values) != {dict}:
        return False
    children = [value for value in chain.from_iterable(map(dict.values, values)) if type(value) in (dict, list)]
    return not any(nested_deeper(child, nesting_limit - 1) for child in children)


def nested_deeper(value: Any, limit: int) -> bool:
    """Whether ``value`` holds lists or dicts more than ``limit`` levels deep (iterative: no recursion)."""
    level, current = 0, [value]
    while current:
        level += 1
        if level > limit:
            return True
        current = [
            child
            for item in current
            for child in (item.values() if type(item) is dict else item)
            if type(child) in (dict, list)
        ]
    return False


_CHECKS: dict[str, _Check] = {
    "id": _texts,
    "str": _texts,
    "int": _integers,
    "float": _numbers,
    "bool": _booleans,
    "datetime": _times,
    "date": _dates,
    "ints": _integer_lists,
}
