"""Reading the packages of one merge: the next one is read and prepared beside the merge while it writes."""

from __future__ import annotations

import dataclasses
import gc
import logging
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from quiz.packages.container import PackageRefused, UnitKey
from quiz.packages.content import PackageContent, load_package
from quiz.packages.prepared import Flavour, prepare_attempts, without_items

logger = logging.getLogger(__name__)
Loaded = PackageContent | PackageRefused
# Starting a reading process costs about a third of a second: worth it from this many packages on.
PROCESS_FROM_PACKAGES = 3


class PackageReader:
    """Each path's checked content (its attempts prepared as ``flavour`` rows), or the refusal saying why not.

    ``start(path)`` reads a package ahead; ``read(path)`` returns it (or reads it here). Ahead means in a second
    process with ``separate_process``: reading, checking and preparing a package is Python work, and on a second
    thread it would fight the merge for the interpreter lock (SQLite's driver takes it back after every row).
    Otherwise ahead means a second thread, worth it only when a database server does the writing (PostgreSQL: the
    merging thread mostly waits on its socket). If the reading process breaks, reading goes on here. One package
    in memory at a time, two when reading ahead: a unit's 231 would not fit at once.
    """

    def __init__(self, key: UnitKey, flavour: Flavour, separate_process: bool = False) -> None:
        self._key, self._flavour = key, flavour
        self._executor: Executor | None = None
        if separate_process:
            self._executor = _reading_process()
        self._threads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-reader")
        self._upcoming: tuple[Path, Future[Loaded]] | None = None

    @property
    def reads_ahead_in_a_process(self) -> bool:
        return self._executor is not None

    def start(self, path: Path) -> None:
        if self._upcoming is not None:
            return
        if self._executor is None:
            self._upcoming = (path, self._threads.submit(read_prepared, path, self._key, self._flavour))
            return
        try:
            self._upcoming = (path, self._executor.submit(read_prepared, path, self._key, self._flavour))
        except (BrokenProcessPool, OSError):
            self._give_up_the_process()

    def read(self, path: Path) -> Loaded:
        upcoming = self._upcoming
        if upcoming is not None and upcoming[0] == path:
            self._upcoming = None
            try:
                return upcoming[1].result()
            except BrokenProcessPool:
                # The process died (out of memory, killed): this package is read again here.
                self._give_up_the_process()
        return read_prepared(path, self._key, self._flavour)

    def _give_up_the_process(self) -> None:
        if self._executor is not None:
            logger.warning("the package reading process stopped; packages are read in the merging process")
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._threads.shutdown(wait=True, cancel_futures=True)


def read_prepared(path: Path, key: UnitKey, flavour: Flavour) -> Loaded:
    """A package read, checked and its attempts prepared; a refusal is returned, not raised (it crosses processes)."""
    with collector_paused():
        try:
            content = load_package(path, key)
        except PackageRefused as refusal:
            return refusal
        prepared = prepare_attempts(content.attempts, flavour)
        without_items(content.attempts)
        return dataclasses.replace(content, prepared=prepared)


def _reading_process() -> Executor | None:
    # "spawn" everywhere, as on Windows: a fork of a process running Qt and database threads is not safe.
    try:
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ValueError, NotImplementedError):
        logger.warning("no package reading process could be started; packages are read in the merging process")
        return None


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a merge runs: parsing a package makes millions of dicts and lists,
    and the collector's passes over them cost a third of reading it; package rows hold no cycles, so nothing
    waits for the collector (ORM objects that do are freed once it runs again)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
