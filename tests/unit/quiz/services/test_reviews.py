"""Spaced review: missed facts become FSRS cards due by day; later answers and ratings reschedule them."""

from __future__ import annotations

import datetime as dt

import pytest
from fsrs import Rating
from sqlalchemy import select

from quiz.engine.review_schedule import AnswerFacts, end_of_day, median_time, parse_rating, rate_answer
from quiz.errors import AccessDenied, NotFound, UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.study import ReviewCard, ReviewLogEntry
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_member,
    make_question,
    make_submitted_attempt,
)

VIETNAM = dt.timezone(dt.timedelta(hours=7))
MONDAY_9AM_LOCAL = dt.datetime(2025, 11, 3, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def bank(service: Service) -> tuple[str, list[str]]:
    document = make_document(service)
    questions = [
        make_question(service, document.document_id, f"fact-{index}", prompt=f"Câu {index}?") for index in range(3)
    ]
    service.reviews.day_zone = VIETNAM
    return document.document_id, questions


def _attempt(service: Service, member_id: str, document_id: str, given: list[GivenAnswer], when: dt.datetime) -> str:
    attempt_id = make_submitted_attempt(service, member_id, document_id, given, submitted_at=when)
    service.reviews.record_attempt(attempt_id)
    return attempt_id


def test_a_missed_fact_becomes_a_card_due_the_next_day(service: Service, bank: tuple[str, list[str]]) -> None:
    document_id, questions = bank
    member_id = make_member(service)
    given = [GivenAnswer(questions[0], 1), GivenAnswer(questions[1], 0), GivenAnswer(questions[2], None)]
    _attempt(service, member_id, document_id, given, MONDAY_9AM_LOCAL)

    cards = service.reviews.all_cards(member_id)
    # The wrong and the unanswered question are missed; the right one makes no card.
    assert [card.fact_key for card in cards] == ["fact-0", "fact-2"]
    assert all(card.due == MONDAY_9AM_LOCAL + dt.timedelta(days=1) for card in cards)
    assert cards[0].question_id == questions[0] and cards[0].prompt == "Câu 0?"

    monday_evening = dt.datetime(2025, 11, 3, 22, 0, tzinfo=VIETNAM)
    tuesday_morning = dt.datetime(2025, 11, 4, 6, 0, tzinfo=VIETNAM)  # before 9 h, still "due today"
    assert service.reviews.due_count(member_id, monday_evening) == 0
    assert service.reviews.due_cards(member_id, monday_evening) == []
    assert service.reviews.due_count(member_id, tuesday_morning) == 2
    assert service.reviews.review_question_ids(member_id, now=tuesday_morning) == [questions[0], questions[2]]


def test_recording_the_same_attempt_twice_changes_nothing(service: Service, bank: tuple[str, list[str]]) -> None:
    document_id, questions = bank
    member_id = make_member(service)
    attempt_id = _attempt(service, member_id, document_id, [GivenAnswer(questions[0], 2)], MONDAY_9AM_LOCAL)
    service.reviews.record_attempt(attempt_id)
    assert [card.reviews for card in service.reviews.all_cards(member_id)] == [1]


def test_later_answers_rate_good_hard_or_again(service: Service, bank: tuple[str, list[str]]) -> None:
    document_id, questions = bank
    member_id = make_member(service)
    missed_all = [GivenAnswer(question, 3) for question in questions]
    _attempt(service, member_id, document_id, missed_all, MONDAY_9AM_LOCAL)

    two_days_later = MONDAY_9AM_LOCAL + dt.timedelta(days=2)
    later = [
        GivenAnswer(questions[0], 0, time_spent_seconds=10),  # right and quick: Good
        GivenAnswer(questions[1], 0, time_spent_seconds=10, changed_count=1),  # changed its answer: Hard
        GivenAnswer(questions[2], 1, time_spent_seconds=10),  # wrong again: Again
    ]
    second_attempt = _attempt(service, member_id, document_id, later, two_days_later)

    with service.context.session() as session:
        rows = session.execute(
            select(ReviewCard.fact_key, ReviewLogEntry.rating)
            .join(ReviewCard, ReviewCard.id == ReviewLogEntry.card_id)
            .where(ReviewLogEntry.attempt_id == second_attempt)
        )
        ratings = {fact_key: rating for fact_key, rating in rows}
    assert ratings == {"fact-0": Rating.Good.value, "fact-1": Rating.Hard.value, "fact-2": Rating.Again.value}
    due = {card.fact_key: card.due for card in service.reviews.all_cards(member_id)}
    assert two_days_later < due["fact-2"] <= due["fact-1"] <= due["fact-0"]
    lapsed = {card.fact_key: card.lapses for card in service.reviews.all_cards(member_id)}
    assert lapsed == {"fact-0": 0, "fact-1": 0, "fact-2": 1}


def test_rating_in_review_mode_reschedules_the_card(service: Service, bank: tuple[str, list[str]]) -> None:
    document_id, questions = bank
    member_id = make_member(service)
    _attempt(service, member_id, document_id, [GivenAnswer(questions[0], 1)], MONDAY_9AM_LOCAL)
    tuesday = MONDAY_9AM_LOCAL + dt.timedelta(days=1)

    rated = service.reviews.rate(member_id, "fact-0", "good", now=tuesday)
    assert rated.due > tuesday + dt.timedelta(days=1)
    assert rated.reviews == 2
    assert service.reviews.due_count(member_id, tuesday) == 0
    with pytest.raises(NotFound):
        service.reviews.rate(member_id, "fact-unknown", "good", now=tuesday)
    with pytest.raises(UserError):
        service.reviews.rate(member_id, "fact-0", "perfect", now=tuesday)


def test_members_see_only_their_own_cards(service: Service, bank: tuple[str, list[str]], any_database_url: str) -> None:
    document_id, questions = bank
    member_a = make_member(service, "Phạm Văn Dũng")
    member_b = make_member(service, "Hoàng Thị Em")
    _attempt(service, member_a, document_id, [GivenAnswer(questions[0], 1)], MONDAY_9AM_LOCAL)
    as_b = Service.open(any_database_url, actor=Actor.member(member_b))
    try:
        with pytest.raises(AccessDenied):
            as_b.reviews.due_cards(member_a)
        assert as_b.reviews.all_cards(member_b) == []
    finally:
        as_b.close()


def test_slow_or_changed_answers_rate_hard() -> None:
    quick = AnswerFacts(True, 10.0, 0)
    assert rate_answer(quick, median_seconds=10.0) is Rating.Good
    assert rate_answer(AnswerFacts(True, 61.0, 0), median_seconds=None) is Rating.Hard
    assert rate_answer(AnswerFacts(True, 21.0, 0), median_seconds=10.0) is Rating.Hard
    assert rate_answer(AnswerFacts(True, 20.0, 0), median_seconds=10.0) is Rating.Good
    assert rate_answer(AnswerFacts(True, 5.0, 2), median_seconds=10.0) is Rating.Hard
    assert rate_answer(AnswerFacts(False, 5.0, 0), median_seconds=10.0) is Rating.Again
    assert rate_answer(None, median_seconds=10.0) is Rating.Again
    assert median_time([quick, AnswerFacts(True, 30.0, 0), AnswerFacts(False, 0.0, 0)]) == 20.0
    assert parse_rating(3) is Rating.Good and parse_rating(" Hard ") is Rating.Hard


def test_today_ends_at_local_midnight() -> None:
    late_evening = dt.datetime(2025, 11, 3, 16, 30, tzinfo=dt.UTC)  # 23:30 in Hà Nội
    assert end_of_day(late_evening, VIETNAM) == dt.datetime(2025, 11, 3, 17, 0, tzinfo=dt.UTC)
    assert end_of_day(late_evening, dt.UTC) == dt.datetime(2025, 11, 4, 0, 0, tzinfo=dt.UTC)
