"""Make sure no other process has a SQLite file open before it is moved aside (SQLite's own lock bytes)."""

from __future__ import annotations

import contextlib
import os
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

# SQLite's locks on the database file (os_unix.c / os_win.c): the pending byte at 1 GiB, the reserved byte
# after it, then the 510-byte shared range. Holding all of them for writing is SQLite's EXCLUSIVE lock.
_PENDING_BYTE = 0x40000000
_LOCKED_BYTES = 2 + 510
# In WAL mode every open connection holds a shared lock on the "dead man switch" byte of the -shm file
# (the WAL index's lock area starts at byte 120, after 8 lock bytes): an exclusive lock there proves nobody
# else has the database open, even between transactions.
_SHM_DEAD_MAN_SWITCH = 120 + 8


class FileInUse(Exception):
    """Another process has the database open (or is writing it)."""


@contextlib.contextmanager
def exclusive_access(database_file: Path) -> Iterator[None]:
    """Hold SQLite's exclusive locks on ``database_file`` (and its -shm), or raise FileInUse at once.

    On Windows SQLite opens files without sharing deletion, so moving a file another process has open fails
    by itself (PermissionError, turned into FileInUse by the caller's move); the byte locks are POSIX only.
    """
    if sys.platform == "win32":
        yield
        return
    handles: list[int] = []
    try:
        for path, start, length in (
            (database_file, _PENDING_BYTE, _LOCKED_BYTES),
            (database_file.with_name(database_file.name + "-shm"), _SHM_DEAD_MAN_SWITCH, 1),
        ):
            if not path.exists():
                continue
            handle = os.open(path, os.O_RDWR)
            handles.append(handle)
            try:
                _lock(handle, start, length)
            except OSError as error:
                raise FileInUse(str(path)) from error
        yield
    finally:
        # Closing drops the locks; the files have been moved by now, so nobody can take them on the old name.
        for handle in handles:
            os.close(handle)


def _lock(handle: int, start: int, length: int) -> None:
    """An exclusive, non-blocking lock on ``length`` bytes from ``start``.

    Linux: an open-file-description lock. Unlike a classic POSIX lock it conflicts with this process's own
    SQLite connections too, and closing the handle releases only it, never the locks those connections hold.
    """
    import fcntl

    command = getattr(fcntl, "F_OFD_SETLK", None)
    if command is None or not sys.platform.startswith("linux"):
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start)
        return
    # struct flock on Linux: l_type, l_whence, l_start, l_len, l_pid (0 for OFD locks), padded to 32 bytes.
    fcntl.fcntl(handle, command, struct.pack("@hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0))


def others_have_open(database_file: Path) -> bool:
    """True when another connection (another process, or this one) has the database open (False on Windows)."""
    try:
        with exclusive_access(database_file):
            return False
    except (FileInUse, OSError):
        return True  # in use, or not ours to lock (read-only): either way not a crash's leftovers to judge
