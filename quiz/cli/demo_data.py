"""Deterministic data for the demo unit: Vietnamese names, member profiles, habits, answers and pledge texts."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quiz.api.answers import Answer, ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer
from resources import read_lines

# The demo draws from the 14 most common surnames of the shipped list.
DEMO_SURNAME_COUNT = 14
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Xuân")
MIDDLE_FEMALE = ("Thị", "Thu", "Ngọc", "Thanh", "Minh", "Bích", "Thuý", "Hồng")
GIVEN_MALE = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng")
GIVEN_FEMALE = ("Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Phương", "Trang")
JOBS = ("Chuyên viên", "Chuyên viên chính", "Phó trưởng phòng", "Trưởng phòng", "Cán sự", "Kế toán viên")

PARTY_COMMITTEE = "Đảng bộ Sở Nội vụ (dữ liệu minh hoạ)"
CHI_BO = ("Chi bộ Văn phòng", "Chi bộ Phòng Tổ chức – Biên chế", "Chi bộ Thanh tra")

REFLECTION_ANSWERS = (
    "Nghị quyết xác định rõ mục tiêu, nhiệm vụ trọng tâm và các giải pháp đột phá cho cả nhiệm kỳ.",
    "Điểm mới là nhấn mạnh chuyển đổi số, cải cách hành chính và trách nhiệm nêu gương của người đứng đầu.",
    "Tôi sẽ vận dụng vào việc nâng cao chất lượng tham mưu, giải quyết công việc đúng hạn.",
    "Tôi sẽ chủ động học tập, gương mẫu thực hiện và vận động gia đình cùng thực hiện Nghị quyết.",
)
MEASURES = (
    "Xây dựng kế hoạch cá nhân, báo cáo kết quả với chi bộ hằng quý.",
    "Tự học, tự nghiên cứu; tham gia đầy đủ sinh hoạt chi bộ.",
    "Phối hợp với đồng nghiệp trong phòng, đề xuất cách làm mới.",
    "Lồng ghép vào nhiệm vụ chuyên môn được giao.",
)


@dataclass(frozen=True)
class DemoMember:
    """A demo member and the habits that decide their data."""

    full_name: str
    chi_bo_index: int
    birth_date: dt.date
    joined_party_on: dt.date
    party_position: str
    job_position: str
    # Share of sections marked as studied (0 for someone who never opened the text).
    study_share: float
    # Chance of answering a question right.
    ability: float
    exams: int
    leaves_attempt_open: bool
    # "none", "draft" or "finalised".
    pledge: str


def demo_members(rng: random.Random, per_chi_bo: int) -> list[DemoMember]:
    """Members of the three chi bộ: the first two of each are its bí thư and phó bí thư."""
    used: set[str] = set()
    surnames = read_lines("data/surnames.txt")[:DEMO_SURNAME_COUNT]
    members: list[DemoMember] = []
    for chi_bo_index in range(len(CHI_BO)):
        for place in range(per_chi_bo):
            full_name = _unique_name(rng, used, surnames)
            birth = dt.date(rng.randint(1965, 1998), rng.randint(1, 12), rng.randint(1, 28))
            joined = dt.date(min(birth.year + rng.randint(22, 30), 2023), rng.randint(1, 12), rng.randint(1, 28))
            habit = rng.random()
            members.append(
                DemoMember(
                    full_name=full_name,
                    chi_bo_index=chi_bo_index,
                    birth_date=birth,
                    joined_party_on=joined,
                    party_position=("Bí thư chi bộ", "Phó Bí thư chi bộ")[place] if place < 2 else "Đảng viên",
                    job_position=rng.choice(JOBS),
                    study_share=1.0 if habit < 0.6 else (rng.choice((0.3, 0.5, 0.8)) if habit < 0.85 else 0.0),
                    ability=rng.uniform(0.35, 0.95),
                    exams=0 if habit >= 0.9 else rng.choice((1, 1, 2)),
                    leaves_attempt_open=0.85 <= habit < 0.9,
                    pledge="finalised" if habit < 0.6 else ("draft" if habit < 0.8 else "none"),
                )
            )
    return members


def _unique_name(rng: random.Random, used: set[str], surnames: list[str]) -> str:
    while True:
        female = rng.random() < 0.5
        middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
        given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        name = f"{rng.choice(surnames)} {middle} {given}"
        if name not in used:
            used.add(name)
            return name


def demo_response(question: Any, option_order: Sequence[int], right: bool, rng: random.Random) -> Answer | None:
    """A response in displayed indexes that is right or wrong as asked (None when no wrong one exists).

    ``question`` needs ``type``, ``choices``, ``correct``, ``answers`` and ``pairs`` (a Question row).
    """
    order = list(option_order)
    correct = set(question.correct)
    if question.type in ("single", "truefalse"):
        pool = [shown for shown, original in enumerate(order) if (original in correct) == right]
        return ChoiceAnswer(rng.choice(pool)) if pool else None
    if question.type == "multi":
        keys = [shown for shown, original in enumerate(order) if original in correct]
        others = [shown for shown, original in enumerate(order) if original not in correct]
        if right or not others:
            return ChoicesAnswer(tuple(keys)) if right else None
        return ChoicesAnswer((*keys[1:], rng.choice(others)))
    if question.type == "cloze":
        return TextAnswer(question.answers[0] if right and question.answers else "không nhớ")
    if question.type == "matching":
        displayed = [question.choices[original] for original in order]
        picks = [displayed.index(pair[1]) if pair[1] in displayed else 0 for pair in question.pairs]
        if not right and len(picks) > 1:
            picks = picks[1:] + picks[:1]
        return PairsAnswer(tuple(picks))
    return None


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d{3})*(?![\w]|[.,]\d)")


def fallback_question(sentence: str, rng: random.Random) -> tuple[str, list[str], int] | None:
    """FALLBACK for a demo on an empty bank: blank the first number of a sentence, with numeric distractors.

    Returns (prompt, choices, index of the key) or None when the sentence has no usable number.
    """
    match = _NUMBER.search(sentence)
    if match is None or len(sentence) > 300:
        return None
    key = match.group()
    digits = key.replace(".", "").replace(",", "")
    if len(digits) < 2:
        return None
    value = int(digits)
    variants: list[str] = []
    # A year moves by whole years (2025 → 2020, 2030), other numbers by a share.
    is_year = key.isdigit() and 1900 <= value <= 2100
    steps = (
        [value + shift for shift in (-10, -5, 5, 10, 15, -15)]
        if is_year
        else [round(value * factor) for factor in (0.8, 0.9, 1.1, 1.2, 1.3, 0.7)]
    )
    for step in steps:
        candidate = _like(key, max(1, step))
        if candidate != key and candidate not in variants:
            variants.append(candidate)
    if len(variants) < 3:
        return None
    choices = sorted([key, *rng.sample(variants, 3)], key=lambda text: int(re.sub(r"\D", "", text)))
    prompt = sentence[: match.start()] + "___" + sentence[match.end() :]
    return prompt, choices, choices.index(key)


def _like(key: str, value: int) -> str:
    """``value`` written like ``key`` (a dot between thousands when the key has one)."""
    return f"{value:,}".replace(",", ".") if "." in key else str(value)


def quarter_text(day: dt.date) -> str:
    """ "Quý IV/2025": when a commitment is due."""
    quarter = ("I", "II", "III", "IV")[(day.month - 1) // 3]
    return f"Quý {quarter}/{day.year}"
