"""Whole-column conversions store exactly what SQLAlchemy's own types would."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import create_engine

from quiz.packages.column_text import copy_lines, json_encoder, sqlite_time_texts
from quiz.storage.base import UtcDateTime

HANOI = dt.timezone(dt.timedelta(hours=7))
TIMES: list[dt.datetime | None] = [
    dt.datetime(2026, 12, 7, 8, 30, 15, 123456, tzinfo=dt.UTC),
    dt.datetime(2026, 12, 7, 8, 30, tzinfo=dt.UTC),  # no microseconds: still six digits
    dt.datetime(1, 1, 1, tzinfo=dt.UTC),  # a four-digit year
    dt.datetime(2026, 1, 1, 6, 59, 59, 999999, tzinfo=HANOI),  # another zone: the day before in UTC
    dt.datetime(2026, 5, 19, 7, 0),  # naive: taken as UTC
]


def test_sqlite_time_texts_are_those_of_the_column_type() -> None:
    processor = UtcDateTime()._cached_bind_processor(create_engine("sqlite://").dialect)
    assert processor is not None
    assert sqlite_time_texts(TIMES) == [processor(value) for value in TIMES]
    assert sqlite_time_texts([*TIMES, None])[-1] is None
    assert sqlite_time_texts(TIMES)[3] == "2025-12-31 23:59:59.999999"


def test_json_texts_are_those_of_json_dumps() -> None:
    values = [{"choice": 2}, [3, 0, 1, 2], {"text": 'Đảng viên "mẫu mực"\n', "pairs": [[0, 1]]}, None, 1.5]
    assert [json_encoder()(value) for value in values] == [json.dumps(value) for value in values]
    assert json_encoder(none_as_null=True)(None) is None


def test_copy_lines_escape_only_what_copy_reads_specially() -> None:
    lines = copy_lines([["a\tb", "c\\d", "dòng\nmới", None, ""], [1, 2.5, True, None, "x\r"]])
    assert lines == ["a\\tb\t1", "c\\\\d\t2.5", "dòng\\nmới\tTrue", "\\N\t\\N", "\tx\\r"]
