"""Admin password, member PINs and signing in (engine issue)."""

from __future__ import annotations

from quiz.services.context import ServiceContext


class AccountService:
    """Filled in by its issue."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
