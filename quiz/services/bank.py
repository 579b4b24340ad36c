"""The fact and question bank: generation, admin edits, GIFT/Moodle exchange (generator issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class BankService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def generate_for_document(self, document_id: str) -> int:
        """Generate and store the question bank of a document; returns the number of questions kept."""
        return 0
