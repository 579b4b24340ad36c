"""The one lock every user of pdfium holds, because pdfium must never be called from two threads at once."""

from __future__ import annotations

import threading

# pdfium keeps process-wide state, so even two different documents may not be used on two threads at the
# same time (an import on a worker and the print preview, say). Hold this from opening a document until it
# is closed. Re-entrant, so a caller that already holds it can call a helper that takes it again.
PDFIUM_LOCK = threading.RLock()
