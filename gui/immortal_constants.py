"""Keep None, True and False alive whatever PySide6 does to their reference counts on worker threads."""

from __future__ import annotations

import ctypes
import sys

# Far more than any session could take off (one count per call, see below), far less than the counter's limit.
_RESERVE = 1 << 40


def make_constants_immortal() -> None:
    """Give None, True and False a reserve of references, as Python 3.12 makes them immortal (PEP 683).

    PySide6 6.12 drops one reference of the value a call returns when the call crosses between C++ and Python on
    a thread other than the UI thread: every signal emitted from a worker costs True a count, every
    ``QRunnable.run`` and ``postEvent`` there costs None one. After some thousands of facade calls the count
    reaches zero and the process aborts ("Fatal Python error: bool_dealloc"), in the middle of a session or at
    exit. These three objects are never freed anyway, so a reserve only ever keeps them alive. From Python 3.12
    they are immortal and their counts are left alone.
    """
    if sys.version_info >= (3, 12):
        return
    for constant in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(constant))
        if count.value < _RESERVE:  # once is enough: the application may be set up again (tests)
            count.value += _RESERVE
