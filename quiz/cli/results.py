"""Command-line commands of the results area."""

from __future__ import annotations

import argparse

from quiz.cli import SubParsers


def register(commands: SubParsers[argparse.ArgumentParser]) -> None:
    """Add this area's sub-commands (filled in by its issue)."""
