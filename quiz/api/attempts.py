"""Frozen dataclasses the quiz service returns (never ORM objects) and the attempt-closed error."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from quiz.api.answers import Answer
from quiz.api.enums import CountingRule, Mode, QuestionType
from quiz.errors import UserError

# The most questions one attempt (or one printed paper) may draw.
MAXIMUM_QUESTIONS = 200


class AttemptClosed(UserError):
    """The attempt is already submitted (by the member or automatically at its deadline)."""


@dataclass(frozen=True)
class QuizSettingsData:
    """The admin's quiz settings for one document; also the input of ``save_settings``."""

    document_id: str
    question_count: int = 20
    # Question type → relative weight; empty means every type, balanced.
    type_mix: dict[str, int] = field(default_factory=dict)
    # Sections covered; empty means all.
    section_ids: tuple[str, ...] = ()
    time_limit_minutes: int | None = None
    pass_mark_percent: float = 50.0
    attempts_allowed: int | None = None
    counting: CountingRule = CountingRule.BEST
    deadline: dt.date | None = None


@dataclass(frozen=True)
class AnswerFeedback:
    """What the member sees after answering: correctness only in practice-like modes."""

    attempt_id: str
    position: int
    saved: bool
    # False in exam mode: nothing below is filled in until the attempt is submitted.
    revealed: bool
    is_correct: bool | None = None
    credit: float | None = None
    # The key in displayed indexes (single/multi/truefalse: options; matching: right index per left item).
    key_indexes: tuple[int, ...] = ()
    # The key as text (cloze: the accepted answers; others: the right options' text).
    key_texts: tuple[str, ...] = ()
    explanation: str = ""
    section_id: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True)
class AttemptQuestion:
    """One drawn question as displayed: options already in this attempt's shuffled order."""

    position: int
    question_id: str
    type: QuestionType
    prompt: str
    # single/multi/truefalse: the options; matching: the right-hand options; cloze: empty.
    options: tuple[str, ...]
    # matching: the left-hand items, in order; others: empty.
    left_items: tuple[str, ...]
    section_id: str | None
    flagged: bool
    response: Answer | None
    # Filled for answered questions of practice-like modes (so a resumed practice shows its feedback).
    feedback: AnswerFeedback | None = None


@dataclass(frozen=True)
class AttemptView:
    """An attempt as the quiz screen shows it (also after a resume)."""

    id: str
    member_id: str
    document_id: str
    mode: Mode
    section_id: str | None
    started_at: dt.datetime
    deadline_at: dt.datetime | None
    submitted_at: dt.datetime | None
    questions: tuple[AttemptQuestion, ...]

    @property
    def answered_count(self) -> int:
        return sum(1 for question in self.questions if question.response is not None)

    @property
    def question_count(self) -> int:
        return len(self.questions)


@dataclass(frozen=True)
class ScoreBreakdown:
    """Score of one section or one fact kind within an attempt."""

    key: str
    label: str
    question_count: int
    correct_count: int
    credit: float

    @property
    def percent(self) -> float:
        return 100.0 * self.credit / self.question_count if self.question_count else 0.0


@dataclass(frozen=True)
class AttemptResult:
    """A submitted attempt's score: total, pass/fail, per section and per fact kind."""

    attempt_id: str
    member_id: str
    document_id: str
    mode: Mode
    submitted_at: dt.datetime
    auto_submitted: bool
    question_count: int
    answered_count: int
    correct_count: int
    # Sum of credits (partial credit included) and its share of the questions.
    score: float
    score_percent: float
    pass_mark_percent: float
    passed: bool
    by_section: tuple[ScoreBreakdown, ...]
    by_fact_kind: tuple[ScoreBreakdown, ...]


@dataclass(frozen=True)
class ReviewItem:
    """One question of a submitted attempt with the member's answer, the key and a link into the text."""

    position: int
    question_id: str
    type: QuestionType
    prompt: str
    options: tuple[str, ...]
    left_items: tuple[str, ...]
    response: Answer | None
    # The member's answer and the key, as readable text (one entry per chosen option / pair).
    answer_texts: tuple[str, ...]
    key_indexes: tuple[int, ...]
    key_texts: tuple[str, ...]
    is_correct: bool
    credit: float
    explanation: str
    section_id: str | None
    section_title: str
    sentence: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class AttemptSummary:
    """One line of a member's history."""

    attempt_id: str
    document_id: str
    document_title: str
    mode: Mode
    started_at: dt.datetime
    submitted_at: dt.datetime | None
    auto_submitted: bool
    question_count: int
    correct_count: int
    score_percent: float
    passed: bool
    # True for the exam attempt that counts for this document (best or last, per the settings).
    counts: bool
