"""The task runner: work runs off the UI thread, results and progress arrive on it, cancel stops it."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from gui.tasks import TaskControl, TaskRunner
from quiz.errors import UserError

pytestmark = pytest.mark.gui


def test_result_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}
    progress: list[tuple[int, int, str]] = []

    def work(control: TaskControl) -> int:
        seen["worker"] = threading.get_ident()
        for step in range(3):
            control.report(step + 1, 3, f"bước {step + 1}")
        return 42

    def on_result(value: int) -> None:
        seen["result"] = value
        seen["result_thread"] = threading.get_ident()

    runner.run(work, on_result, on_progress=lambda done, total, text: progress.append((done, total, text)))
    assert runner.busy
    assert runner.wait_idle()
    assert seen["result"] == 42
    assert seen["worker"] != ui_thread
    assert seen["result_thread"] == ui_thread
    assert progress == [(1, 3, "bước 1"), (2, 3, "bước 2"), (3, 3, "bước 3")]
    assert not runner.busy


def test_errors_go_to_the_error_callback(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work(control: TaskControl) -> None:
        raise UserError("Tệp không đọc được.")

    runner.run(work, lambda value: pytest.fail("no result expected"), on_error=errors.append)
    assert runner.wait_idle()
    assert [str(error) for error in errors] == ["Tệp không đọc được."]


def test_cancel_stops_the_work_and_skips_the_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    entered = threading.Event()
    release = threading.Event()
    steps: list[int] = []

    def work(control: TaskControl) -> str:
        entered.set()
        release.wait(5)
        for step in range(100):
            control.check_cancelled()
            steps.append(step)
        return "xong"

    task = runner.run(work, lambda value: pytest.fail("cancelled work must not deliver"))
    assert entered.wait(5)
    with qtbot.wait_signal(runner.cancelled):
        task.cancel()
        release.set()
    assert steps == []
    assert runner.wait_idle()
    assert not runner.busy
