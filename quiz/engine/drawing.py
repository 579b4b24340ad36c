"""Drawing an attempt's questions: balanced across sections and types, one question per fact, seeded shuffles."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

# Types whose options are shown in a fixed order (Đúng before Sai) or have none to shuffle.
_UNSHUFFLED_TYPES = frozenset({"truefalse", "cloze"})
_Key = TypeVar("_Key", str, str | None)


@dataclass(frozen=True)
class Candidate:
    """What drawing needs to know about an enabled question."""

    question_id: str
    section_id: str | None
    type: str
    fact_key: str
    choice_count: int
    # Numeric options stay in the ascending order the generator gave them (shuffled numbers help guessing).
    keep_order: bool = False
    fact_kind: str = ""
    # How much the question matters (quiz.questions.weights): heavier ones come first within their section
    # and type, so balance decides where picks go and weight decides which question fills each.
    weight: float = 1.0


@dataclass(frozen=True)
class DrawnQuestion:
    """A drawn question and the option order it is shown in (``option_order[displayed] = original``)."""

    question_id: str
    option_order: tuple[int, ...]


def type_targets(available_types: Sequence[str], count: int, type_mix: Mapping[str, int]) -> dict[str, float]:
    """How many questions of each type to aim for: the mix's weights (or equal ones) over the available types."""
    weights = {kind: float(type_mix.get(kind, 0)) if type_mix else 1.0 for kind in set(available_types)}
    total = sum(weights.values())
    if total <= 0:
        # The mix names no available type: fall back to balancing what there is.
        weights = dict.fromkeys(weights, 1.0)
        total = float(len(weights))
    return {kind: count * weight / total for kind, weight in weights.items()}


def draw_questions(
    candidates: Sequence[Candidate], count: int, seed: int, type_mix: Mapping[str, int] | None = None
) -> list[DrawnQuestion]:
    """Draw up to ``count`` questions, never two of the same fact, spreading evenly over sections and types.

    Greedy: each pick takes, among unused facts, a question whose type is still under its target, from the
    section with the fewest picks so far (ties broken by the seeded shuffle). Types outside a given mix are
    taken only when nothing else is left. The same seed and candidates always give the same draw.
    """
    generator = random.Random(seed)
    shuffled = weighted_order(sorted(candidates, key=lambda candidate: candidate.question_id), generator)
    targets = type_targets([candidate.type for candidate in shuffled], count, type_mix or {})
    # Candidates of one (section, type) share the same priority, so only each bucket's first unused one competes;
    # ties go to the earliest in the seeded shuffle, as if every candidate were compared.
    buckets: dict[tuple[str | None, str], list[tuple[int, Candidate]]] = {}
    for index, candidate in enumerate(shuffled):
        buckets.setdefault((candidate.section_id, candidate.type), []).append((index, candidate))
    cursors = dict.fromkeys(buckets, 0)
    section_counts: Counter[str | None] = Counter()
    type_counts: Counter[str] = Counter()
    used_facts: set[str] = set()
    picked: list[Candidate] = []
    while len(picked) < count:
        best_bucket: tuple[str | None, str] | None = None
        best_key: tuple[bool, int, float, int] | None = None
        for (section_id, kind), members in buckets.items():
            cursor = cursors[(section_id, kind)]
            while cursor < len(members) and members[cursor][1].fact_key in used_facts:
                cursor += 1
            cursors[(section_id, kind)] = cursor
            if cursor == len(members):
                continue
            target = targets.get(kind, 0.0)
            key = (
                type_counts[kind] + 1 > target + 0.5,
                section_counts[section_id],
                type_counts[kind] / target if target else float("inf"),
                members[cursor][0],
            )
            if best_key is None or key < best_key:
                best_bucket, best_key = (section_id, kind), key
        if best_bucket is None:
            break
        best = buckets[best_bucket][cursors[best_bucket]][1]
        picked.append(best)
        used_facts.add(best.fact_key)
        section_counts[best.section_id] += 1
        type_counts[best.type] += 1
    _rebalance(picked, buckets, targets)
    generator.shuffle(picked)
    return [DrawnQuestion(candidate.question_id, option_order(candidate, generator)) for candidate in picked]


