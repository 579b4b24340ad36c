"""Merging many packages on one connection kept for the whole run: a savepoint each, a commit at least every second."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session, SessionTransaction

from quiz.api.packages import MergeReport, PackageOutcome
from quiz.errors import UserError
from quiz.importing.encoding import readable_file_name
from quiz.packages.bulk import flavour, merge_cache
from quiz.packages.container import PackageRefused, UnitKey
from quiz.packages.content import PackageContent
from quiz.packages.merge import counts, merge_package
from quiz.packages.merge_documents import document_problem
from quiz.packages.merge_keys import check_new_rows, keys_checked_per_package, largest_rowids
from quiz.packages.merge_people import Decide
from quiz.packages.reading import PROCESS_FROM_PACKAGES, PackageReader, collector_paused
from quiz.storage import sqlite_access
from quiz.storage.database import Database
from quiz.storage.models.documents import Document
from quiz.storage.models.sync import ImportedPackage

logger = logging.getLogger(__name__)

# Any fixed number shared by every PC: PostgreSQL's transaction-level advisory lock for merges.
MERGE_LOCK_KEY = 7_000_001
# SQLite's busy handler retries at most every 100 ms: a writer waiting for the lock gets it when the merge lets go
# for longer than that between two packages (reading the next package usually takes that long anyway).
_GAP_FOR_WAITING_WRITERS_SECONDS = 0.15
# How long a merge on SQLite holds the write lock before it commits (plus at most one package).
CHUNK_SECONDS = sqlite_access.WRITE_CHUNK_SECONDS
FAILED_MESSAGE = (
    "Lỗi khi ghi gói này vào cơ sở dữ liệu nên gói chưa được gộp (phần đã ghi của gói đã được hoàn tác, các gói "
    "khác không bị ảnh hưởng); hãy gộp lại gói này sau."
)


def merge_packages(
    database: Database, paths: Sequence[Path], key: UnitKey, decide: Decide
) -> tuple[MergeReport, list[str]]:
    """Merge ``paths``, committing as it goes; returns the report and the ids of the documents added.

    Each package is merged in its own savepoint: one that fails rolls back alone and is reported as refused with the
    reason. Committed packages stay merged whatever happens later, and merging the same files again adds nothing
    twice (attempts and log entries by id, the import log by package id).
    """
    report = MergeReport()
    with collector_paused(), _merge_session(database) as (session, check_keys):
        with session.begin():
            documents_before = set(session.scalars(select(Document.id)))
        writer = _Writer(database, session, report, check_keys)
        many = len(paths) >= PROCESS_FROM_PACKAGES
        with PackageReader(key, flavour(database.engine.dialect), separate_process=many) as reader:
            if reader.reads_ahead_in_a_process:
                reader.start(paths[1])  # the process starts while the first package is read here
            for index, path in enumerate(paths):
                content = reader.read(path)
                following = paths[index + 1] if index + 1 < len(paths) else None
                # On SQLite a second thread would slow the merge (see PackageReader): without the process, the next
                # package is read after the commit below, and members waiting to save an answer get the lock then.
                if following is not None and (reader.reads_ahead_in_a_process or not database.is_sqlite):
                    reader.start(following)
                if isinstance(content, PackageRefused):
                    report.packages.append(PackageOutcome(readable_file_name(path), None, "", str(content)))
                else:
                    writer.merge(readable_file_name(path), content, decide)
                if writer.commit_due():
                    writer.commit()
        writer.commit()
        with session.begin():
            added_documents = set(session.scalars(select(Document.id))) - documents_before
    return report, sorted(added_documents)


@contextmanager
def _merge_session(database: Database) -> Iterator[tuple[Session, bool]]:
    """A session on one connection for the whole run (its big SQLite cache and prepared statements stay warm), and
    whether the merge checks each package's foreign keys itself (quiz.packages.merge_keys)."""
    with database.engine.connect() as connection, merge_cache(connection):
        connection.commit()  # the pragma's implicit transaction: the writer begins its own
        with (
            keys_checked_per_package(connection) as checking,
            # From the app's session factory: each committed chunk tells the change feed what the merge wrote.
            database.sessions(bind=connection) as session,
        ):
            yield session, checking


