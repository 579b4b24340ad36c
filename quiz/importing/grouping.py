"""Group the paragraphs of an article without headings into sections of balanced size."""

from __future__ import annotations

import math

# A paragraph shorter than this (a lead-in like "Cụ thể như sau:") joins its neighbour.
MINIMUM_PARAGRAPH_CHARACTERS = 150
# About this many characters make one section to study at a time; never more than the maximum sections
# for an article of ordinary length (a 6 KB article gives 5–10 sections).
TARGET_SECTION_CHARACTERS = 600
MAXIMUM_SECTIONS = 10
# Very long articles get more sections rather than huge ones.
MAXIMUM_SECTION_CHARACTERS = 1500


def group_paragraphs(lengths: list[int]) -> list[list[int]]:
    """Indices of paragraphs (by their lengths) grouped in reading order; every index appears once."""
    if not lengths:
        return []
    units = _merge_short(lengths)
    total = sum(lengths)
    maximum = max(MAXIMUM_SECTIONS, math.ceil(total / MAXIMUM_SECTION_CHARACTERS))
    wanted = min(maximum, max(1, round(total / TARGET_SECTION_CHARACTERS)))
    if len(units) <= maximum:
        return units
    return _balanced(units, lengths, wanted)


def _merge_short(lengths: list[int]) -> list[list[int]]:
    units: list[list[int]] = []
    pending: list[int] = []
    for index in range(len(lengths)):
        pending.append(index)
        if sum(lengths[member] for member in pending) >= MINIMUM_PARAGRAPH_CHARACTERS:
            units.append(pending)
            pending = []
    if pending:
        if units:
            units[-1].extend(pending)
        else:
            units.append(pending)
    return units


def _balanced(units: list[list[int]], lengths: list[int], wanted: int) -> list[list[int]]:
    """Cut the units into ``wanted`` groups at the unit boundaries nearest to equal shares of the text."""
    sizes = [sum(lengths[index] for index in unit) for unit in units]
    total = sum(sizes)
    cumulative: list[int] = []
    running = 0
    for size in sizes:
        running += size
        cumulative.append(running)
    cuts: list[int] = []
    for share in range(1, wanted):
        target = total * share / wanted
        lowest = cuts[-1] + 1 if cuts else 0
        candidates = range(lowest, len(units) - (wanted - share))
        if not candidates:
            break
        cuts.append(min(candidates, key=lambda boundary: abs(cumulative[boundary] - target)))
    groups: list[list[int]] = []
    start = 0
    for cut in [*cuts, len(units) - 1]:
        groups.append([index for unit in units[start : cut + 1] for index in unit])
        start = cut + 1
    return [group for group in groups if group]
