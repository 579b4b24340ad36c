"""Checking package rows against their fields (built once per part), converting dates and times on the way."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable
from typing import Any

from quiz.packages.container import PackageRefused
from quiz.packages.schema import PART_FIELDS, Field
from quiz.packages.validate_fast import check_rows, nested_deeper

# PostgreSQL INTEGER is 32-bit: a larger number would fail mid-merge instead of being refused up front.
_INT_LIMIT = 2**31
# An answer's response is at most {"pairs": [[0, 1], ...]}: three levels.
MAPPING_DEPTH = 8


class _WrongType(Exception):
    """A value of the wrong type; the path is built while the error travels out of the nested rows."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected
        self.path = ""

    def under(self, step: str) -> _WrongType:
        self.path = step + self.path
        return self


_EXPECTED = {
    "id": "một mã định danh",
    "str": "một chuỗi",
    "int": "một số nguyên",
    "float": "một số",
    "bool": "đúng/sai",
    "datetime": "một thời điểm",
    "date": "một ngày",
    "object": "một đối tượng",
    "mapping": "một đối tượng",
    "rows": "một danh sách",
    "ints": "một danh sách số nguyên",
}
Validator = Callable[[Any], Any]


def validate_part(name: str, data: Any) -> list[dict[str, Any]]:
    """Check ``data`` against the part's fields and return it with dates and times converted."""
    if check_rows(PART_FIELDS[name], data, MAPPING_DEPTH):
        return list(data)
    # Something is wrong (or unusual): the row-by-row check names the place, or converts what was merely unusual.
    try:
        rows: list[dict[str, Any]] = _part_validator(name)(data)
    except _WrongType as error:
        raise _refusal(name, error) from None
    return rows


def validate_object(data: Any, fields: dict[str, Field], name: str) -> dict[str, Any]:
    """Check one object (e.g. the manifest's own fields) the same way."""
    try:
        checked: dict[str, Any] = _object_validator(fields)(data)
    except _WrongType as error:
        raise _refusal(name, error) from None
    return checked


def _refusal(name: str, error: _WrongType) -> PackageRefused:
    where = error.path.lstrip(".") or "gốc"
    return PackageRefused(f"Thành phần {name} của gói kết quả có kiểu dữ liệu sai ({where} phải là {error.expected}).")


@functools.cache
def _part_validator(name: str) -> Validator:
    # Validators are built once per part: a unit's merge checks millions of values.
    return _rows_validator(PART_FIELDS[name])


def _compile(spec: Field) -> Validator:
    check = _base_validator(spec)
    if not spec.nullable:
        return check
    return lambda value: None if value is None else check(value)


def _base_validator(spec: Field) -> Validator:
    if spec.kind == "object":
        return _object_validator(spec.fields)
    if spec.kind == "rows":
        return _rows_validator(spec.fields)
    expected = _EXPECTED[spec.kind] + (" (" + ", ".join(spec.choices) + ")" if spec.choices else "")
    convert = _CONVERTERS[spec.kind]
    choices, max_length = frozenset(spec.choices), spec.max_length

    def check(value: Any) -> Any:
        converted = convert(value, max_length)
        if converted is _INVALID or (choices and converted not in choices):
            raise _WrongType(expected)
        return converted

    return check


def _rows_validator(fields: dict[str, Field]) -> Validator:
    check_row = _object_validator(fields)

    def check(value: Any) -> Any:
        if type(value) is not list:
            raise _WrongType(_EXPECTED["rows"])
        checked = []
        for index, row in enumerate(value):
            try:
                checked.append(check_row(row))
            except _WrongType as error:
                raise error.under(f"[{index}]") from None
        return checked

    return check


def _object_validator(fields: dict[str, Field]) -> Validator:
    checks = [(key, _compile(spec)) for key, spec in fields.items()]
    names = frozenset(fields)
    expected = "một đối tượng có đúng các trường " + ", ".join(sorted(fields))

    def check(value: Any) -> Any:
        if type(value) is not dict or value.keys() != names:
            raise _WrongType(expected)
        checked = {}
        for key, check_value in checks:
            try:
                checked[key] = check_value(value[key])
            except _WrongType as error:
                raise error.under(f".{key}") from None
        return checked

    return check


_INVALID = object()


def _text(value: Any, max_length: int) -> Any:
    return value if type(value) is str and len(value) <= max_length else _INVALID


def _identity(value: Any, max_length: int) -> Any:
    return value if type(value) is str and 0 < len(value) <= max_length else _INVALID


def _integer(value: Any, _max_length: int) -> Any:
    return value if _is_int(value) else _INVALID


def _number(value: Any, _max_length: int) -> Any:
    if type(value) is float and math.isfinite(value):
        return value
    return float(value) if _is_int(value) else _INVALID


def _boolean(value: Any, _max_length: int) -> Any:
    return value if type(value) is bool else _INVALID


def _integers(value: Any, _max_length: int) -> Any:
    return list(value) if type(value) is list and all(_is_int(item) for item in value) else _INVALID


def _mapping(value: Any, _max_length: int) -> Any:
    # Free-form (an answer's response): the only place a part may nest deeper than its schema, so bound it here.
    return dict(value) if type(value) is dict and not nested_deeper(value, MAPPING_DEPTH) else _INVALID


def _is_int(value: Any) -> bool:
    return type(value) is int and -_INT_LIMIT < value < _INT_LIMIT


def _parse_time(value: Any, _max_length: int) -> Any:
    if type(value) is not str or len(value) > 40:
        return _INVALID
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return _INVALID
    return moment.astimezone(dt.UTC) if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _parse_date(value: Any, _max_length: int) -> Any:
    if type(value) is not str or len(value) != 10:
        return _INVALID
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return _INVALID


_CONVERTERS: dict[str, Callable[[Any, int], Any]] = {
    "id": _identity,
    "str": _text,
    "int": _integer,
    "float": _number,
    "bool": _boolean,
    "datetime": _parse_time,
    "date": _parse_date,
    "ints": _integers,
    "mapping": _mapping,
}
