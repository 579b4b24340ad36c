"""Results packages between PCs (results issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class ResultsService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
