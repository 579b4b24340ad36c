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
    from quiz.cli import parse_window_options
    from quiz.logging_setup import configure_logging

    configure_logging()
    window_options = parse_window_options(sys.argv[1:] if argv is None else argv)
    if window_options is not None:
        # No command given: open the window without loading any command module (a faster start).
        return open_window(window_options)

    from quiz.cli import bank, documents, engine, results, run
    from reports import cli as report_commands

    registrars = [documents.register, bank.register, engine.register, results.register, report_commands.register]
    return run(argv, registrars, open_window)


if __name__ == "__main__":
    import multiprocessing

    # A large merge reads packages in a second process (quiz.packages.reading); in the frozen build that process
    # is this program started again, and this call makes it a worker instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
