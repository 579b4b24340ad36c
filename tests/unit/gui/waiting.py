"""Tests wait for the facade calls the window queued (answers written, attempts started, results loaded)."""

from __future__ import annotations

from gui.operations import operation_runner


def wait_for_operations() -> None:
    """Process events until every queued facade call was handled on the UI thread."""
    assert operation_runner().wait_idle()
