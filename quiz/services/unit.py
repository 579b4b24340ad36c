"""Unit progress and the figures reports need (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class UnitService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
