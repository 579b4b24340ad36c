"""Logging to a rotating file in the data folder, so details reach the log and never the user's screen."""

from __future__ import annotations

import logging
import logging.handlers

from quiz import paths


def configure_logging() -> None:
    """Send warnings and errors (with tracebacks) to ``hoctap.log`` in the data folder."""
    root = logging.getLogger()
    if any(isinstance(handler, logging.handlers.RotatingFileHandler) for handler in root.handlers):
        return
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.data_folder() / "hoctap.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only data folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
