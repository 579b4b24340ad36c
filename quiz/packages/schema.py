"""The structure and field types of every part of a results package, checked before anything is written."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quiz.packages.container import PackageRefused

# PostgreSQL INTEGER is 32-bit: a larger number would fail mid-merge instead of being refused up front.
_INT_LIMIT = 2**31
MAX_TEXT_LENGTH = 5_000_000


@dataclass(frozen=True)
class Field:
    """One field: its kind, whether it may be null, a length cap or allowed values, and nested fields."""

    kind: str  # id, str, int, float, bool, datetime, date, object, rows, ints, mapping
    nullable: bool = False
    max_length: int = MAX_TEXT_LENGTH
    choices: tuple[str, ...] = ()
    fields: dict[str, Field] = field(default_factory=dict)


def _id(nullable: bool = False) -> Field:
    return Field("id", nullable, 36)


def _str(max_length: int = MAX_TEXT_LENGTH, choices: tuple[str, ...] = ()) -> Field:
    return Field("str", False, max_length, choices)


def _when(nullable: bool = False) -> Field:
    return Field("datetime", nullable)


INT, FLOAT, BOOL = Field("int"), Field("float"), Field("bool")
OPTIONAL_INT, OPTIONAL_FLOAT, OPTIONAL_DATE = Field("int", True), Field("float", True), Field("date", True)

UNIT = {"id": _id(), "name": _str(300), "kind": _str(10, ("dang_bo", "chi_bo")), "parent_id": _id(True)}
UNIT["updated_at"] = _when()
MEMBER = {
    "id": _id(),
    "full_name": _str(200),
    "birth_date": OPTIONAL_DATE,
    "party_position": _str(200),
    "job_position": _str(200),
    "workplace": _str(300),
    "chi_bo_id": _id(True),
    "joined_party_on": OPTIONAL_DATE,
    "card_number": _str(50),
    "created_at": _when(),
    "updated_at": _when(),
}
ANSWER = {
    "id": _id(),
    "response": Field("mapping"),
    "is_correct": BOOL,
    "credit": FLOAT,
    "answered_at": _when(),
    "time_spent_seconds": FLOAT,
    "changed_count": INT,
}
ITEM = {
    "id": _id(),
    "position": INT,
    "question_id": _str(64),
    "question_type": _str(12),
    "section_id": _id(True),
    "fact_key": _str(64),
    "fact_kind": _str(20),
    "option_order": Field("ints"),
    "flagged": BOOL,
    "answer": Field("object", True, fields=ANSWER),
}
ATTEMPT = {
    "id": _id(),
    "member_id": _id(),
    "document_id": _id(),
    "mode": _str(10, ("exam", "practice", "section", "review")),
    "section_id": _id(True),
    "seed": INT,
    "started_at": _when(),
    "deadline_at": _when(True),
    # Only submitted attempts travel: they no longer change, so merging them once is right.
    "submitted_at": _when(),
    "auto_submitted": BOOL,
    "correct_count": INT,
    "question_count": INT,
    "score": FLOAT,
    "score_percent": FLOAT,
    "passed": BOOL,
    "updated_at": _when(),
    "items": Field("rows", fields=ITEM),
}
REFLECTION = {"question": _str(), "answer": _str()}
COMMITMENT = {"content": _str(), "measures": _str(), "due_text": _str(200), "note": _str(), "category": _str(200)}
CONTENT = {"reflections": Field("rows", fields=REFLECTION), "commitments": Field("rows", fields=COMMITMENT)}
PLEDGE_STATES = ("draft", "finalised")
HISTORY = {
    "id": _id(),
    "version": INT,
    "state": _str(12, PLEDGE_STATES),
    "modified_at": _when(),
    "content": Field("object", fields=CONTENT),
    "recorded_at": _when(),
}
PLEDGE = {
    "id": _id(),
    "member_id": _id(),
    "document_id": _id(),
    "state": _str(12, PLEDGE_STATES),
    "version": INT,
    "created_at": _when(),
    "modified_at": _when(),
    "finalised_at": _when(True),
    "content": Field("object", fields=CONTENT),
    "history": Field("rows", fields=HISTORY),
}
LOG = {
    "id": _id(),
    "rating": INT,
    "reviewed_at": _when(),
    "attempt_id": _id(True),
    "due_before": _when(True),
    "due_after": _when(),
}
CARD = {
    "id": _id(),
    "member_id": _id(),
    "fact_key": _str(64),
    "question_id": Field("str", True, 64),
    "state": INT,
    "step": OPTIONAL_INT,
    "stability": OPTIONAL_FLOAT,
    "difficulty": OPTIONAL_FLOAT,
    "due": _when(),
    "last_review": _when(True),
    "reviews": INT,
    "lapses": INT,
    "created_at": _when(),
    "updated_at": _when(),
    "log": Field("rows", fields=LOG),
}
PROGRESS = {
    "id": _id(),
    "member_id": _id(),
    "section_id": _id(),
    "document_id": _id(),
    "opened_at": _when(True),
    "reading_seconds": INT,
    "studied": BOOL,
    "studied_at": _when(True),
    "updated_at": _when(),
}
DOCUMENT_REFERENCE = {"id": _id(), "content_hash": _str(64), "title": _str(500)}
SENTENCE = {"id": _id(), "position": INT, "start": INT, "end": INT, "text": _str()}
SECTION = {
    "id": _id(),
    "position": INT,
    "level": INT,
    "parent_position": OPTIONAL_INT,
    "title": _str(500),
    "start": INT,
    "end": INT,
    "text": _str(),
    "sentences": Field("rows", fields=SENTENCE),
}
DOCUMENT_TEXT = {
    **DOCUMENT_REFERENCE,
    "source_name": _str(500),
    "imported_at": _when(),
    "text": _str(),
    "removed_lines": Field("rows", fields={"line": _str(), "reason": _str()}),
    "sections": Field("rows", fields=SECTION),
}

# Part name → the fields of each row; every part is a list of rows.
PART_FIELDS: dict[str, dict[str, Field]] = {
    "units.json": UNIT,
    "members.json": MEMBER,
    "attempts.json": ATTEMPT,
    "pledges.json": PLEDGE,
    "review_cards.json": CARD,
    "section_progress.json": PROGRESS,
    "documents.json": DOCUMENT_REFERENCE,
    "document_texts.json": DOCUMENT_TEXT,
}
OPTIONAL_PARTS = frozenset({"document_texts.json"})
REQUIRED_PARTS = frozenset(PART_FIELDS) - OPTIONAL_PARTS


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
    return dict(value) if type(value) is dict else _INVALID


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
