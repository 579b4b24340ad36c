"""Resident memory of the window after a member's full quiz, beside a bare PySide6 window measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/memory.py``. Each figure is taken in a fresh process
(a private data folder under a temporary directory); the target is ≤ 250 MB for the app.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
TARGET_MB = 250


def resident_megabytes() -> float:
    """This process's resident set size now (Linux, Windows), or its peak elsewhere."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t)
                for name in (
                    "Peak",
                    "WorkingSet",
                    "QuotaPeakPaged",
                    "QuotaPaged",
                    "QuotaPeakNonPaged",
                    "QuotaNonPaged",
                    "Pagefile",
                    "PeakPagefile",
                )
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()  # type: ignore[attr-defined]
        ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)  # type: ignore[attr-defined]
        return float(counters.WorkingSet) / 2**20
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_window() -> float:
    from PySide6.QtWidgets import QApplication, QLabel

    application = QApplication([])
    label = QLabel("Học tập Nghị quyết")
    label.resize(1280, 800)
    label.show()
    application.processEvents()
    return resident_megabytes()


def full_quiz(folder: Path) -> tuple[float, int]:
    """Open the real window, sign a member in, answer every question of an exam through the quiz panel, submit."""
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(REPOSITORY))
    from gui.application import build_main_window, create_application
    from gui.operations import operation_runner
    from quiz.service import Service
    from quiz.services.context import Actor
    from tests.integration.scenario import add_member, any_response, write_resolution

    url = f"sqlite:///{(folder / 'memory.sqlite3').as_posix()}"
    admin = Service.open(url, actor=Actor.admin())
    admin.documents.import_seeds_if_empty()
    admin.documents.import_file(write_resolution(folder))
    member_id = add_member(admin)
    admin.close()

    application = create_application(sys.argv[:1])
    window = build_main_window(argparse.Namespace(db=url, language=None, self_check=False))
    window.resize(1280, 800)
    window.show()
    window.service.accounts.sign_in_member(member_id)
    window.sign_in_member(member_id)
    application.processEvents()
    panel = window.study.quiz
    panel.start("exam")
    operation_runner().wait_idle()  # the attempt starts off the UI thread
    attempt = panel.attempt
    if attempt is None:
        raise SystemExit("the quiz panel did not start an attempt (is there a document with questions?)")
    for question in attempt.questions:
        panel.go_to(question.position)
        application.processEvents()
        widget = panel.question_widget
        assert widget is not None
        widget.response_changed.emit(any_response(question.type, len(question.options), len(question.left_items)))
        application.processEvents()
    panel.submit()
    operation_runner().wait_idle()
    for _ in range(5):
        application.processEvents()
    megabytes = resident_megabytes()
    window.close()
    window.service.close()
    QApplication.processEvents()
    return megabytes, len(attempt.questions)


def measure(kind: str) -> str:
    """Run one measurement in a fresh process with a private data folder; returns its printed line."""
    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ, XDG_DATA_HOME=folder, XDG_CONFIG_HOME=folder, HOME=folder)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        completed = subprocess.run(
            [sys.executable, __file__, "--child", kind, folder],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
            cwd=REPOSITORY,
        )
    if completed.returncode != 0:
        raise SystemExit(f"{kind} measurement failed:\n{completed.stderr[-2000:]}")
    return completed.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        kind, folder = arguments.child
        if kind == "bare":
            print(f"{bare_window():.1f}")
        else:
            megabytes, count = full_quiz(Path(folder))
            print(f"{megabytes:.1f} {count}")
        return 0
    bare = float(measure("bare"))
    app_text, questions = measure("app").split()
    app = float(app_text)
    print(f"bare PySide6 window:          {bare:7.1f} MB RSS")
    print(f"app after a full quiz ({questions} q): {app:7.1f} MB RSS  (target ≤ {TARGET_MB} MB)")
    print(f"difference:                   {app - bare:7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
