"""The answers of one attempt written in the background but not yet confirmed, and an Enter waiting for one."""

from __future__ import annotations


class PendingAnswers:
    """Counts unconfirmed writes per question position of one attempt (a question may be answered twice)."""

    def __init__(self, attempt_id: str | None = None) -> None:
        self.attempt_id = attempt_id
        self._counts: dict[int, int] = {}
        self._enter_waits_for: int | None = None

    def add(self, position: int) -> None:
        self._counts[position] = self._counts.get(position, 0) + 1

    def is_pending(self, position: int) -> bool:
        return bool(self._counts.get(position))

    def wait_for_enter(self, position: int) -> bool:
        """Enter pressed on ``position`` while its answer is being written: True when it must wait for it."""
        if not self.is_pending(position):
            return False
        self._enter_waits_for = position
        return True

    def confirm(self, attempt_id: str, position: int) -> bool:
        """One write of ``position`` came back; True when it was the last one and an Enter waited for it."""
        if attempt_id != self.attempt_id:
            return False
        left = self._counts.get(position, 0) - 1
        if left > 0:
            self._counts[position] = left
            return False
        self._counts.pop(position, None)
        if self._enter_waits_for != position:
            return False
        self._enter_waits_for = None
        return True
