"""Test helper for paper quizzes: the attempt of a named (or already assigned) paper."""

from __future__ import annotations

from quiz.api.paper import PaperSheet


def attempt_of(sheet: PaperSheet) -> str:
    assert sheet.attempt_id is not None, f"paper {sheet.code} is a blank copy without an attempt"
    return sheet.attempt_id
