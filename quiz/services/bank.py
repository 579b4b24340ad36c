"""The fact and question bank: generation, admin edits, GIFT/Moodle exchange (generator issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class BankService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
