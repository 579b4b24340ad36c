"""Quiz settings, attempts, answers, scoring and review (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class QuizService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