class _Writer:
    """The open write transaction of a merge run and the packages merged in it but not committed yet.

    On PostgreSQL every package is committed on its own (other PCs write beside it anyway). On SQLite the write lock
    is the whole file's, and every commit writes out each index page the transaction touched: with random ids a
    package touches most pages of five large indexes, so packages share a transaction until it has held the lock
    for ``CHUNK_SECONDS``, then commit and let waiting writers (members answering) in.
    """

    def __init__(self, database: Database, session: Session, report: MergeReport, check_keys: bool) -> None:
        self.database, self.session, self.report, self.check_keys = database, session, report, check_keys
        self.transaction: SessionTransaction | None = None
        self.started = 0.0
        self.last_commit: float | None = None
        # Merged in the open transaction: (index in report.packages, the package's own counts, its content).
        self.pending: list[tuple[int, MergeReport, PackageContent]] = []

    def merge(self, file_name: str, content: PackageContent, decide: Decide) -> None:
        own = MergeReport()
        try:
            self._begin()
            with self.session.begin_nested():
                before = largest_rowids(self.session) if self.check_keys else None
                outcome = _merge_one(self.session, file_name, content, decide, own)
                if before is not None and outcome.refused is None:
                    self.session.flush()
                    check_new_rows(self.session, before)
        except Exception as error:
            # Rolled back to the package's savepoint (or never begun): the packages before it stay merged.
            logger.exception("merging results package %s failed", file_name)
            self.report.packages.append(_failed(self.report, file_name, content, error))
            return
        finally:
            self.session.expunge_all()
        if outcome.refused is not None:  # refused before writing anything: no commit can change that
            self.report.absorb(own)
        else:
            self.pending.append((len(self.report.packages), own, content))
        self.report.packages.append(outcome)

    def commit_due(self) -> bool:
        if self.transaction is None:
            return False
        return not self.database.is_sqlite or time.monotonic() - self.started >= CHUNK_SECONDS

    def commit(self) -> None:
        """Commit the open transaction; its packages' counts join the report only now."""
        if self.transaction is None:
            return
        transaction, pending = self.transaction, self.pending
        self.transaction, self.pending = None, []
        try:
            transaction.commit()
        except Exception as error:
            logger.exception("committing merged results packages failed")
            with contextlib.suppress(Exception):  # a connection already gone has nothing left to roll back
                transaction.rollback()
            for index, _own, content in pending:
                file_name = self.report.packages[index].file_name
                self.report.packages[index] = _failed(self.report, file_name, content, error)
            return
        finally:
            self.last_commit = time.monotonic()
        for _index, own, _content in pending:
            self.report.absorb(own)

    def _begin(self) -> None:
        if self.transaction is not None:
            return
        since = None if self.last_commit is None else time.monotonic() - self.last_commit
        if since is not None and since < _GAP_FOR_WAITING_WRITERS_SECONDS:
            self.database.chunk_done(since)
        transaction = self.session.begin()
        try:
            connection = self.session.connection()
            if connection.dialect.name == "sqlite":
                sqlite_access.begin_immediate(connection)
            else:
                # On a shared server one merge at a time: a second PC merging the same package waits, then finds
                # it merged.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MERGE_LOCK_KEY})
        except Exception:
            transaction.rollback()
            raise
        self.transaction, self.started = transaction, time.monotonic()


def _failed(report: MergeReport, file_name: str, content: PackageContent, error: Exception) -> PackageOutcome:
    for kind, number in counts(content).items():
        report.count(kind, "refused", number)
    reason = str(error) if isinstance(error, UserError) else FAILED_MESSAGE
    return PackageOutcome(file_name, content.package_id, content.source, reason)


def _merge_one(
    session: Session, file_name: str, content: PackageContent, decide: Decide, report: MergeReport
) -> PackageOutcome:
    problem = document_problem(session, content)
    if problem is not None:
        for kind, number in counts(content).items():
            report.count(kind, "refused", number)
        return PackageOutcome(file_name, content.package_id, content.source, problem)
    already = session.get(ImportedPackage, content.package_id) is not None
    merge_package(session, content, file_name, decide, report)
    return PackageOutcome(file_name, content.package_id, content.source, None, already)
