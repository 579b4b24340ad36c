"""How much a question matters to a member: the resolution's content weighs more than a meeting's logistics."""

from __future__ import annotations

import re

from quiz.text import fold

# By kind of fact: enumerations of viewpoints, tasks, breakthroughs and targets are what studying is for.
_KIND_WEIGHTS = {
    "structure": 2.0,
    "measure": 2.0,
    "horizon": 2.0,
    "target": 2.0,
    "list": 1.5,
    "reference": 1.2,
    "number": 1.0,
    "date": 1.0,
    "period": 1.0,
    "ordinal": 0.8,
    "acronym": 0.8,
    "person": 0.8,
}
# Folded words of content: targets and their deadlines, viewpoints, tasks, solutions, what members must do.
_CONTENT = re.compile(
    r"(?<!\w)(?:muc tieu|chi tieu|phan dau|quan diem|nhiem vu|giai phap|dot pha|tam nhin|dinh huong"
    r"|den nam \d{4}|it nhat|toi thieu|toi da|khong qua|tro len|dat tren|giam xuong|hoan thanh|cham nhat"
    r"|dang vien|chi bo|hoc tap|quan triet|cam ket|thu hoach|kiem diem)(?!\w)"
)
# Folded words of logistics: who attended, where and when the meeting sat, who spoke.
_LOGISTICS = re.compile(
    r"(?<!\w)(?:dai bieu|tham du|du hoi nghi|hoi truong|diem cau|truc tuyen|khai mac|be mac|dien ra"
    r"|chu tri|phat bieu|to chuc hoi nghi|trung tam hoi nghi|khach moi|phong vien)(?!\w)"
)
MINIMUM_WEIGHT = 0.5
MAXIMUM_WEIGHT = 3.0


def question_weight(fact_kind: str, prompt: str, sentence: str) -> float:
    """A weight between 0,5 and 3 (1 = an ordinary fact), from the fact's kind and the words around it."""
    weight = _KIND_WEIGHTS.get(fact_kind, 1.0)
    text = fold(f"{prompt} {sentence}")
    content = len({found.group() for found in _CONTENT.finditer(text)})
    logistics = len({found.group() for found in _LOGISTICS.finditer(text)})
    weight *= 1.0 + 0.25 * min(content, 4)
    if logistics and logistics >= content:
        weight *= 0.5
    return round(min(MAXIMUM_WEIGHT, max(MINIMUM_WEIGHT, weight)), 1)