def weighted_order(candidates: list[Candidate], generator: random.Random) -> list[Candidate]:
    """A seeded random order where a question of weight 2 tends to come before one of weight 1.

    Each candidate draws ``u ** (1 / weight)`` and the largest go first (a weighted draw without
    replacement); equal weights keep the plain seeded shuffle.
    """
    if len({candidate.weight for candidate in candidates}) <= 1:
        shuffled = list(candidates)
        generator.shuffle(shuffled)
        return shuffled
    keys = [generator.random() ** (1.0 / max(candidate.weight, 0.01)) for candidate in candidates]
    order = sorted(range(len(candidates)), key=lambda index: -keys[index])
    return [candidates[index] for index in order]


def _rebalance(
    picked: list[Candidate],
    buckets: Mapping[tuple[str | None, str], list[tuple[int, Candidate]]],
    targets: Mapping[str, float],
) -> None:
    """Swap picks for unused questions while that brings types, then sections, closer to their targets.

    The greedy pass can paint itself into a corner (the emptiest section has only types already at target left),
    which left an exam of 15 at 6/5/4 per section about once in 40 draws. Types come first, as in the greedy
    pass, so evening out sections never draws a type outside the mix. Each swap takes the best improvement of the
    squared distances from the targets, ties to the earliest pick and bucket, so the draw stays seeded.
    """
    if not picked:
        return
    section_target = len(picked) / len({section_id for section_id, _ in buckets})
    for _ in range(len(picked) * len(buckets)):
        section_counts = Counter(candidate.section_id for candidate in picked)
        type_counts = Counter(candidate.type for candidate in picked)
        used_facts = {candidate.fact_key for candidate in picked}
        best: tuple[tuple[float, float], int, Candidate] | None = None
        for index, old in enumerate(picked):
            for (section_id, kind), members in buckets.items():
                gain = (
                    _move_gain(type_counts, lambda name: targets.get(name, 0.0), old.type, kind),
                    _move_gain(section_counts, lambda _: section_target, old.section_id, section_id),
                )
                if gain <= (best[0] if best else (0.0, 0.0)):
                    continue
                # A question of the fact being swapped out may come in; any other used fact may not.
                replacement = next(
                    (
                        candidate
                        for _, candidate in members
                        if candidate.fact_key == old.fact_key or candidate.fact_key not in used_facts
                    ),
                    None,
                )
                if replacement is not None:
                    best = (gain, index, replacement)
        if best is None:
            return
        picked[best[1]] = best[2]


def _move_gain(counts: Mapping[_Key, int], target_of: Callable[[_Key], float], old: _Key, new: _Key) -> float:
    """How much one pick moving from ``old`` to ``new`` lowers the summed squared distance from the targets."""
    if old == new:
        return 0.0
    before = (counts[old] - target_of(old)) ** 2 + (counts[new] - target_of(new)) ** 2
    after = (counts[old] - 1 - target_of(old)) ** 2 + (counts[new] + 1 - target_of(new)) ** 2
    # Rounded so that swapping two counts around a fractional target is an exact tie, not float noise.
    return round(before - after, 9)


def option_order(candidate: Candidate, generator: random.Random) -> tuple[int, ...]:
    """A shuffled order of the options (identity for true/false; none for cloze)."""
    order = list(range(candidate.choice_count))
    if candidate.type not in _UNSHUFFLED_TYPES and not candidate.keep_order:
        generator.shuffle(order)
    return tuple(order)


def options_keep_order(choices: Sequence[str]) -> bool:
    """True when every option starts with a digit: such options are shown in their stored (sorted) order."""
    return bool(choices) and all(choice.strip()[:1].isdigit() for choice in choices)
