"""Print how long the UI thread is held per answer: the old direct facade call against the quiz panel's queued write.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/answer_latency.py [--delay-ms 200] [--db URL]``

``--delay-ms`` adds that much to every facade answer (a LAN server's round trips); ``--db`` uses a database
URL (e.g. a PostgreSQL server) instead of a new SQLite file. Figures only, no assertion.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent


def figures(name: str, seconds: list[float]) -> str:
    milliseconds = sorted(value * 1000 for value in seconds)
    return (
        f"{name:<44} median {statistics.median(milliseconds):8.2f} ms   max {milliseconds[-1]:8.2f} ms"
        f"   ({len(milliseconds)} answers)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--delay-ms", type=float, default=0.0)
    parser.add_argument("--db", default=None)
    arguments = parser.parse_args()
    sys.path.insert(0, str(REPOSITORY))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="hoctap-answers-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.application import create_application
    from gui.operations import operation_runner
    from gui.quiz_panel import QuizPanel
    from quiz.api.answers import Answer
    from quiz.api.members import MemberDraft
    from quiz.service import Service
    from quiz.services.context import Actor
    from tests.integration.scenario import any_response

    create_application(sys.argv[:1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    url = arguments.db or f"sqlite:///{(folder / 'answers.sqlite3').as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    service.documents.import_seeds_if_empty()
    document_id = service.documents.list_documents()[0].id
    member_id = service.members.add_member(MemberDraft(full_name=f"Người Đo Thời Gian {time.time_ns()}")).id
    real_answer = service.quizzes.answer
    delay = arguments.delay_ms / 1000

    def answer(attempt_id: str, position: int, response: Answer) -> Any:
        time.sleep(delay)  # the network's share of a write to a server
        return real_answer(attempt_id, position, response)

    service.quizzes.answer = answer  # type: ignore[method-assign]

    def responses(attempt_id: str) -> list[tuple[int, Answer]]:
        view = service.quizzes.get_attempt(attempt_id)
        return [
            (question.position, any_response(question.type, len(question.options), len(question.left_items)))
            for question in view.questions
        ]

    # Before: the panel called the facade on the UI thread; that call's time is what the window froze for.
    attempt = service.quizzes.start_attempt(member_id, document_id, "practice")
    before: list[float] = []
    for position, response in responses(attempt.id):
        started = time.perf_counter()
        service.quizzes.answer(attempt.id, position, response)
        before.append(time.perf_counter() - started)

    # After: the panel counts the answer on screen and queues the write.
    panel = QuizPanel(service)
    panel.set_context(member_id, document_id)
    panel.start("practice")
    operation_runner().wait_idle()
    assert panel.attempt is not None
    after: list[float] = []
    written_started = time.perf_counter()
    for position, response in responses(panel.attempt.id):
        panel.go_to(position)
        started = time.perf_counter()
        panel._answer(response)  # what the question widget's signal calls
        after.append(time.perf_counter() - started)
        QApplication.processEvents()
    operation_runner().wait_idle()
    written = time.perf_counter() - written_started
    stored = service.quizzes.get_attempt(panel.attempt.id).answered_count
    print(f"database {service.database.url.get_backend_name()}, added delay {arguments.delay_ms:g} ms per answer")
    print(figures("UI thread per answer, direct call (before)", before))
    print(figures("UI thread per answer, queued write (after)", after))
    print(f"{'all queued answers written':<44} {written:8.2f} s      ({stored} stored)")
    panel.deleteLater()
    service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
