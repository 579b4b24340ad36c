"""Which driver a database URL opens with, and the clear refusals for URLs this installation cannot open."""

from __future__ import annotations

import socket
import ssl
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from quiz.errors import UserError
from quiz.storage import postgres_connection
from quiz.storage.database import open_database
from quiz.storage.drivers import engine_url_and_arguments, resolve_url
from quiz.storage.models.documents import Setting
from quiz.storage.postgres_connection import TLS_ARGUMENT, Tls
from tests.conftest import POSTGRES_URL, reset_postgres_schema

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="NQ_TEST_POSTGRES_URL is not set")


@pytest.mark.parametrize("typed", ["postgresql://thu@maychu/hoctap", "postgres://thu@maychu/hoctap"])
def test_a_url_without_a_driver_uses_the_bundled_one(typed: str) -> None:
    resolved = resolve_url(typed)
    assert resolved.drivername == "postgresql+pg8000"
    assert (resolved.username, resolved.host, resolved.database) == ("thu", "maychu", "hoctap")


@pytest.mark.parametrize("typed", ["postgresql+psycopg://thu@maychu/hoctap", "postgres+psycopg://thu@maychu/hoctap"])
def test_a_named_driver_is_kept(typed: str) -> None:
    assert resolve_url(typed).drivername == "postgresql+psycopg"


def test_sqlite_urls_are_left_as_typed(tmp_path: Path) -> None:
    typed = f"sqlite:///{(tmp_path / 'a.sqlite3').as_posix()}"
    assert resolve_url(typed) == make_url(typed)


def test_a_driver_that_is_not_installed_is_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail, as it does in a bundle that does not carry the driver.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(UserError, match="không dùng được trình điều khiển cơ sở dữ liệu psycopg;"):
        open_database("postgresql+psycopg://thu@127.0.0.1:1/hoctap")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("postgresql+psycopg_async://thu@maychu/hoctap", "không dùng được trình điều khiển"),
        ("postgresql://maychu/hoctap", "cần có tên người dùng"),
        ("postgresql://thu@maychu/hoctap?connect_timeout=5", r"tham số không dùng được \(connect_timeout\)"),
        ("postgresql://thu@maychu/hoctap?sslmode=always", "sslmode=always không hợp lệ"),
        ("postgresql://thu@maychu/hoctap?sslmode=require&sslmode=disable", "không hợp lệ"),
    ],
)
def test_urls_the_bundled_driver_cannot_open_are_refused(typed: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        open_database(typed)


def test_ssl_options_become_one_tls_choice(tmp_path: Path) -> None:
    def tls(query: str) -> Tls:
        url, arguments = engine_url_and_arguments(resolve_url(f"postgresql://thu@maychu/hoctap{query}"))
        assert "sslmode" not in url.query and "sslrootcert" not in url.query
        choice = arguments[TLS_ARGUMENT]
        assert isinstance(choice, Tls)
        return choice

    assert tls("?sslmode=disable") == Tls(None)
    for query, optional in (("", True), ("?sslmode=prefer", True), ("?sslmode=require", False)):
        # Encrypted when possible (libpq's default "prefer"), but the server's certificate is not checked.
        choice = tls(query)
        assert choice.optional is optional and choice.context is not None
        assert choice.context.verify_mode == ssl.CERT_NONE
    full = tls("?sslmode=verify-full").context
    assert full is not None and full.check_hostname and full.verify_mode == ssl.CERT_REQUIRED
    only_ca = tls("?sslmode=verify-ca").context
    assert only_ca is not None and not only_ca.check_hostname and only_ca.verify_mode == ssl.CERT_REQUIRED
    missing = tmp_path / "khong-co.crt"
    with pytest.raises(UserError, match="Không đọc được tệp chứng chỉ"):
        tls(f"?sslmode=verify-full&sslrootcert={missing.as_posix()}")


def test_application_name_reaches_the_driver() -> None:
    url, _ = engine_url_and_arguments(resolve_url("postgresql://thu@maychu/hoctap?application_name=may-3"))
    assert url.query == {"application_name": "may-3"}


@needs_postgres
def test_the_test_server_opens_without_a_driver_named() -> None:
    reset_postgres_schema(POSTGRES_URL)
    bare = make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    database = open_database(bare)
    try:
        assert database.engine.dialect.driver == "pg8000"
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
            # Without TCP_NODELAY a statement can wait for the server's delayed ACK (a merge took 2,6× as long).
            driver_socket = connection.connection.dbapi_connection._usock  # type: ignore[union-attr]
            assert driver_socket.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        database.dispose()


@needs_postgres
def test_many_new_rows_go_to_the_server_in_one_statement() -> None:
    reset_postgres_schema(POSTGRES_URL)
    database = open_database(make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False))
    statements: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda *arguments: statements.append(arguments[2]))
    try:
        with database.sessions.begin() as session:
            session.add_all(Setting(key=f"khoa-{number}", value=number) for number in range(50))
        # pg8000's own executemany would send the one-row INSERT 50 times, three round trips each.
        rows_per_insert = [sql.count("), (") + 1 for sql in statements if sql.startswith("INSERT")]
        assert rows_per_insert == [50]
        with database.sessions() as session:
            assert session.get(Setting, "khoa-49").value == 49  # type: ignore[union-attr]
    finally:
        database.dispose()


@needs_postgres
def test_an_unknown_database_or_role_on_the_server_is_a_sentence() -> None:
    server = make_url(POSTGRES_URL)
    for wrong in (server.set(database="khong_co_tren_may_chu"), server.set(username="khong_co_tren_may_chu")):
        with pytest.raises(UserError, match="Không mở được cơ sở dữ liệu"):
            open_database(wrong.render_as_string(hide_password=False))


def test_a_server_that_does_not_answer_is_given_up_after_the_connect_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A switched-off server must end in the sentence, not leave the start screen waiting on the OS."""
    asked: list[float | None] = []

    def silent_server(address: tuple[str, int], timeout: float | None = None) -> socket.socket:
        asked.append(timeout)
        raise TimeoutError("timed out")

    monkeypatch.setattr(socket, "create_connection", silent_server)
    with pytest.raises(UserError, match="Không mở được cơ sở dữ liệu"):
        open_database("postgresql://thu@192.0.2.1/hoctap")
    assert asked and all(timeout == postgres_connection.CONNECT_SECONDS for timeout in asked)
