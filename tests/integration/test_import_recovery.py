"""Issue 15 item 5: an import cut short between storing the document and its questions is finished, never stuck."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from quiz.errors import AccessDenied
from quiz.service import Service
from quiz.services.context import Actor
from tests.integration.faults import run_main
from tests.integration.scenario import write_resolution


def cut_short_import(tmp_path: Path) -> tuple[str, Path, str]:
    """Import as a process killed right after the document's commit would leave it: stored, no question."""
    database_file = tmp_path / "hoctap.sqlite3"
    url = f"sqlite:///{database_file.as_posix()}"
    source = write_resolution(tmp_path)
    service = Service.open(url, actor=Actor.admin())
    service.documents.after_import.clear()  # the killed process never got to generating
    document_id = service.documents.import_file(source).id
    service.close()
    assert question_count(database_file, document_id) == 0
    return url, source, document_id


def question_count(database_file: Path, document_id: str) -> int:
    with contextlib.closing(sqlite3.connect(database_file)) as connection:
        query = "SELECT count(*) FROM questions WHERE document_id = ?"
        return int(connection.execute(query, (document_id,)).fetchone()[0])


def test_importing_the_same_file_again_finishes_it(tmp_path: Path) -> None:
    url, source, document_id = cut_short_import(tmp_path)
    service = Service.open(url, actor=Actor.admin())
    try:
        assert service.documents.import_file(source).id == document_id
        assert service.documents.count() == 1
    finally:
        service.close()
    assert question_count(tmp_path / "hoctap.sqlite3", document_id) > 0


def test_the_next_start_finishes_it(tmp_path: Path) -> None:
    url, _, document_id = cut_short_import(tmp_path)
    # What the window and the command line run at every start.
    completed = run_main(["--db", url, "documents"], tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert question_count(tmp_path / "hoctap.sqlite3", document_id) > 0


def test_the_admin_action_and_bank_generate_finish_it(tmp_path: Path) -> None:
    url, _, document_id = cut_short_import(tmp_path)
    member = Service.open(url, actor=None)
    try:
        with pytest.raises(AccessDenied):
            member.documents.finish_incomplete_imports()
    finally:
        member.close()
    admin = Service.open(url, actor=Actor.admin())
    try:
        assert [info.id for info in admin.documents.incomplete_documents()] == [document_id]
        assert [info.id for info in admin.documents.finish_incomplete_imports()] == [document_id]
        assert admin.documents.incomplete_documents() == []
    finally:
        admin.close()
    count = question_count(tmp_path / "hoctap.sqlite3", document_id)
    completed = run_main(["--db", url, "bank", "generate", "--document", document_id], tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert f"{count} câu hỏi" in completed.stdout
    assert question_count(tmp_path / "hoctap.sqlite3", document_id) == count
