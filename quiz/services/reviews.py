"""Spaced review of missed facts with FSRS (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class ReviewService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def record_attempt(self, attempt_id: str) -> None:
        """Turn the missed facts of a submitted attempt into review cards and rate the others."""
