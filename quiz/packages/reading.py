"""Reading the packages of one merge, the next one on a second thread while a database server writes the current."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from quiz.packages.container import PackageRefused, UnitKey
from quiz.packages.content import PackageContent, load_package

Loaded = PackageContent | PackageRefused


class PackageReader:
    """Each path's checked content, or the refusal saying why it cannot be merged.

    ``start(path)`` parses a package on a second thread; ``read(path)`` returns it (or reads it here). Worth it when
    the writing happens in a server process (PostgreSQL: the merging thread mostly waits on its socket). Not for
    SQLite, whose driver takes the interpreter lock back after every row it inserts. One package in memory at a
    time, two when reading ahead: a unit's 231 would not fit at once.
    """

    def __init__(self, key: UnitKey) -> None:
        self._key = key
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-reader")
        self._upcoming: tuple[Path, Future[Loaded]] | None = None

    def start(self, path: Path) -> None:
        if self._upcoming is None:
            self._upcoming = (path, self._executor.submit(_read, path, self._key))

    def read(self, path: Path) -> Loaded:
        upcoming, self._upcoming = self._upcoming, None
        if upcoming is not None and upcoming[0] == path:
            return upcoming[1].result()
        return _read(path, self._key)

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _read(path: Path, key: UnitKey) -> Loaded:
    try:
        return load_package(path, key)
    except PackageRefused as refusal:
        return refusal
