"""The closed sets of words the core and the window share; StrEnum, so stored strings compare equal."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """How an attempt is taken; stored in ``attempts.mode``."""

    EXAM = "exam"
    PRACTICE = "practice"
    SECTION = "section"
    REVIEW = "review"
    # A quiz printed on paper and entered by the secretary (quiz.services.paper); it counts exactly like an exam.
    PAPER = "paper"

    @property
    def is_exam(self) -> bool:
        """Exams and paper quizzes are scored for the record; the other modes are practice."""
        return self in (Mode.EXAM, Mode.PAPER)


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTI = "multi"
    TRUE_FALSE = "truefalse"
    CLOZE = "cloze"
    MATCHING = "matching"


class CountingRule(StrEnum):
    """Which submitted exam counts for a member: the best score (earliest on a tie) or the last one."""

    BEST = "best"
    LAST = "last"


class Approval(StrEnum):
    """A member added from the start screen waits for the secretary (chờ duyệt); their results count once confirmed."""

    PENDING = "pending"
    CONFIRMED = "confirmed"


class Role(StrEnum):
    ADMIN = "admin"
    MEMBER = "member"


# Plain strings (not enum members) so database drivers bind them without adapters.
EXAM_MODES: tuple[str, ...] = tuple(mode.value for mode in Mode if mode.is_exam)
# The modes a member starts from the quiz screen (paper attempts are made by the secretary).
MODES: tuple[str, ...] = tuple(mode.value for mode in (Mode.EXAM, Mode.PRACTICE, Mode.SECTION, Mode.REVIEW))
QUESTION_TYPES: tuple[str, ...] = tuple(kind.value for kind in QuestionType)
COUNTING_RULES: tuple[str, ...] = tuple(rule.value for rule in CountingRule)
