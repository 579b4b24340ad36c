"""Baseline for the bundle-size and start-up benchmarks: a bare PySide6 window that can quit once shown."""

from __future__ import annotations

import sys
import time

# Measured from here, like the app's own ``--self-check`` measures from its first line.
STARTED = time.perf_counter()


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    application = QApplication(sys.argv[:1])
    label = QLabel("Học tập Nghị quyết")
    label.resize(640, 480)
    label.show()
    if "--self-check" in sys.argv:
        # Quit on the first turn of the event loop, i.e. once the window has been shown.
        QTimer.singleShot(0, application.quit)
    code = application.exec()
    if "--self-check" in sys.argv:
        print(f"{time.perf_counter() - STARTED:.3f}")
    return code


if __name__ == "__main__":
    sys.exit(main())
