"""Thu hoạch answers and the commitment table (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class PledgeService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
