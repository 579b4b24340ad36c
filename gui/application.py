"""Creates the QApplication and the main window (placeholder until the main-window issue lands)."""

from __future__ import annotations

import argparse


def run_application(arguments: argparse.Namespace) -> int:
    """Run the window's event loop; returns the exit code."""
    from PySide6.QtWidgets import QApplication, QLabel

    application = QApplication([])
    label = QLabel("Học tập Nghị quyết")
    label.show()
    return application.exec()
