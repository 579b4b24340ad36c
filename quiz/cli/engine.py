"""Command-line commands of the engine area."""

from __future__ import annotations

from quiz.cli import SubParsers


def register(commands: SubParsers) -> None:
    """Add this area's sub-commands (filled in by its issue)."""
