"""Spaced review of missed facts with FSRS (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class ReviewService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
