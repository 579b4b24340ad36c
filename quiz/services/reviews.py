"""Spaced review of missed facts with FSRS: cards from attempts, "Ôn tập" (due today) and ratings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from fsrs import Card, Rating
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz.api.study import ReviewCardInfo
from quiz.engine.review_schedule import (
    AnswerFacts,
    as_utc,
    end_of_day,
    make_scheduler,
    median_time,
    new_card,
    parse_rating,
    rate_answer,
    restore_card,
)
from quiz.errors import NotFound
from quiz.services.context import ServiceContext
from quiz.storage.base import utc_now
from quiz.storage.models.attempts import Attempt, AttemptItem, answers_of
from quiz.storage.models.bank import Question
from quiz.storage.models.study import ReviewCard, ReviewLogEntry


class ReviewService:
    """Facts a member misses become FSRS cards; later answers and review ratings reschedule them."""

    def __init__(self, context: ServiceContext, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._context = context
        # Injectable for tests: the clock, and the time zone whose calendar day "today" means (None: local).
        self.clock = clock
        self.day_zone: dt.tzinfo | None = None
        self._scheduler = make_scheduler()

    def record_attempt(self, attempt_id: str) -> None:
        """Turn the missed facts of a submitted attempt into cards and rate the facts that already have one.

        Runs once per attempt (called again it changes nothing); every mode counts, including review attempts.
        """
        with self._context.session() as session:
            attempt = session.get(Attempt, attempt_id)
            if attempt is None or attempt.submitted_at is None:
                return
            self._context.require_member_access(attempt.member_id)
            if session.scalar(select(ReviewLogEntry.id).where(ReviewLogEntry.attempt_id == attempt_id).limit(1)):
                return
            answered = {answer.attempt_item_id: answer for answer in session.scalars(answers_of(attempt_id))}
            items = session.scalars(
                select(AttemptItem).where(AttemptItem.attempt_id == attempt_id).order_by(AttemptItem.position)
            ).all()
            facts = {
                item_id: AnswerFacts(answer.is_correct, answer.time_spent_seconds, answer.changed_count)
                for item_id, answer in answered.items()
            }
            median = median_time(list(facts.values()))
            cards = {
                card.fact_key: card
                for card in session.scalars(
                    select(ReviewCard).where(
                        ReviewCard.member_id == attempt.member_id,
                        ReviewCard.fact_key.in_([item.fact_key for item in items]),
                    )
                )
            }
            for item in items:
                rating = rate_answer(facts.get(item.id), median)
                card = cards.get(item.fact_key)
                if card is None and rating is not Rating.Again:
                    continue  # only missed facts become cards
                answer = answered.get(item.id)
                when = as_utc(answer.answered_at if answer is not None else attempt.submitted_at)
                if card is None:
                    card = ReviewCard(member_id=attempt.member_id, fact_key=item.fact_key, reviews=0, lapses=0)
                    session.add(card)
                    cards[item.fact_key] = card
                card.question_id = item.question_id if rating is Rating.Again else card.question_id
                self._review(session, card, rating, when, attempt_id)

    def due_cards(self, member_id: str, now: dt.datetime | None = None) -> list[ReviewCardInfo]:
        """ "Ôn tập": the member's facts due by the end of today, the longest overdue first."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            cards = session.scalars(
                select(ReviewCard)
                .where(ReviewCard.member_id == member_id, ReviewCard.due < self._end_of_today(now))
                .order_by(ReviewCard.due, ReviewCard.fact_key)
            ).all()
            return _infos(session, cards)

    def all_cards(self, member_id: str) -> list[ReviewCardInfo]:
        """Every card of the member, by due date."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            cards = session.scalars(
                select(ReviewCard)
                .where(ReviewCard.member_id == member_id)
                .order_by(ReviewCard.due, ReviewCard.fact_key)
            ).all()
            return _infos(session, cards)

    def due_count(self, member_id: str, now: dt.datetime | None = None) -> int:
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            count = session.scalar(
                select(func.count())
                .select_from(ReviewCard)
                .where(ReviewCard.member_id == member_id, ReviewCard.due < self._end_of_today(now))
            )
            return int(count or 0)

    def review_question_ids(
        self, member_id: str, limit: int = 20, now: dt.datetime | None = None, document_id: str | None = None
    ) -> list[str]:
        """Question ids for a review attempt: one enabled question per due fact (the one last missed when
        it is still enabled), most overdue first; pass them to the quiz service's review attempt."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            cards = session.scalars(
                select(ReviewCard)
                .where(ReviewCard.member_id == member_id, ReviewCard.due < self._end_of_today(now))
                .order_by(ReviewCard.due, ReviewCard.fact_key)
            ).all()
            query = select(Question.id, Question.fact_key).where(
                Question.fact_key.in_([card.fact_key for card in cards]), Question.enabled.is_(True)
            )
            if document_id is not None:
                query = query.where(Question.document_id == document_id)
            by_fact: dict[str, list[str]] = {}
            for question_id, fact_key in session.execute(query.order_by(Question.id)):
                by_fact.setdefault(fact_key, []).append(question_id)
            chosen: list[str] = []
            for card in cards:
                candidates = by_fact.get(card.fact_key, [])
                if candidates:
                    chosen.append(card.question_id if card.question_id in candidates else candidates[0])
            return chosen[:limit]

    def rate(self, member_id: str, fact_key: str, rating: str | int, now: dt.datetime | None = None) -> ReviewCardInfo:
        """Rate a fact reviewed outside an attempt ("again", "hard", "good", "easy") and reschedule it."""
        self._context.require_member_access(member_id)
        chosen = parse_rating(rating)
        with self._context.session() as session:
            card = session.scalar(
                select(ReviewCard).where(ReviewCard.member_id == member_id, ReviewCard.fact_key == fact_key)
            )
            if card is None:
                raise NotFound("Không có thẻ ôn tập cho nội dung này.")
            self._review(session, card, chosen, as_utc(now or self.clock()), None)
            return _infos(session, [card])[0]

    def _end_of_today(self, now: dt.datetime | None) -> dt.datetime:
        return end_of_day(now or self.clock(), self.day_zone)

    def _review(
        self, session: Session, card: ReviewCard, rating: Rating, when: dt.datetime, attempt_id: str | None
    ) -> None:
        previous_due = card.due
        if card.reviews == 0:
            before: Card = new_card(when)
        else:
            before = restore_card(card.state, card.step, card.stability, card.difficulty, card.due, card.last_review)
        # FSRS refuses a review dated before the last one (answers merged from another PC can be older).
        if before.last_review is not None and when < before.last_review:
            when = before.last_review
        after, _log = self._scheduler.review_card(before, rating, when)
        card.state = int(after.state.value)
        card.step = after.step
        card.stability = after.stability
        card.difficulty = after.difficulty
        card.due = after.due
        card.last_review = after.last_review
        card.reviews += 1
        if rating is Rating.Again and card.reviews > 1:
            card.lapses += 1
        session.flush()
        session.add(
            ReviewLogEntry(
                card_id=card.id,
                rating=int(rating.value),
                reviewed_at=when,
                attempt_id=attempt_id,
                due_before=previous_due,
                due_after=after.due,
            )
        )


def _infos(session: Session, cards: Sequence[ReviewCard]) -> list[ReviewCardInfo]:
    fact_keys = [card.fact_key for card in cards]
    questions: dict[str, Question] = {}
    for found in session.scalars(select(Question).where(Question.fact_key.in_(fact_keys)).order_by(Question.id)):
        questions.setdefault(found.fact_key, found)
    by_id = {
        found.id: found
        for found in session.scalars(
            select(Question).where(Question.id.in_([card.question_id for card in cards if card.question_id]))
        )
    }
    infos: list[ReviewCardInfo] = []
    for card in cards:
        question = by_id.get(card.question_id or "") or questions.get(card.fact_key)
        infos.append(
            ReviewCardInfo(
                fact_key=card.fact_key,
                question_id=card.question_id,
                sentence=question.sentence if question else "",
                prompt=question.prompt if question else "",
                due=as_utc(card.due),
                state={1: "learning", 2: "review", 3: "relearning"}.get(card.state, "review"),
                reviews=card.reviews,
                lapses=card.lapses,
                last_review=as_utc(card.last_review) if card.last_review else None,
            )
        )
    return infos
