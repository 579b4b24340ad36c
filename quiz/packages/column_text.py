"""Whole columns turned into what the database drivers take: JSON texts, SQLite's time texts, COPY text lines.

No SQLAlchemy here: the reading process of a merge prepares rows with these and starts fast without it. Each
function works on one column of values at once (C-level maps), not on one value per Python call.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from operator import attrgetter, itemgetter, methodcaller
from typing import Any

_ISO_WITH_MICROSECONDS = methodcaller("isoformat", " ", "microseconds")
# "2025-11-01 08:00:00.000000" and a UTC offset after it on aware values: the offset is cut off.
_WITHOUT_OFFSET = itemgetter(slice(0, 26))
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def json_encoder(none_as_null: bool = False) -> Callable[[Any], Any]:
    """The text SQLAlchemy's JSON type stores (json.dumps' defaults), from one encoder made once instead of one per
    value (three times faster). ``none_as_null``: None stays SQL NULL instead of the JSON text null."""
    encoder = json.JSONEncoder()
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without the C accelerator
        encode: Callable[[Any], str] = encoder.encode
    else:
        chunks = make(None, encoder.default, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True)

        def encode(value: Any) -> str:
            return "".join(chunks(value, 0))

    if not none_as_null:
        return encode
    return lambda value: None if value is None else encode(value)


def json_texts(values: Sequence[Any]) -> list[str]:
    return list(map(json_encoder(), values))


def sqlite_time_texts(values: Sequence[dt.datetime | None]) -> list[str | None]:
    """Times as SQLAlchemy's SQLite DATETIME stores them, in UTC: ``YYYY-MM-DD HH:MM:SS.ffffff``.

    Aware values are converted to UTC first; naive ones are taken as UTC already (as ``UtcDateTime`` does).
    """
    zones = set(map(attrgetter("tzinfo"), filter(None, values)))
    if not zones <= {None, dt.UTC}:
        values = [value if value is None or value.tzinfo is None else value.astimezone(dt.UTC) for value in values]
    if None in values:
        return [None if value is None else _WITHOUT_OFFSET(_ISO_WITH_MICROSECONDS(value)) for value in values]
    return list(map(_WITHOUT_OFFSET, map(_ISO_WITH_MICROSECONDS, values)))


def copy_lines(columns: Sequence[Sequence[Any]]) -> list[str]:
    """Rows (given column by column, JSON already as text) as lines of PostgreSQL's COPY text format: tab-separated,
    \\N for NULL, backslash escapes only where needed. ``str()`` of a time, number or boolean reads back unchanged."""
    texts_by_column = []
    for values in columns:
        texts = ["" if value is None else str(value) for value in values]
        if any(character in "".join(texts) for character in "\\\t\n\r"):
            texts = [text.translate(_COPY_ESCAPES) for text in texts]
        if None in values:
            texts = ["\\N" if value is None else text for value, text in zip(values, texts, strict=True)]
        texts_by_column.append(texts)
    return list(map("\t".join, zip(*texts_by_column, strict=True)))


def copy_data(lines: Sequence[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")
