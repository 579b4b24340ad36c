"""How several threads and processes share one SQLite file: pragmas, write locks taken up front, clear errors."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from quiz.errors import UserError

# The longest writer holds the write lock for: a document import with its question generation, or one chunk of a
# package merge (merges commit every WRITE_CHUNK_SECONDS). Every other writer waits up to this long, then says so.
BUSY_TIMEOUT_SECONDS = 60
# A long job (a merge of many packages) commits at least this often, so answers given meanwhile get through.
# Each SQLite commit rewrites every index page the chunk touched: 1 s chunks cost a 40-package merge 42 s, 2 s
# chunks 35 s, one transaction 30 s (docs/PERFORMANCE.md). The window queues answers off the UI thread, so a
# member never feels a 2 s wait; the CLI and other programs wait within the busy timeout.
WRITE_CHUNK_SECONDS = 2.0
# SQLite's busy handler sleeps up to 100 ms between tries: a writer that lets go for longer than that between
# two chunks lets every waiting writer in, instead of taking the lock straight back.
_PAUSE_BETWEEN_CHUNKS_SECONDS = 0.15
# The write-ahead log file is cut back to this size when it restarts after a checkpoint.
JOURNAL_LIMIT_BYTES = 64 * 1024 * 1024

# Primary result codes (sqlite3.h); the extended code's low byte is the primary one.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
_BUSY_CODES = (SQLITE_BUSY, SQLITE_LOCKED)
_DAMAGE_CODES = (SQLITE_CORRUPT, SQLITE_NOTADB)
# Python's driver reports a damaged text value this way, without a SQLite result code.
_NOT_UTF8 = "Could not decode to UTF-8"

IN_USE_MESSAGE = (
    "Cơ sở dữ liệu đang được máy/chương trình khác dùng nên chưa ghi được; hãy đợi chương trình kia xong việc "
    "(hoặc đóng nó) rồi thử lại."
)
DAMAGED_MESSAGE = (
    "Cơ sở dữ liệu bị hỏng ở phần đang cần đọc nên chưa làm được việc này; hãy đóng rồi mở lại ứng dụng để nó "
    "kiểm tra toàn bộ và khôi phục từ bản sao lưu nếu cần."
)


class DatabaseInUse(UserError):
    """Another process held the SQLite file longer than the busy timeout."""


class DatabaseDamaged(UserError):
    """SQLite found damaged pages while reading (``database disk image is malformed``)."""


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of a driver error, or None for anything else."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_busy(error: BaseException) -> bool:
    return primary_code(error) in _BUSY_CODES


def is_damage(error: BaseException) -> bool:
    """Damaged pages, a file that is not a database, or text that is not UTF-8 (the app only writes UTF-8)."""
    return primary_code(error) in _DAMAGE_CODES or str(error).startswith(_NOT_UTF8)


def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Run on every new SQLite connection of the app's engine."""
    cursor = dbapi_connection.cursor()
    # WAL keeps readers and the writer apart; FULL sync means an answer shown as saved survives power loss.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    # A merge lets the log grow to a few hundred MB between checkpoints: it is cut back once it restarts.
    cursor.execute(f"PRAGMA journal_size_limit={JOURNAL_LIMIT_BYTES}")
    cursor.close()


def connect_arguments() -> dict[str, Any]:
    # Several threads (UI and worker) use the file; each session is still used by one thread only.
    return {"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS}


def listen(engine: Engine, on_damage: Any) -> None:
    """Pragmas on connect; lock and damage errors become one sentence (``on_damage`` is told about damage)."""
    event.listen(engine, "connect", set_pragmas)

    def translate(context: ExceptionContext) -> None:
        original = context.original_exception
        if not isinstance(original, sqlite3.Error):
            return
        if is_busy(original):
            raise DatabaseInUse(IN_USE_MESSAGE) from context.sqlalchemy_exception
        if is_damage(original):
            on_damage()
            raise DatabaseDamaged(DAMAGED_MESSAGE) from context.sqlalchemy_exception

    event.listen(engine, "handle_error", translate)


def begin_immediate(connection: Any) -> None:
    """Take the write lock at the start of the transaction (``connection`` is a SQLAlchemy Connection).

    The driver begins a transaction only at the first write, so a read-then-write action (is there an answer
    yet? then insert it) could read, lose the race to another process and then collide with its row. Taking
    the lock first makes the whole action one serialised unit; waiting for it uses the busy timeout.
    """
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def pause_between_chunks(already_seconds: float = 0.0) -> None:
    """Let writers waiting for the lock in (call between two commits of a long job, ``already_seconds`` after the
    commit)."""
    time.sleep(max(0.0, _PAUSE_BETWEEN_CHUNKS_SECONDS - already_seconds))
