"""Before SQLite opens a file after a crash: is its write-ahead log (-wal) missing or damaged? (SQLite says nothing.)

SQLite replays the -wal up to its first bad frame and silently drops the rest; a -wal deleted by a cleaner or
an antivirus loses every change not yet copied into the main file. The -shm index a killed process leaves
tells how many frames were committed and copied, which is enough to notice both.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

_WAL_HEADER = 32
_FRAME_HEADER = 24
_MAGIC_LITTLE = 0x377F0682
_MAGIC_BIG = 0x377F0683
# Reading frames is pure Python (~0,1 s per 4 MB); a bigger -wal is rare (the app checkpoints every 1.000 pages).
_MOST_CHECKED_BYTES = 64 * 2**20


@dataclass(frozen=True)
class IndexHeader:
    """What the -shm file says about the -wal (wal.c: WalIndexHdr and WalCkptInfo)."""

    committed_frames: int
    copied_frames: int
    page_size: int
    salts: bytes


def read_index_header(shm: Path) -> IndexHeader | None:
    """The -shm header, or None when there is no usable one (missing, never initialised, torn)."""
    try:
        data = shm.read_bytes()[:136]
    except OSError:
        return None
    if len(data) < 136 or data[:48] != data[48:96] or data[12] != 1:
        return None
    order = "<" if sys.byteorder == "little" else ">"
    version, _, _, _, _, size, committed = struct.unpack(order + "IIIBBHI", data[:20])
    if version != 3007000:
        return None
    copied = struct.unpack(order + "I", data[96:100])[0]
    return IndexHeader(committed, copied, 65536 if size == 1 else size, data[32:40])


def valid_frames(wal: bytes) -> tuple[int, int]:
    """(frames SQLite replays, commits of this log written after a bad frame, which SQLite drops)."""
    if len(wal) < _WAL_HEADER:
        return 0, 0
    magic, _, page_size = struct.unpack(">III", wal[:12])
    if magic not in (_MAGIC_LITTLE, _MAGIC_BIG) or page_size < 512 or page_size & (page_size - 1):
        return 0, 0
    word = "<" if magic == _MAGIC_LITTLE else ">"
    salts = wal[16:24]
    first, second = _checksum(wal[:24], word, 0, 0)
    if (first, second) != struct.unpack(">II", wal[24:32]):
        return 0, 0
    frame_size = _FRAME_HEADER + page_size
    frames = replayed = dropped_commits = 0
    broken = False
    for offset in range(_WAL_HEADER, len(wal) - frame_size + 1, frame_size):
        header = wal[offset : offset + _FRAME_HEADER]
        if header[8:16] != salts:
            continue  # an older log's frame left behind: not part of this one
        commit = struct.unpack(">I", header[4:8])[0] != 0
        if broken:
            # A torn frame is always the last one written; a commit after a bad frame means committed data
            # SQLite will not replay.
            dropped_commits += commit
            continue
        first, second = _checksum(header[:8], word, first, second)
        first, second = _checksum(wal[offset + _FRAME_HEADER : offset + frame_size], word, first, second)
        if (first, second) != struct.unpack(">II", header[16:24]):
            broken = True
            continue
        frames += 1
        if commit:
            replayed = frames
    return replayed, dropped_commits


def _salts(wal: Path) -> bytes:
    with wal.open("rb") as handle:
        return handle.read(_WAL_HEADER)[16:24]


def _checksum(data: bytes, word: str, first: int, second: int) -> tuple[int, int]:
    values = struct.unpack(f"{word}{len(data) // 4}I", data)
    for index in range(0, len(values), 2):
        first = (first + values[index] + second) & 0xFFFFFFFF
        second = (second + values[index + 1] + first) & 0xFFFFFFFF
    return first, second


def wal_problem(database_file: Path, keep_copy: Path) -> str | None:
    """``"lost"`` (committed frames not in the -wal any more), ``"damaged"`` (a bad frame before good ones), or None.

    Call only when no other process has the database open (their -wal is live, not a crash's leftover). With the
    crash's -shm at hand this costs two small reads and SQLite's own replay of the -wal (done at opening anyway);
    without it the frames are read here (pure Python, so only up to a size). A damaged -wal is copied to
    ``keep_copy`` first (the replay removes it).
    """
    wal = database_file.with_name(database_file.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    index = read_index_header(database_file.with_name(database_file.name + "-shm"))
    if index is not None and index.committed_frames > index.copied_frames:
        needed = _WAL_HEADER + index.committed_frames * (_FRAME_HEADER + index.page_size)
        if wal_size < needed or _salts(wal) != index.salts:
            logger.warning("%s: %s committed frames in -shm, not in the -wal", wal, index.committed_frames)
            return "lost"
        _keep(wal, keep_copy)
        replayed = _frames_sqlite_replays(database_file)
        if replayed is not None and replayed < index.committed_frames:
            logger.warning("%s: %s committed frames in -shm, %s replayed", wal, index.committed_frames, replayed)
            return "damaged"
        keep_copy.unlink()
        return None
    if index is not None or not wal_size or wal_size > _MOST_CHECKED_BYTES:
        return None
    data = wal.read_bytes()
    replayed, dropped_commits = valid_frames(data)
    if dropped_commits:
        logger.warning("%s: a bad frame after %s good ones hides %s commits", wal, replayed, dropped_commits)
        keep_copy.write_bytes(data)
        return "damaged"
    return None


def _keep(wal: Path, keep_copy: Path) -> None:
    # A second name for the same file costs nothing; SQLite only unlinks the -wal after the replay, never
    # rewrites it. File systems without hard links (FAT on a USB stick) get a copy.
    try:
        keep_copy.hardlink_to(wal)
    except OSError:
        shutil.copyfile(wal, keep_copy)


def _frames_sqlite_replays(database_file: Path) -> int | None:
    """Open the file (SQLite replays the -wal up to its first bad frame) and ask how many frames it kept."""
    uri = f"{database_file.resolve().as_uri()}?mode=rw"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5)) as connection:
            row = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error as error:
        logger.warning("replaying the -wal of %s failed: %s", database_file, error)
        return None
    return int(row[1]) if row and row[1] >= 0 else None
