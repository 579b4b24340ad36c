"""A facade read that blocks until the test releases it, and a check that the event loop runs meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot


class SlowRead:
    """Wraps one facade method: each call waits for ``release()`` (at most 5 s) and then answers as before."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        self.released = threading.Event()
        self.started = threading.Event()
        self.returned = threading.Event()
        original: Callable[..., Any] = getattr(owner, name)

        def slow(*arguments: Any, **keywords: Any) -> Any:
            self.started.set()
            self.released.wait(5)
            try:
                return original(*arguments, **keywords)
            finally:
                self.returned.set()

        monkeypatch.setattr(owner, name, slow)

    def release(self) -> None:
        self.released.set()


def assert_event_loop_runs(qtbot: QtBot, slow_read: SlowRead) -> None:
    """While the read is blocked on the worker, a timer still fires on the UI thread (the window is not frozen)."""
    qtbot.waitUntil(slow_read.started.is_set, timeout=5000)
    fired: list[bool] = []
    QTimer.singleShot(10, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)
    # A read made on the UI thread would have blocked the click until its wait ran out, and returned by now.
    assert not slow_read.returned.is_set()
