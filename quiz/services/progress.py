"""Study progress per section, bookmarks, notes and folded search (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class ProgressService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
