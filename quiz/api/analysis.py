"""One bank question's item analysis as the bank page shows it, with the Vietnamese names of its flags."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.api.enums import QuestionType

FLAG_LABELS = {
    "too_easy": "Quá dễ (trên 90 % trả lời đúng)",
    "too_hard": "Quá khó (dưới 20 % trả lời đúng)",
    "negative_discrimination": "Phân biệt ngược (nhóm điểm thấp làm đúng nhiều hơn nhóm điểm cao)",
    "weak_distractor": "Có phương án nhiễu ít được chọn (dưới 5 %)",
}


@dataclass(frozen=True)
class ItemStatistics:
    question_id: str
    fact_key: str
    fact_kind: str
    type: QuestionType
    prompt: str
    enabled: bool
    times_asked: int
    times_answered: int
    times_correct: int
    facility: float
    # p(upper 27 %) − p(lower 27 %) among the attempts that asked the question; None with under 2 attempts.
    discrimination: float | None
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    # How often each original option (index into ``choices``) was chosen.
    option_counts: tuple[int, ...]
    # Original option indexes of wrong options chosen by under 5 % of those asked.
    weak_distractors: tuple[int, ...]
    flags: tuple[str, ...]

    @property
    def flag_labels(self) -> tuple[str, ...]:
        return tuple(FLAG_LABELS[flag] for flag in self.flags)
