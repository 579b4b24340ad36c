"""Spaced-review rules: the day-level FSRS scheduler, how an answer becomes a rating, and "due today"."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from fsrs import Card, Rating, Scheduler, State

from quiz.errors import UserError

# An answer slower than this many seconds, or than twice the attempt's median, was hard to recall.
SLOW_ANSWER_SECONDS = 60.0
SLOW_ANSWER_MEDIAN_FACTOR = 2.0

RATING_NAMES: dict[str, Rating] = {
    "again": Rating.Again,
    "hard": Rating.Hard,
    "good": Rating.Good,
    "easy": Rating.Easy,
}


def make_scheduler() -> Scheduler:
    """FSRS with day-level steps only (members review once a day, never minutes apart); no fuzz, so
    due dates are reproducible and testable."""
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


@dataclass(frozen=True)
class AnswerFacts:
    """What rating an answer needs: right or wrong, how long it took, how often it was changed."""

    is_correct: bool
    time_spent_seconds: float
    changed_count: int


def median_time(answers: Sequence[AnswerFacts]) -> float | None:
    times = [answer.time_spent_seconds for answer in answers if answer.time_spent_seconds > 0]
    return statistics.median(times) if times else None


def rate_answer(answer: AnswerFacts | None, median_seconds: float | None) -> Rating:
    """Wrong or unanswered → Again; right but slow, or changed before submitting → Hard; else Good."""
    if answer is None or not answer.is_correct:
        return Rating.Again
    slow = answer.time_spent_seconds > SLOW_ANSWER_SECONDS or (
        median_seconds is not None and answer.time_spent_seconds > SLOW_ANSWER_MEDIAN_FACTOR * median_seconds
    )
    return Rating.Hard if slow or answer.changed_count > 0 else Rating.Good


def parse_rating(rating: str | int) -> Rating:
    """A rating given by name ("again", "hard", "good", "easy") or by its FSRS number (1–4)."""
    if isinstance(rating, int):
        if rating in {item.value for item in Rating}:
            return Rating(rating)
    elif rating.strip().lower() in RATING_NAMES:
        return RATING_NAMES[rating.strip().lower()]
    raise UserError("Mức đánh giá không hợp lệ (chọn: quên, khó, được, dễ).")


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes for stored UTC times; FSRS needs timezone.utc exactly."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def end_of_day(now: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """The start of the next local day (UTC): a card due before it is due "today"."""
    local = as_utc(now).astimezone(zone) if zone is not None else as_utc(now).astimezone()
    tomorrow = local.date() + dt.timedelta(days=1)
    midnight = dt.datetime.combine(tomorrow, dt.time(), tzinfo=local.tzinfo)
    return midnight.astimezone(dt.UTC)


def new_card(now: dt.datetime) -> Card:
    # An explicit card_id: fsrs otherwise sleeps a millisecond per card to keep its own ids unique.
    return Card(card_id=1, state=State.Learning, due=as_utc(now))


def restore_card(
    state: int,
    step: int | None,
    stability: float | None,
    difficulty: float | None,
    due: dt.datetime,
    last_review: dt.datetime | None,
) -> Card:
    return Card(
        card_id=1,
        state=State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=as_utc(due),
        last_review=as_utc(last_review) if last_review else None,
    )
