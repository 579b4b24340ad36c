"""A long session of facade calls on worker threads never aborts on PySide6's lost references."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPOSITORY

# Many more worker calls than True and None have references at start (a few thousand): without the reserve,
# PySide6 6.12 aborts the process ("Fatal Python error: bool_dealloc" / "none_dealloc") long before the end.
SESSION = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal
if sys.argv[1] == "guarded":
    from gui.immortal_constants import make_constants_immortal
    make_constants_immortal()
application = QCoreApplication([])
class Sender(QObject):
    sent = Signal(object)
sender = Sender()
received = []
sender.sent.connect(received.append, Qt.ConnectionType.QueuedConnection)
class Call(QRunnable):
    def run(self):
        sender.sent.emit(1)
pool = QThreadPool()
pool.setMaxThreadCount(1)
for _ in range(20000):
    pool.start(Call())
pool.waitForDone()
while len(received) < 20000:
    application.processEvents()
print("done", len(received))
"""


def run_session(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SESSION, mode],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPOSITORY)},
        timeout=120,
        check=False,
    )


def test_twenty_thousand_worker_calls_end_normally_with_the_reserve() -> None:
    completed = run_session("guarded")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["done", "20000"]
