"""Import documents and browse their sections (foundation issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class DocumentService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
