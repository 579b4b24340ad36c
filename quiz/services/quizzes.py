"""Quiz settings, attempts, answers, scoring and review (engine issue)."""

from __future__ import annotations

from collections.abc import Callable

from quiz.services.context import ServiceContext


class QuizService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        # Called with the attempt's id after it is submitted (the facade adds spaced-review updates).
        self.after_submit: list[Callable[[str], None]] = []
