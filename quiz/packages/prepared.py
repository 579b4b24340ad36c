"""A package's attempt items and answers made ready for the database driver once, right after the package is read.

The reading process of a large merge does this work beside the merging one (quiz.packages.reading), so the merge
itself mostly waits on the database. No SQLAlchemy here (the reading process starts without it).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Literal

from quiz.packages import column_text

Row = dict[str, Any]
# How rows travel to the database: tuples for sqlite3's executemany, text lines for PostgreSQL's COPY (pg8000), or
# dictionaries for SQLAlchemy's own insert (any other driver).
Flavour = Literal["sqlite", "copy", "rows"]
ITEM_COLUMNS = (
    "id",
    "attempt_id",
    "position",
    "question_id",
    "question_type",
    "section_id",
    "fact_key",
    "fact_kind",
    "option_order",
    "flagged",
    "is_correct",
)
ANSWER_COLUMNS = (
    "id",
    "attempt_item_id",
    "position",
    "response",
    "is_correct",
    "credit",
    "answered_at",
    "time_spent_seconds",
    "changed_count",
)
# Columns read from the package's own items and answers, in the order above; the others are derived.
_ITEM_OWN = ("position", "question_id", "question_type", "section_id", "fact_key", "fact_kind")
_ANSWER_OWN = ("credit", "answered_at", "time_spent_seconds", "changed_count")


@dataclass(frozen=True)
class PreparedTable:
    """Rows for one table in ``columns`` order, with the attempt each row belongs to."""

    columns: tuple[str, ...]
    attempt_ids: list[str]
    rows: list[Any]  # tuples (sqlite), COPY text lines (copy) or dictionaries (rows)

    def without(self, attempt_ids: set[str]) -> PreparedTable:
        """The rows of the other attempts (an attempt already merged is skipped whole)."""
        if not attempt_ids:
            return self
        kept = [index for index, attempt_id in enumerate(self.attempt_ids) if attempt_id not in attempt_ids]
        return PreparedTable(self.columns, [self.attempt_ids[index] for index in kept], [self.rows[i] for i in kept])


@dataclass(frozen=True)
class PreparedAttempts:
    flavour: Flavour
    items: PreparedTable
    answers: PreparedTable
    # Attempt id → how many of its items were answered (the attempts' own items may be gone: ``without_items``).
    answered: dict[str, int]


def without_items(attempts: list[Row]) -> None:
    """Drop the attempts' items and answers once prepared: half of what the reading process would hand over."""
    for attempt in attempts:
        attempt["items"] = []


def prepare_attempts(attempts: list[Row], flavour: Flavour) -> PreparedAttempts:
    """The items and answers of checked ``attempts`` (quiz.packages.content) as rows of ``attempt_items`` and
    ``answers``; the item's ``is_correct`` is copied from its answer (False when unanswered)."""
    items = [item for attempt in attempts for item in attempt["items"]]
    item_attempts = [attempt["id"] for attempt in attempts for _item in attempt["items"]]
    answer_of_item = list(map(itemgetter("answer"), items))
    answered = [index for index, answer in enumerate(answer_of_item) if answer is not None]
    answers = [answer_of_item[index] for index in answered]
    item_values = [_column(items, "id"), item_attempts, *(_column(items, name) for name in _ITEM_OWN)]
    item_values += [
        _json(_column(items, "option_order"), flavour),
        _column(items, "flagged"),
        [answer is not None and answer["is_correct"] is True for answer in answer_of_item],
    ]
    item_ids, positions = item_values[0], item_values[2]
    answer_values = [
        _column(answers, "id"),
        [item_ids[index] for index in answered],
        [positions[index] for index in answered],
        _json(_column(answers, "response"), flavour),
        _column(answers, "is_correct"),
        *(_column(answers, name) for name in _ANSWER_OWN),
    ]
    if flavour == "sqlite":
        answer_values[6] = column_text.sqlite_time_texts(answer_values[6])
    answer_attempts = [item_attempts[index] for index in answered]
    counts = dict.fromkeys((attempt["id"] for attempt in attempts), 0)
    for attempt_id in answer_attempts:
        counts[attempt_id] += 1
    return PreparedAttempts(
        flavour,
        PreparedTable(ITEM_COLUMNS, item_attempts, _rows(ITEM_COLUMNS, item_values, flavour)),
        PreparedTable(ANSWER_COLUMNS, answer_attempts, _rows(ANSWER_COLUMNS, answer_values, flavour)),
        counts,
    )


def _column(rows: list[Row], name: str) -> list[Any]:
    return list(map(itemgetter(name), rows))


def _json(values: list[Any], flavour: Flavour) -> list[Any]:
    return values if flavour == "rows" else column_text.json_texts(values)


def _rows(columns: tuple[str, ...], values: list[list[Any]], flavour: Flavour) -> list[Any]:
    if flavour == "copy":
        return column_text.copy_lines(values)
    rows = list(zip(*values, strict=True))
    return rows if flavour == "sqlite" else [dict(zip(columns, row, strict=True)) for row in rows]
