"""Item analysis on a synthetic answer set whose statistics are worked out by hand below."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from quiz.api.answers import ChoiceAnswer, ChoicesAnswer, TextAnswer
from quiz.engine.analysis_items import ItemResponse, chosen_options, discrimination
from quiz.errors import AccessDenied
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.attempts import Attempt
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_member,
    make_question,
    make_submitted_attempt,
)

WHEN = dt.datetime(2025, 11, 5, 3, 0, tzinfo=dt.UTC)
IDENTITY = (0, 1, 2, 3)
REVERSED = (3, 2, 1, 0)
# Ten attempts, best first (scores 100, 90, ..., 10); the original option each chose (None: unanswered).
# Option 0 is the key of every question.
CHOSEN: dict[str, list[int | None]] = {
    "good": [0, 0, 0, 1, 0, 2, 0, 1, None, 1],
    "upside_down": [1, 1, 1, 2, 2, 2, 3, 3, 1, 0],
    "easy": [0] * 10,
}


def _build(service: Service) -> tuple[str, dict[str, str]]:
    document = make_document(service)
    questions = {name: make_question(service, document.document_id, f"fact-{name}", prompt=name) for name in CHOSEN}
    for rank in range(10):
        member_id = make_member(service, f"Người thứ {rank}")
        # Odd attempts saw the options in reverse, so displayed indexes differ from original ones.
        order = REVERSED if rank % 2 else IDENTITY
        given = []
        for name, chosen in CHOSEN.items():
            original = chosen[rank]
            given.append(GivenAnswer(questions[name], None if original is None else order.index(original), order))
        attempt_id = make_submitted_attempt(service, member_id, document.document_id, given, submitted_at=WHEN)
        with service.context.session() as session:
            session.execute(update(Attempt).where(Attempt.id == attempt_id).values(score_percent=100.0 - 10 * rank))
    # Practice attempts are not part of the analysis.
    practice_member = make_member(service, "Người luyện tập")
    make_submitted_attempt(
        service,
        practice_member,
        document.document_id,
        [GivenAnswer(questions["upside_down"], 0)],
        submitted_at=WHEN,
        mode="practice",
    )
    return document.document_id, questions


def test_statistics_match_the_hand_computed_values(service: Service) -> None:
    document_id, questions = _build(service)
    by_id = {item.question_id: item for item in service.analysis.item_statistics(document_id)}

    good = by_id[questions["good"]]
    # Right: ranks 0, 1, 2, 4, 6 → 5/10. Groups of round(0.27 × 10) = 3: top 3/3 right, bottom 0/3.
    assert (good.times_asked, good.times_answered, good.times_correct) == (10, 9, 5)
    assert good.facility == pytest.approx(0.5)
    assert good.discrimination == pytest.approx(1.0)
    assert good.option_counts == (5, 3, 1, 0)
    assert good.weak_distractors == (3,)
    assert good.flags == ("weak_distractor",)

    upside_down = by_id[questions["upside_down"]]
    # Only the weakest attempt is right: 1/10; top 0/3, bottom 1/3 → −1/3.
    assert upside_down.facility == pytest.approx(0.1)
    assert upside_down.discrimination == pytest.approx(-1 / 3)
    assert upside_down.option_counts == (1, 4, 3, 2)
    assert upside_down.flags == ("too_hard", "negative_discrimination")

    easy = by_id[questions["easy"]]
    assert (easy.facility, easy.discrimination, easy.option_counts) == (1.0, 0.0, (10, 0, 0, 0))
    assert easy.flags == ("too_easy", "weak_distractor")
    assert easy.flag_labels[0].startswith("Quá dễ")


def test_flagged_only_and_small_samples(service: Service) -> None:
    document_id, questions = _build(service)
    flagged = service.analysis.item_statistics(document_id, flagged_only=True)
    assert {item.question_id for item in flagged} == set(questions.values())
    assert all(item.flags == () for item in service.analysis.item_statistics(document_id, min_responses=11))
    practice = service.analysis.item_statistics(document_id, modes=("practice",))
    assert [(item.question_id, item.times_asked, item.times_correct) for item in practice] == [
        (questions["upside_down"], 1, 1)
    ]


def test_only_the_admin_sees_item_analysis(service: Service, any_database_url: str) -> None:
    member_id = make_member(service)
    as_member = Service.open(any_database_url, actor=Actor.member(member_id))
    try:
        with pytest.raises(AccessDenied):
            as_member.analysis.item_statistics("any")
    finally:
        as_member.close()


def test_displayed_choices_map_back_through_the_shuffle() -> None:
    assert chosen_options(ChoiceAnswer(0), REVERSED) == (3,)
    assert chosen_options(ChoicesAnswer((0, 2)), (2, 0, 1, 3)) == (2, 1)
    assert chosen_options(None, IDENTITY) == ()
    assert chosen_options(TextAnswer("abc"), IDENTITY) == ()


def test_discrimination_needs_two_attempts() -> None:
    single = [ItemResponse("q", "a", 50.0, IDENTITY, ChoiceAnswer(0), True)]
    assert discrimination(single) is None
    pair = [*single, ItemResponse("q", "b", 10.0, IDENTITY, ChoiceAnswer(1), False)]
    assert discrimination(pair) == 1.0
