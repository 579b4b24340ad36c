"""Import documents and browse their sections (foundation issue)."""

from __future__ import annotations

from collections.abc import Callable

from quiz.services.context import ServiceContext


class DocumentService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        # Called with the new document's id after an import commits (the facade adds question generation).
        self.after_import: list[Callable[[str], object]] = []

    def import_seeds_if_empty(self) -> int:
        """Import the bundled seed documents into an empty database (filled in by the foundation issue)."""
        return 0
