"""Drawing an attempt's questions: balanced across sections and types, one question per fact, seeded shuffles."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Types whose options are shown in a fixed order (Đúng before Sai) or have none to shuffle.
_UNSHUFFLED_TYPES = frozenset({"truefalse", "cloze"})


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
    shuffled = sorted(candidates, key=lambda candidate: candidate.question_id)
    generator.shuffle(shuffled)
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
    generator.shuffle(picked)
    return [DrawnQuestion(candidate.question_id, option_order(candidate, generator)) for candidate in picked]


def option_order(candidate: Candidate, generator: random.Random) -> tuple[int, ...]:
    """A shuffled order of the options (identity for true/false; none for cloze)."""
    order = list(range(candidate.choice_count))
    if candidate.type not in _UNSHUFFLED_TYPES and not candidate.keep_order:
        generator.shuffle(order)
    return tuple(order)


def options_keep_order(choices: Sequence[str]) -> bool:
    """True when every option starts with a digit: such options are shown in their stored (sorted) order."""
    return bool(choices) and all(choice.strip()[:1].isdigit() for choice in choices)
