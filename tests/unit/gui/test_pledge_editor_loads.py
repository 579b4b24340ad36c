"""The pledge editor reads and saves through the operation worker: a slow read leaves the window responsive."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.pledge_editor import PledgeEditor
from gui.tasks import TaskRunner
from quiz.api.members import MemberDraft
from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.service import Service
from tests.unit.gui.admin.slow_reads import SlowRead, assert_event_loop_runs
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

TEXT = "Nghị quyết thử nghiệm\n\nChi bộ phấn đấu hoàn thành 5 nhiệm vụ trọng tâm trong năm."


@pytest.fixture
def task_runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def make_editor(qtbot: QtBot, service: Service, task_runner: TaskRunner) -> tuple[PledgeEditor, str, str]:
    document = service.documents.import_text(TEXT, "thu.txt")
    member = service.members.add_member(MemberDraft(full_name="Phạm Thị Dung"))
    answers = [ReflectionAnswer(question, "Đã học kỹ.") for question in service.pledges.reflection_questions()]
    service.pledges.save_draft(member.id, document.id, answers, [Commitment("Hoàn thành nhiệm vụ được giao")])
    editor = PledgeEditor(service, task_runner, member.id, document.id)
    qtbot.addWidget(editor)
    editor.show()
    return editor, member.id, document.id


def test_a_slow_pledge_read_leaves_the_editor_responsive(
    qtbot: QtBot, service: Service, task_runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow_read = SlowRead(monkeypatch, service.pledges, "get")
    editor, _member_id, _document_id = make_editor(qtbot, service, task_runner)
    assert_event_loop_runs(qtbot, slow_read)
    assert editor.answer_edits == [] and editor.table.table.rowCount() == 0
    slow_read.release()
    wait_for_operations()
    assert {edit.toPlainText() for _question, edit in editor.answer_edits} == {"Đã học kỹ."}
    assert [row.content for row in editor.table.commitments()] == ["Hoàn thành nhiệm vụ được giao"]


def test_finalising_saves_the_draft_first_then_locks_it(
    qtbot: QtBot, service: Service, task_runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor, member_id, document_id = make_editor(qtbot, service, task_runner)
    wait_for_operations()
    editor.answer_edits[0][1].setPlainText("Viết lại trước khi hoàn thành.")
    # The confirmation box answers yes at once; the save before it and the finalise are both on the worker.
    monkeypatch.setattr(
        "gui.pledge_editor.dialogs.ask", lambda _parent, _title, _text, on_answer, **_options: on_answer(True)
    )
    QTest.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    wait_for_operations()
    stored = service.pledges.get(member_id, document_id)
    assert stored.is_finalised
    assert stored.reflections[0].answer == "Viết lại trước khi hoàn thành."
    assert editor.answer_edits[0][1].isReadOnly() and not editor.finalise_button.isEnabled()
