"""The app opens no network connection while it starts, imports, runs a quiz and prints a report."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.service import Service
from quiz.services.context import Actor
from tests.integration.scenario import add_member, any_response, write_resolution


class NetworkAttempt(AssertionError):
    """Raised (and recorded) by the patched socket functions."""


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Make every way Python opens a connection or resolves a name fail loudly, and record each attempt."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*arguments: Any, **keywords: Any) -> Any:
            attempts.append(f"{name}{arguments[1:] if name.startswith('socket.') else arguments}")
            raise NetworkAttempt(f"network use during an offline test: {name}")

        return refused

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "getnameinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    # Checked after the test too: code that swallows the exception still leaves its attempt in the list.
    assert attempts == []


def test_the_patch_catches_a_connection(network_attempts: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.org", 80), timeout=1)
    assert network_attempts == ["create_connection(('example.org', 80),)"]
    network_attempts.clear()


def test_start_import_quiz_and_report_stay_offline(network_attempts: list[str], tmp_path: Path) -> None:
    from reports.collect import collect_form
    from reports.form import build_member_form

    service = Service.open(f"sqlite:///{(tmp_path / 'offline.sqlite3').as_posix()}", actor=Actor.admin())
    try:
        assert service.documents.import_seeds_if_empty() >= 1
        document = service.documents.import_file(write_resolution(tmp_path))
        member_id = add_member(service)
        attempt = service.quizzes.start_attempt(member_id, document.id, "exam")
        for question in attempt.questions:
            response = any_response(question.type, len(question.options), len(question.left_items))
            assert service.quizzes.answer(attempt.id, question.position, response).saved
        result = service.quizzes.submit(attempt.id)
        pdf = build_member_form(collect_form(service, member_id, document.id))
    finally:
        service.close()
    assert result.attempt_id == attempt.id
    assert pdf.startswith(b"%PDF")
    assert network_attempts == []


def strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not strace_works(), reason="needs strace (CI installs it); Python-level patching is tested above")
def test_the_window_makes_no_connect_call_at_all(tmp_path: Path) -> None:
    """Qt and the C libraries do not go through Python's socket module: watch the system calls instead."""
    from tests.integration.faults import run_main

    trace = tmp_path / "connect.trace"
    database = f"sqlite:///{(tmp_path / 'window.sqlite3').as_posix()}"
    # strace wraps the interpreter, so run_main's environment (offscreen Qt, private data folder) still applies.
    command = ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace)]
    completed = run_main(["--db", database, "--self-check"], tmp_path, prefix=command)
    assert completed.returncode == 0, completed.stderr
    calls = [line for line in trace.read_text().splitlines() if "connect(" in line]
    # Local (AF_UNIX) sockets, e.g. to a session bus, are not network; anything else is.
    network = [line for line in calls if "AF_UNIX" not in line]
    assert network == []
    assert (tmp_path / "window.sqlite3").exists()
