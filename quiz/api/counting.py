"""Which exam counts for a member: the one rule behind the history, the unit figures, the reports and the forms.

The SQL form of the same rule (for the unit's 23.000 members at once) is quiz.storage.counted_exams; the test
tests/unit/quiz/services/test_counted_exams.py checks that both pick the same attempt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol, TypeVar

from quiz.api.enums import EXAM_MODES, CountingRule


class ExamLike(Protocol):
    """What the rule reads from an attempt (an ORM row, an ``AttemptSummary``…)."""

    @property
    def mode(self) -> str: ...

    @property
    def submitted_at(self) -> dt.datetime | None: ...

    @property
    def score_percent(self) -> float: ...


Exam = TypeVar("Exam", bound=ExamLike)


def is_submitted_exam(mode: str, submitted_at: dt.datetime | None) -> bool:
    """Only submitted exams (on screen or on paper) are on the record; practice never counts."""
    return mode in EXAM_MODES and submitted_at is not None


def submitted_exams(attempts: Iterable[Exam]) -> list[Exam]:
    """The member's submitted exams in the order they were submitted."""
    exams = [attempt for attempt in attempts if is_submitted_exam(attempt.mode, attempt.submitted_at)]
    return sorted(exams, key=lambda attempt: _moment(attempt.submitted_at))


def counted_exam(attempts: Iterable[Exam], rule: str) -> Exam | None:
    """The exam that counts: the last submitted, or the best score (the earliest of equal best scores)."""
    exams = submitted_exams(attempts)
    if not exams:
        return None
    if rule == CountingRule.LAST:
        return exams[-1]
    best = max(attempt.score_percent for attempt in exams)
    return next(attempt for attempt in exams if attempt.score_percent == best)


def deadline_end(deadline: dt.date) -> dt.datetime:
    """The deadline day ends at local midnight (the quiz refuses new exams after that day, also local), in UTC."""
    return dt.datetime.combine(deadline + dt.timedelta(days=1), dt.time()).astimezone().astimezone(dt.UTC)


def done_by_deadline(attempts: Iterable[Exam], deadline: dt.date | None) -> bool:
    """Submitted an exam by the end of the deadline day (or at all, without a deadline)."""
    exams = submitted_exams(attempts)
    if deadline is None:
        return bool(exams)
    end = deadline_end(deadline)
    return any(_moment(attempt.submitted_at) < end for attempt in exams)


def _moment(value: dt.datetime | None) -> dt.datetime:
    # Stored times are UTC (quiz.storage.base.UtcDateTime); a value built in memory may still be naive UTC.
    moment = value or dt.datetime.min
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def is_past_deadline(moment: dt.datetime, deadline: dt.date | None) -> bool:
    """True once the deadline day is over (no new exams then)."""
    return deadline is not None and moment >= deadline_end(deadline)
