"""Reading the packages of one merge in order, the next one read ahead while a database server writes the current."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from quiz.packages.container import PackageRefused, UnitKey
from quiz.packages.content import PackageContent, load_package

Loaded = PackageContent | PackageRefused


def read_packages(paths: Sequence[Path], key: UnitKey, read_ahead: bool) -> Iterator[tuple[Path, Loaded]]:
    """Each path with its checked content, or the refusal saying why it cannot be merged.

    With ``read_ahead`` a second thread parses the next package while the caller merges the current one: worth it
    when the writing happens in a server process (PostgreSQL: the merging thread mostly waits on its socket).
    Not for SQLite, whose driver takes the interpreter lock back after every row it writes.
    """
    if not read_ahead:
        for path in paths:
            yield path, _read(path, key)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-reader") as reader:
        upcoming: Future[Loaded] | None = reader.submit(_read, paths[0], key) if paths else None
        for index, path in enumerate(paths):
            assert upcoming is not None
            current = upcoming.result()
            upcoming = reader.submit(_read, paths[index + 1], key) if index + 1 < len(paths) else None
            yield path, current


def _read(path: Path, key: UnitKey) -> Loaded:
    try:
        return load_package(path, key)
    except PackageRefused as refusal:
        return refusal
