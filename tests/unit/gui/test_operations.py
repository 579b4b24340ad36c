"""The operation helper: facade calls off the UI thread, busy state only after the delay, one-sentence errors,
results dropped for a destroyed widget, changes kept in the order they were made."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gui.operations import OperationRunner, run_change, run_query
from quiz.errors import UserError

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[OperationRunner]:
    made = OperationRunner()
    yield made
    assert made.wait_idle()
    made.deleteLater()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_call_runs_on_a_worker_and_the_result_arrives_on_the_ui_thread(
    runner: OperationRunner, parent: QWidget
) -> None:
    threads: dict[str, int] = {}
    results: list[int] = []

    def call() -> int:
        threads["call"] = threading.get_ident()
        return 42

    def success(value: int) -> None:
        threads["success"] = threading.get_ident()
        results.append(value)

    operation = run_query(parent, call, success, runner=runner)
    assert runner.wait_idle()
    assert results == [42] and operation.done
    assert threads["call"] != threading.get_ident()
    assert threads["success"] == threading.get_ident()


def test_the_busy_state_shows_only_after_the_delay_and_goes_with_the_result(
    qtbot: QtBot, runner: OperationRunner, parent: QWidget
) -> None:
    button = QPushButton("Lưu", parent)
    release = threading.Event()
    busy_signals: list[bool] = []
    runner.busy_changed.connect(busy_signals.append)
    operation = run_query(parent, lambda: release.wait(10), lambda _value: None, busy=(button,), runner=runner)
    # The delay has not passed (no event was processed): nothing looks busy for a quick call.
    assert not operation.busy_shown
    assert parent.cursor().shape() != Qt.CursorShape.BusyCursor and button.isEnabled()
    qtbot.waitUntil(lambda: operation.busy_shown)
    assert parent.cursor().shape() == Qt.CursorShape.BusyCursor
    assert not button.isEnabled() and busy_signals == [True]
    release.set()
    assert runner.wait_idle()
    assert operation.done and button.isEnabled()
    assert parent.cursor().shape() != Qt.CursorShape.BusyCursor
    assert busy_signals == [True, False]


def test_a_call_quicker_than_the_delay_never_looks_busy(parent: QWidget) -> None:
    runner = OperationRunner(busy_delay_ms=60_000)  # "quick" defined by the delay, not by a measured time
    button = QPushButton("Lưu", parent)
    disabled: list[bool] = []
    runner.busy_changed.connect(disabled.append)
    operation = run_query(parent, lambda: 1, lambda _value: None, busy=(button,), runner=runner)
    assert runner.wait_idle()
    assert operation.done and not operation.busy_shown and disabled == [] and button.isEnabled()
    runner.deleteLater()


def visible_boxes(parent: QWidget) -> list[QMessageBox]:
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def test_a_refusal_is_shown_as_its_one_sentence(qtbot: QtBot, runner: OperationRunner, parent: QWidget) -> None:
    parent.show()

    def refuse() -> None:
        raise UserError("Đồng chí chưa chọn văn bản.")

    run_change(parent, refuse, runner=runner)
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: len(visible_boxes(parent)) == 1)
    assert visible_boxes(parent)[0].text() == "Đồng chí chưa chọn văn bản."


def test_an_unexpected_error_is_logged_and_shown_as_a_plain_sentence(
    qtbot: QtBot, runner: OperationRunner, parent: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    parent.show()

    def crash() -> None:
        raise RuntimeError("cursor closed at line 7")

    run_query(parent, crash, lambda _value: None, runner=runner)
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: len(visible_boxes(parent)) == 1)
    text = visible_boxes(parent)[0].text()
    assert "cursor closed" not in text and "Traceback" not in text
    assert text.endswith(".") and text.count(".") == 2  # one sentence ("…nhật ký; xin thử lại…")
    assert "cursor closed at line 7" in caplog.text


def test_a_page_may_show_the_error_itself(runner: OperationRunner, parent: QWidget) -> None:
    seen: list[str] = []

    def refuse() -> int:
        raise UserError("Không đọc được tệp.")

    run_query(parent, refuse, lambda _value: None, on_failure=lambda error: seen.append(str(error)), runner=runner)
    assert runner.wait_idle()
    assert seen == ["Không đọc được tệp."] and visible_boxes(parent) == []


def test_a_widget_destroyed_before_the_result_gets_nothing_and_nothing_crashes(
    qtbot: QtBot, runner: OperationRunner
) -> None:
    widget = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    run_query(widget, lambda: release.wait(10), delivered.append, runner=runner)

    def fail() -> None:
        release.wait(10)
        raise UserError("Không lưu được.")

    run_change(widget, fail, on_failure=delivered.append, runner=runner)
    qtbot.waitUntil(lambda: runner.pending == 2)
    shiboken6.delete(widget)
    release.set()
    assert runner.wait_idle()
    assert delivered == [] and runner.pending == 0


def test_a_slow_call_leaves_the_event_loop_running(qtbot: QtBot, runner: OperationRunner, parent: QWidget) -> None:
    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer(parent)
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    operation = run_query(parent, lambda: release.wait(30), lambda _value: None, runner=runner)
    qtbot.waitUntil(lambda: len(ticks) >= 3)  # the UI thread kept handling events while the call waited
    assert not operation.done
    release.set()
    assert runner.wait_idle()
    timer.stop()


def test_changes_run_in_the_order_they_were_made(runner: OperationRunner, parent: QWidget) -> None:
    written: list[int] = []
    confirmed: list[int] = []

    def change(number: int) -> None:
        run_change(parent, lambda: written.append(number), lambda _none: confirmed.append(number), runner=runner)

    for number in range(40):
        change(number)
    assert runner.wait_idle()
    assert written == list(range(40)) and confirmed == list(range(40))


def test_only_the_newest_query_of_a_key_is_delivered(runner: OperationRunner, parent: QWidget) -> None:
    release = threading.Event()
    shown: list[str] = []

    def old_load() -> str:
        release.wait(10)
        return "old"

    run_query(parent, old_load, shown.append, key="section", runner=runner)
    run_query(parent, lambda: "new", shown.append, key="section", runner=runner)
    release.set()
    assert runner.wait_idle()
    assert shown == ["new"]


def test_waiting_from_inside_a_result_callback_does_not_wait_for_itself(
    runner: OperationRunner, parent: QWidget
) -> None:
    waited: list[bool] = []
    # e.g. a result that signs the member out, which first waits for the queued writes
    run_query(parent, lambda: 1, lambda _value: waited.append(runner.wait_idle(timeout_ms=2000)), runner=runner)
    assert runner.wait_idle()
    assert waited == [True]
