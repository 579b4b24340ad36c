"""Results packages between offline PCs: the unit key, export, preview and merge (admin only)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.api.packages import ExportSummary, MemberMatch, MergeReport, PackagePreview
from quiz.errors import NotFound, UserError
from quiz.importing.encoding import readable_file_name
from quiz.packages.container import UnitKey, write_package
from quiz.packages.content import load_package
from quiz.packages.export import collect_parts
from quiz.packages.merge import preview_package
from quiz.packages.merge_run import merge_packages
from quiz.services.context import ServiceContext
from quiz.services.unit_key_store import load_unit_key, store_unit_key, stored_key_id
from quiz.storage.base import new_id, utc_now
from quiz.storage.models.people import Unit

logger = logging.getLogger(__name__)

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
        """Merge the good packages, committing as it goes; bad ones are refused (with the reason), changing nothing.

        A package that fails while being written is rolled back alone and reported; the ones merged before it stay,
        and merging the same files again adds nothing twice. ``confirm_matches`` says which name + birth date
        matches are the same person (a callable asked per match, or the confirmed (incoming_id, local_id) pairs);
        an unconfirmed match is added as a separate member.
        """
        self._context.require_admin()
        key = self._key()
        report, added_documents = merge_packages(self._context.database, paths, key, _decider(confirm_matches))
        for document_id in added_documents:
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
