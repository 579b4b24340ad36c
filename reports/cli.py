"""Command-line commands of the reports area."""

from __future__ import annotations

from quiz.cli import SubParsers


def register(commands: SubParsers) -> None:
    """Add the report sub-commands (filled in by the reports issue)."""
