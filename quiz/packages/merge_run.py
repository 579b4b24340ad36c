"""Merging many packages, each in its own committed transaction, on one connection kept for the whole run."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from quiz.errors import UserError
from quiz.importing.encoding import readable_file_name
from quiz.packages.bulk import collector_paused, merge_cache
from quiz.packages.container import PackageRefused, UnitKey
from quiz.packages.content import PackageContent
from quiz.packages.merge import counts, merge_package
from quiz.packages.merge_documents import document_problem
from quiz.packages.merge_people import Decide
from quiz.packages.reading import read_packages
from quiz.packages.types import MergeReport, PackageOutcome
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
FAILED_MESSAGE = (
    "Lỗi khi ghi gói này vào cơ sở dữ liệu nên gói chưa được gộp (phần đã ghi của gói đã được hoàn tác, các gói "
    "khác không bị ảnh hưởng); hãy gộp lại gói này sau."
)


def merge_packages(
    database: Database, paths: Sequence[Path], key: UnitKey, decide: Decide
) -> tuple[MergeReport, list[str]]:
    """Merge ``paths`` one package per transaction; returns the report and the ids of the documents added.

    A package merged is committed before the next is read: a crash or a failure later keeps it, and merging the same
    files again adds nothing twice (attempts and log entries by id, the import log by package id). A package that
    fails while being written rolls back alone and is reported as refused with the reason.
    """
    report = MergeReport()
    with collector_paused(), _merge_session(database) as session:
        with session.begin():
            documents_before = set(session.scalars(select(Document.id)))
        # One package in memory at a time (two when reading ahead): a unit's 231 would not fit at once.
        read_ahead = not database.is_sqlite
        last_commit: float | None = None
        for path, content in read_packages(paths, key, read_ahead):
            file_name = readable_file_name(path)
            if isinstance(content, PackageRefused):
                report.packages.append(PackageOutcome(file_name, None, "", str(content)))
                continue
            if last_commit is not None and time.monotonic() - last_commit < _GAP_FOR_WAITING_WRITERS_SECONDS:
                database.chunk_done()
            report.packages.append(_merge_committed(session, file_name, content, decide, report))
            last_commit = time.monotonic()
        with session.begin():
            added_documents = set(session.scalars(select(Document.id))) - documents_before
    return report, sorted(added_documents)


@contextmanager
def _merge_session(database: Database) -> Iterator[Session]:
    """A session on one connection for the whole run: its big SQLite cache and prepared statements stay warm."""
    with database.engine.connect() as connection, merge_cache(connection):
        connection.commit()  # the pragma's implicit transaction: every package begins its own
        with Session(bind=connection, expire_on_commit=False) as session:
            yield session


def _merge_committed(
    session: Session,
    file_name: str,
    content: PackageContent,
    decide: Decide,
    report: MergeReport,
) -> PackageOutcome:
    """One package in one transaction; its counts join ``report`` only once it is committed."""
    own = MergeReport()
    try:
        with session.begin():
            connection = session.connection()
            if connection.dialect.name == "sqlite":
                sqlite_access.begin_immediate(connection)
            else:
                # On a shared server one merge at a time: a second PC merging the same package waits, then finds
                # it merged.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MERGE_LOCK_KEY})
            outcome = _merge_one(session, file_name, content, decide, own)
    except Exception as error:
        # The package's own transaction is rolled back; the packages before it stay merged.
        logger.exception("merging results package %s failed", file_name)
        reason = str(error) if isinstance(error, UserError) else FAILED_MESSAGE
        for kind, number in counts(content).items():
            report.count(kind, "refused", number)
        return PackageOutcome(file_name, content.package_id, content.source, reason)
    finally:
        session.expunge_all()
    report.absorb(own)
    return outcome


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
