"""How the bundled pg8000 driver connects: TLS as libpq's sslmode asks, no Nagle delay, multi-row INSERTs."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from quiz.errors import UserError

BUNDLED_POSTGRES_DRIVER = "pg8000"
# The connect argument that carries the Tls choice from the URL to _open_connection (never reaches pg8000).
TLS_ARGUMENT = "hoctap_tls"
_SSL_MODES = "disable, allow, prefer, require, verify-ca, verify-full"
CONNECT_SECONDS = 10.0


@dataclass(frozen=True)
class Tls:
    """TLS for every connection of one engine: ``context`` None means plain; ``optional`` means plain if refused."""

    context: ssl.SSLContext | None
    optional: bool = False


def tls_for_sslmode(mode: str, root_certificate: str | None) -> Tls:
    """libpq's meaning of ``sslmode`` (and ``sslrootcert``), as one context made once per database."""
    if mode == "disable":
        return Tls(None)
    if mode in ("allow", "prefer"):
        return Tls(_encrypting_only(), optional=True)
    # As in libpq, "require" with a root certificate given checks the server's certificate against it.
    if mode == "require" and root_certificate is None:
        return Tls(_encrypting_only())
    if mode not in ("require", "verify-ca", "verify-full"):
        raise UserError(f"sslmode={mode} không hợp lệ; hãy dùng một trong: {_SSL_MODES}.")
    try:
        context = ssl.create_default_context(cafile=root_certificate)
    except OSError as error:  # a missing file, or one that holds no certificate (ssl.SSLError)
        raise UserError(f"Không đọc được tệp chứng chỉ máy chủ {root_certificate}.") from error
    context.check_hostname = mode == "verify-full"
    return Tls(context)


def _encrypting_only() -> ssl.SSLContext:
    # Encrypts without checking who answers, as libpq's prefer/require. Made here once: pg8000 would build a
    # default context per connection, loading the system's CA list each time (~30 ms).
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def tune_engine(engine: Engine) -> None:
    """Connect through _open_connection and batch INSERTs; without both a merge took 3-5× as long as psycopg's."""
    if engine.dialect.driver != BUNDLED_POSTGRES_DRIVER:
        return
    # pg8000's executemany runs the INSERT once per row, three round trips each (a merge writes ~25 rows per
    # member); SQLAlchemy's multi-row INSERT sends up to 1000 rows in one statement instead.
    engine.dialect.use_insertmanyvalues_wo_returning = True
    event.listen(engine, "do_connect", _open_connection)


def _open_connection(dialect: Any, _record: Any, _arguments: Any, parameters: dict[str, Any]) -> Any:
    """A pg8000 connection on a socket opened here (pg8000 takes one as ``sock``), TLS as the URL asked."""
    driver = dialect.loaded_dbapi
    options = dict(parameters)
    tls: Tls = options.pop(TLS_ARGUMENT)
    # pg8000 still needs the host: it is the name the server's certificate must carry.
    options.setdefault("host", "localhost")
    options.setdefault("port", 5432)
    try:
        try:
            return driver.Connection(sock=_socket(options), ssl_context=tls.context or False, **options)
        except driver.InterfaceError as error:
            if not (tls.optional and "refuses SSL" in str(error)):
                raise
        return driver.Connection(sock=_socket(options), ssl_context=False, **options)
    except OSError as error:
        # Refused, unreachable, or a certificate that failed the check: a DBAPI error, as every psycopg one is,
        # so SQLAlchemy wraps it and the facade turns it into one Vietnamese sentence.
        raise driver.InterfaceError(f"cannot connect to {options['host']}:{options['port']}: {error}") from error


def _socket(options: dict[str, Any]) -> socket.socket:
    # A server switched off on the LAN answers nothing: without a limit the OS waits 20 s (Windows) to 2 min
    # (Linux) while the start screen waits for the facade. After connecting, statements take as long as needed.
    connection = socket.create_connection((options["host"], int(options["port"])), timeout=CONNECT_SECONDS)
    connection.settimeout(None)
    # pg8000 writes each message separately and then waits for the reply: with Nagle's algorithm the last write
    # waits for the server's delayed ACK (40 ms on Linux, 200 ms on Windows), in the TLS handshake and in every
    # statement. libpq turns it off for the same reason.
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # what pg8000 does with its own sockets
    return connection
