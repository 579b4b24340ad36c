"""The counted-exam rule: best (earliest on a tie) or last, only submitted exams, the deadline day in local time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from quiz.api.counting import counted_exam, deadline_end, done_by_deadline, is_past_deadline, submitted_exams

START = dt.datetime(2025, 11, 20, 3, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Exam:
    name: str
    score_percent: float
    hours: int
    mode: str = "exam"
    submitted: bool = True

    @property
    def submitted_at(self) -> dt.datetime | None:
        return START + dt.timedelta(hours=self.hours) if self.submitted else None


def test_the_best_score_counts_and_the_earliest_of_equal_scores() -> None:
    exams = [Exam("b", 90.0, 2), Exam("a", 60.0, 1), Exam("c", 90.0, 3), Exam("d", 70.0, 4)]
    assert counted_exam(exams, "best") == exams[0]
    assert counted_exam(exams, "last") == exams[3]


def test_practice_open_attempts_and_nothing_count_for_nothing() -> None:
    practice = Exam("p", 100.0, 5, mode="practice")
    open_exam = Exam("o", 100.0, 6, submitted=False)
    paper = Exam("paper", 40.0, 1, mode="paper")
    assert counted_exam([practice, open_exam], "best") is None
    assert counted_exam([practice, open_exam, paper], "last") == paper
    assert submitted_exams([open_exam, Exam("x", 10.0, 2), paper]) == [paper, Exam("x", 10.0, 2)]


def test_the_deadline_day_ends_at_local_midnight() -> None:
    deadline = dt.date(2025, 11, 20)
    end = deadline_end(deadline)
    assert end.astimezone().date() == dt.date(2025, 11, 21) and end.astimezone().time() == dt.time()
    assert not is_past_deadline(end - dt.timedelta(seconds=1), deadline) and is_past_deadline(end, deadline)
    assert not is_past_deadline(end, None)
    late = Exam("late", 80.0, 24 * 30)
    assert not done_by_deadline([late], deadline) and done_by_deadline([late], None)
    assert done_by_deadline([late, Exam("early", 10.0, 0)], deadline)
    assert not done_by_deadline([], None)
