"""Units (đảng bộ → chi bộ) and member profiles (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class MemberService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
