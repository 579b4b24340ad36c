"""Command-line commands of the reports area."""

from __future__ import annotations

import argparse

from quiz.cli import SubParsers


def register(commands: SubParsers[argparse.ArgumentParser]) -> None:
    """Add the report sub-commands (filled in by the reports issue)."""
