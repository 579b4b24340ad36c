"""Results packages between offline PCs: the unit key, export, preview and merge (admin only)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from quiz.api.packages import ExportSummary, MemberMatch, MergeReport, PackageOutcome, PackagePreview
from quiz.errors import NotFound, UserError
from quiz.importing.encoding import readable_file_name
from quiz.packages.bulk import collector_paused, merge_cache
from quiz.packages.container import PackageRefused, UnitKey, write_package
from quiz.packages.content import PackageContent, load_package
from quiz.packages.export import collect_parts
from quiz.packages.merge import counts, merge_package, preview_package
from quiz.packages.merge_documents import document_problem
from quiz.packages.reading import read_packages
from quiz.services.context import ServiceContext
from quiz.services.unit_key_store import load_unit_key, store_unit_key, stored_key_id
from quiz.storage.base import new_id, utc_now
from quiz.storage.models.documents import Document
from quiz.storage.models.people import Unit
from quiz.storage.models.sync import ImportedPackage

logger = logging.getLogger(__name__)

# Any fixed number shared by every PC: PostgreSQL's transaction-level advisory lock for merges.
MERGE_LOCK_KEY = 7_000_001
ConfirmMatches = Callable[[MemberMatch], bool] | Collection[tuple[str, str]] | None


class ResultsService:
    """Export this PC's results to a signed .nqpkg file and merge packages from other PCs of the unit."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        # Called with the id of each document a merge added (the facade may generate its questions).
        self.after_document_added: list[Callable[[str], object]] = []

    def set_unit_key(self, passphrase: str) -> str:
        """Set the key the PCs of this unit share; returns its public fingerprint (to compare between PCs)."""
        self._context.require_admin()
        key = UnitKey.from_passphrase(passphrase)
        with self._context.session() as session:
            store_unit_key(session, key)
        return key.key_id

    def unit_key_id(self) -> str | None:
        """The fingerprint of the unit key, or None when it is not set."""
        self._context.require_admin()
        with self._context.session() as session:
            return stored_key_id(session)

    def export(self, path: Path, chi_bo_id: str | None = None, include_document: bool = False) -> ExportSummary:
        """Write the members of one chi bộ (or all) with their results to ``path``."""
        self._context.require_admin()
        key = self._key()
        if not path.parent.is_dir():
            raise UserError(f"Thư mục {path.parent} không tồn tại.")
        with self._context.session() as session:
            if session.get_bind().dialect.name == "postgresql":
                # One snapshot for every part: an attempt submitted meanwhile must not travel without its answers.
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            source = _source_name(session, chi_bo_id)
            parts = collect_parts(session, chi_bo_id, include_document)
        package_id = new_id()
        metadata = {"package_id": package_id, "exported_at": utc_now().isoformat(), "source": source}
        try:
            write_package(path, parts, key, metadata)
        except OSError as error:
            raise UserError(
                f"Không ghi được tệp gói kết quả {readable_file_name(path)}: {error.strerror or error}."
            ) from error
        summary = {name.removesuffix(".json"): len(rows) for name, rows in parts.items()}
        return ExportSummary(path, package_id, source, summary, len(parts.get("document_texts.json", [])))

    def preview(self, path: Path) -> PackagePreview:
        """Who and what ``path`` holds, and which members need the admin's confirmation; refuses bad packages."""
        self._context.require_admin()
        content = load_package(path, self._key())
        with self._context.session() as session:
            return preview_package(session, content)

    def import_packages(self, paths: Sequence[Path], confirm_matches: ConfirmMatches = None) -> MergeReport:
        """Merge the good packages in one transaction; bad ones are refused (with the reason) and change nothing.

        ``confirm_matches`` says which name + birth date matches are the same person (a callable asked per match,
        or the confirmed (incoming_id, local_id) pairs); an unconfirmed match is added as a separate member.
        """
        self._context.require_admin()
        key = self._key()
        report = MergeReport()
        decide = _decider(confirm_matches)
        try:
            with collector_paused(), self._context.session() as session, merge_cache(session.connection()):
                _serialise_merges(session)
                documents_before = set(session.scalars(select(Document.id)))
                # One package in memory at a time (two when reading ahead): a unit's 231 would not fit at once.
                read_ahead = session.get_bind().dialect.name == "postgresql"
                for path, content in read_packages(paths, key, read_ahead):
                    if isinstance(content, PackageRefused):
                        report.packages.append(PackageOutcome(readable_file_name(path), None, "", str(content)))
                        continue
                    report.packages.append(_merge_one(session, path, content, decide, report))
                    session.flush()
                    session.expunge_all()
                added_documents = set(session.scalars(select(Document.id))) - documents_before
        except SQLAlchemyError as error:
            logger.exception("merging results packages failed")
            raise UserError("Không gộp được kết quả; cơ sở dữ liệu vẫn giữ nguyên như trước khi gộp.") from error
        for document_id in sorted(added_documents):
            for hook in self.after_document_added:
                try:
                    hook(document_id)
                except Exception:
                    # The merge is committed; a failed follow-up (question generation) can be re-run later.
                    logger.exception("after-merge hook %r failed for document %s", hook, document_id)
        return report

    def _key(self) -> UnitKey:
        with self._context.session() as session:
            return load_unit_key(session)


def _serialise_merges(session: Session) -> None:
    """On a shared server, one merge at a time: a second PC merging the same package waits, then finds it merged."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MERGE_LOCK_KEY})


def _merge_one(
    session: Session, path: Path, content: PackageContent, decide: Callable[[MemberMatch], bool], report: MergeReport
) -> PackageOutcome:
    problem = document_problem(session, content)
    if problem is not None:
        for kind, number in counts(content).items():
            report.count(kind, "refused", number)
        return PackageOutcome(readable_file_name(path), content.package_id, content.source, problem)
    already = session.get(ImportedPackage, content.package_id) is not None
    merge_package(session, content, readable_file_name(path), decide, report)
    return PackageOutcome(readable_file_name(path), content.package_id, content.source, None, already)


def _decider(confirm_matches: ConfirmMatches) -> Callable[[MemberMatch], bool]:
    if confirm_matches is None:
        return lambda _match: False
    if callable(confirm_matches):
        return confirm_matches
    pairs = {tuple(pair) for pair in confirm_matches}
    return lambda match: (match.incoming_id, match.local_id) in pairs


def _source_name(session: Session, chi_bo_id: str | None) -> str:
    """Who the package comes from, as the receiving admin will read it."""
    if chi_bo_id is None:
        names = session.scalars(select(Unit.name).where(Unit.kind == "dang_bo").order_by(Unit.name)).all()
        return ", ".join(names) or "Tất cả đảng viên trên máy"
    unit = session.get(Unit, chi_bo_id)
    if unit is None or unit.kind != "chi_bo":
        raise NotFound("Không tìm thấy chi bộ này.")
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    return f"{unit.name} – {parent.name}" if parent is not None else unit.name
