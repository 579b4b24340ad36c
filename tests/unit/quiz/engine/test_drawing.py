"""Drawing: balanced over sections and types, one question per fact, reproducible from the seed."""

from __future__ import annotations

from collections import Counter

from quiz.engine.drawing import Candidate, draw_questions, options_keep_order, type_targets

TYPES = ("single", "multi", "cloze")


def pool(sections: int = 3, per_type: int = 5, shared: int = 0) -> list[Candidate]:
    candidates = []
    for section in range(sections):
        for kind in TYPES:
            for number in range(per_type):
                fact = f"s{section}-{kind}-{number}"
                candidates.append(Candidate(f"q-{fact}", f"section-{section}", kind, fact, 4))
        for extra in range(shared):
            # Another question about the fact of the section's first single question.
            candidates.append(
                Candidate(f"q-extra-{section}-{extra}", f"section-{section}", "multi", f"s{section}-single-0", 4)
            )
    return candidates


def by_id(candidates: list[Candidate]) -> dict[str, Candidate]:
    return {candidate.question_id: candidate for candidate in candidates}


def test_draw_is_balanced_across_sections_and_types() -> None:
    candidates = pool()
    for seed in range(20):
        drawn = draw_questions(candidates, 9, seed)
        lookup = by_id(candidates)
        assert Counter(lookup[pick.question_id].section_id for pick in drawn) == {
            "section-0": 3,
            "section-1": 3,
            "section-2": 3,
        }
        assert Counter(lookup[pick.question_id].type for pick in drawn) == {"single": 3, "multi": 3, "cloze": 3}


def test_draw_stays_balanced_when_every_type_is_scarce() -> None:
    """Two questions per type and section, 15 of 30 drawn: the greedy pass alone ended 6/5/4 for some seeds."""
    kinds = ("single", "multi", "truefalse", "cloze", "matching")
    candidates = [
        Candidate(f"q-{section}-{kind}-{number}", f"section-{section}", kind, f"{section}-{kind}-{number}", 4)
        for section in range(3)
        for kind in kinds
        for number in range(2)
    ]
    lookup = by_id(candidates)
    for seed in range(300):
        drawn = [lookup[pick.question_id] for pick in draw_questions(candidates, 15, seed)]
        assert sorted(Counter(pick.section_id for pick in drawn).values()) == [5, 5, 5], seed
        assert sorted(Counter(pick.type for pick in drawn).values()) == [3, 3, 3, 3, 3], seed


def test_no_fact_is_asked_twice() -> None:
    candidates = pool(sections=1, per_type=1, shared=5)
    for seed in range(30):
        drawn = draw_questions(candidates, 10, seed)
        facts = [by_id(candidates)[pick.question_id].fact_key for pick in drawn]
        assert len(facts) == len(set(facts)) == 3  # only three distinct facts exist


def test_same_seed_same_draw_and_option_order() -> None:
    candidates = pool()
    first = draw_questions(candidates, 12, seed=424242)
    again = draw_questions(list(reversed(candidates)), 12, seed=424242)
    assert first == again
    others = [draw_questions(candidates, 12, seed=seed) for seed in range(5)]
    assert any(other != first for other in others)


def test_options_are_shuffled_per_attempt_but_true_false_and_numbers_keep_order() -> None:
    candidates = [
        Candidate("single", "s", "single", "f1", 4),
        Candidate("truefalse", "s", "truefalse", "f2", 2),
        Candidate("numbers", "s", "single", "f3", 4, keep_order=True),
        Candidate("cloze", "s", "cloze", "f4", 0),
    ]
    orders: dict[str, set[tuple[int, ...]]] = {candidate.question_id: set() for candidate in candidates}
    for seed in range(40):
        for pick in draw_questions(candidates, 4, seed):
            orders[pick.question_id].add(pick.option_order)
    assert len(orders["single"]) > 1
    assert all(sorted(order) == [0, 1, 2, 3] for order in orders["single"])
    assert orders["truefalse"] == {(0, 1)}
    assert orders["numbers"] == {(0, 1, 2, 3)}
    assert orders["cloze"] == {()}


def test_type_mix_weights_are_followed() -> None:
    candidates = pool(per_type=10)
    lookup = by_id(candidates)
    drawn = draw_questions(candidates, 9, seed=7, type_mix={"single": 2, "cloze": 1})
    assert Counter(lookup[pick.question_id].type for pick in drawn) == {"single": 6, "cloze": 3}


def test_short_pool_falls_back_to_other_types_and_stops_when_empty() -> None:
    candidates = pool(sections=1, per_type=2)
    lookup = by_id(candidates)
    drawn = draw_questions(candidates, 4, seed=3, type_mix={"cloze": 1})
    kinds = Counter(lookup[pick.question_id].type for pick in drawn)
    assert kinds["cloze"] == 2 and sum(kinds.values()) == 4
    assert len(draw_questions(candidates, 50, seed=3)) == 6


def test_type_targets_without_a_mix_are_equal() -> None:
    assert type_targets(["single", "cloze", "cloze"], 10, {}) == {"single": 5.0, "cloze": 5.0}
    assert type_targets(["single"], 4, {"multi": 3}) == {"single": 4.0}


def test_numeric_option_sets_are_detected() -> None:
    assert options_keep_order(["1.200 người", "23.000 người", "45.000 người"])
    assert not options_keep_order(["Hạ Long", "12 xã"])
    assert not options_keep_order([])


def test_empty_pool_draws_nothing() -> None:
    assert draw_questions([], 10, seed=1) == []


def test_evening_out_sections_never_breaks_the_type_mix() -> None:
    """A section without the mix's type stays short rather than filled with types the secretary left out."""
    candidates = pool(sections=2, per_type=6) + [
        Candidate(f"q-only-cloze-{number}", "section-cloze", "cloze", f"cloze-{number}", 0) for number in range(6)
    ]
    lookup = by_id(candidates)
    for seed in range(50):
        drawn = [lookup[pick.question_id] for pick in draw_questions(candidates, 9, seed, type_mix={"single": 1})]
        assert {pick.type for pick in drawn} == {"single"}, seed
        assert sorted(Counter(pick.section_id for pick in drawn).values()) == [4, 5], seed
