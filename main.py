"""Entry point: wires the command-line interface, the reports and the window together."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def open_window(arguments: argparse.Namespace) -> int:
    """Start the GUI (imported only now, so command-line use never loads Qt)."""
    from gui.application import run_application

    result: int = run_application(arguments)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    from quiz.cli import bank, documents, engine, results, run
    from quiz.logging_setup import configure_logging
    from reports import cli as report_commands

    configure_logging()
    registrars = [documents.register, bank.register, engine.register, results.register, report_commands.register]
    return run(argv, registrars, open_window)


if __name__ == "__main__":
    sys.exit(main())
