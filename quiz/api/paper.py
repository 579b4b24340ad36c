"""Frozen dataclasses of quizzes on paper: a printed paper as the PDF and the entry screen show it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from quiz.api.enums import QuestionType

# Question types a paper has by default: every one answered by ticking; typed (cloze) answers need a reader.
CHOICE_TYPES = ("single", "multi", "truefalse", "matching")


@dataclass(frozen=True)
class PaperQuestion:
    """One question in this paper's frozen order, options already in this paper's shuffle."""

    position: int
    type: QuestionType
    prompt: str
    # single/multi/truefalse: the options (lettered A, B, …); matching: the right-hand options; cloze: empty.
    options: tuple[str, ...]
    # matching: the left-hand items (numbered 1, 2, …); others: empty.
    left_items: tuple[str, ...]
    # cloze: the accepted answers, shown to the secretary beside what the member wrote (never printed).
    accepted_answers: tuple[str, ...] = ()


@dataclass(frozen=True)
class PaperSheet:
    """A printed paper: who it is for, its code, and its questions exactly as printed.

    A blank copy has no attempt and no member until the secretary says whose it is (``assign_blank``).
    """

    paper_id: str
    attempt_id: str | None
    code: str
    member_id: str | None
    member_name: str
    chi_bo_name: str
    dang_bo_name: str
    document_id: str
    document_title: str
    printed_at: dt.datetime
    submitted_at: dt.datetime | None
    time_limit_minutes: int | None
    questions: tuple[PaperQuestion, ...]

    @property
    def is_blank(self) -> bool:
        return self.attempt_id is None


@dataclass(frozen=True)
class PaperSummary:
    """One line of the list of printed papers on the entry screen (a blank copy has no member yet)."""

    paper_id: str
    attempt_id: str | None
    code: str
    member_id: str | None
    member_name: str
    chi_bo_name: str
    printed_at: dt.datetime
    entered: bool
    score_percent: float | None


@dataclass(frozen=True)
class PaperFormState:
    """Whether a member handed in the printed bản thu hoạch và cam kết for a document."""

    member_id: str
    member_name: str
    chi_bo_name: str
    handed_in: bool
