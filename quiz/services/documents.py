"""Import documents and browse their sections and sentences; the admin renames, merges and deletes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz import paths
from quiz.api.documents import PARSED_FRACTION, SUPPORTED_EXTENSIONS, DocumentInfo, SectionInfo, SentenceInfo
from quiz.errors import NotFound, UserError
from quiz.importing import refusals, storing
from quiz.importing.model import ImportRefused, ParsedDocument, RemovedLine
from quiz.importing.pipeline import parse_file, parse_text
from quiz.importing.section_editing import merge_section_with_next
from quiz.services.context import ServiceContext
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document, Section, Sentence

logger = logging.getLogger(__name__)

Progress = Callable[[float], None]


class DocumentService:
    """Documents: import (admin), browse (everyone), section edits and deletion (admin)."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        # Called with the new document's id after an import commits (the facade adds question generation).
        self.after_import: list[Callable[[str], object]] = []

    # Browsing -----------------------------------------------------------------------------------------
    def count(self) -> int:
        with self._context.session() as session:
            return session.scalar(select(func.count()).select_from(Document)) or 0

    def list_documents(self) -> list[DocumentInfo]:
        with self._context.session() as session:
            rows = session.execute(select(Section.document_id, func.count()).group_by(Section.document_id))
            counts = {document_id: count for document_id, count in rows}
            documents = session.scalars(select(Document).order_by(Document.imported_at, Document.title))
            return [storing.document_info(document, counts.get(document.id, 0)) for document in documents]

    def get(self, document_id: str) -> DocumentInfo:
        with self._context.session() as session:
            document = _document(session, document_id)
            count = session.scalar(select(func.count()).where(Section.document_id == document_id)) or 0
            return storing.document_info(document, count)

    def document_text(self, document_id: str) -> str:
        with self._context.session() as session:
            return _document(session, document_id).text

    def sections(self, document_id: str) -> list[SectionInfo]:
        with self._context.session() as session:
            _document(session, document_id)
            rows = session.scalars(select(Section).where(Section.document_id == document_id).order_by(Section.position))
            return [storing.section_info(section) for section in rows]

    def sentences(self, document_id: str, section_id: str | None = None) -> list[SentenceInfo]:
        with self._context.session() as session:
            _document(session, document_id)
            query = select(Sentence).where(Sentence.document_id == document_id)
            if section_id is not None:
                query = query.where(Sentence.section_id == section_id)
            return [storing.sentence_info(sentence) for sentence in session.scalars(query.order_by(Sentence.start))]

    def removed_lines(self, document_id: str) -> list[RemovedLine]:
        with self._context.session() as session:
            return storing.removed_lines(_document(session, document_id))

    # Import -------------------------------------------------------------------------------------------
    def import_file(self, path: Path, progress: Progress | None = None) -> DocumentInfo:
        """Read, parse and store ``path``; refuses duplicates and unusable files without writing anything."""
        self._context.require_admin()
        _report(progress, 0.0)
        parsed = parse_file(path)
        _report(progress, PARSED_FRACTION)
        return self._store(parsed, path.name, progress)

    def import_text(self, text: str, source_name: str) -> DocumentInfo:
        """Store pasted text as a document (the admin's "paste" import)."""
        self._context.require_admin()
        return self._store(parse_text(text, source_name), source_name, None)

    def import_parsed(self, parsed: ParsedDocument, progress: Progress | None = None) -> DocumentInfo:
        """Store a document parsed beforehand (the window parses in a worker to show a preview first)."""
        self._context.require_admin()
        return self._store(parsed, parsed.source_name, progress)

    def import_seeds_if_empty(self) -> int:
        """Import every document in the seeds folder into an empty database; bad seeds are logged and skipped.

        Run at every start (window and command line), so it also finishes imports a crash cut short.
        """
        self._finish_incomplete()
        if self.count() > 0:
            return 0
        folder = paths.seed_folder()
        if not folder.is_dir():
            return 0
        imported = 0
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            try:
                self._store(parse_file(path), path.name, None)
                imported += 1
            except UserError as error:
                logger.warning("seed %s skipped: %s", path.name, error)
            except Exception:
                # A broken seed must never stop the application from opening.
                logger.exception("seed %s could not be imported", path.name)
        return imported

    def incomplete_documents(self) -> list[DocumentInfo]:
        """Documents stored without a single question: an import killed between its two steps."""
        with self._context.session() as session:
            return [storing.document_info(document, len(document.sections)) for document in _incomplete(session)]

    def finish_incomplete_imports(self) -> list[DocumentInfo]:
        """The admin's "generate the missing questions" action; returns the documents it finished."""
        self._context.require_admin()
        return self._finish_incomplete()

    def _finish_incomplete(self) -> list[DocumentInfo]:
        documents = self.incomplete_documents()
        for info in documents:
            logger.warning("document %s has no questions (an import cut short): generating them", info.id)
            self._run_after_import(info.id)
        return documents

    def _store(self, parsed: ParsedDocument, source_name: str, progress: Progress | None) -> DocumentInfo:
        if not parsed.sections:
            raise ImportRefused(refusals.NOTHING_LEFT)
        digest = storing.content_hash(parsed)
        try:
            with self._context.write_session() as session:
                existing = session.scalar(select(Document).where(Document.content_hash == digest))
                if existing is not None and _has_questions(session, existing.id):
                    raise ImportRefused(refusals.DUPLICATE.format(title=existing.title))
                # Stored before but killed before its questions: importing it again finishes that import.
                document = existing or storing.add_document(session, parsed, source_name)
                session.flush()
                info = storing.document_info(document, len(parsed.sections))
        except IntegrityError as error:
            # Another PC or window imported the same text between our check and our write.
            raise ImportRefused(refusals.DUPLICATE.format(title=parsed.title)) from error
        _report(progress, 0.8)
        self._run_after_import(info.id)
        _report(progress, 1.0)
        return info

    def _run_after_import(self, document_id: str) -> None:
        # Question generation commits on its own: a document killed before it is finished at the next start
        # (or by importing it again, or by "bank generate"), as one without any question is never complete.
        for hook in self.after_import:
            try:
                hook(document_id)
            except Exception:
                # The document is stored; a failed follow-up (question generation) can be re-run later.
                logger.exception("after-import hook %r failed for document %s", hook, document_id)

    # Admin edits --------------------------------------------------------------------------------------
    def rename_section(self, section_id: str, title: str) -> None:
        self._context.require_admin()
        cleaned = " ".join(title.split())
        if not cleaned:
            raise UserError("Tên mục không được để trống.")
        with self._context.session() as session:
            _section(session, section_id).title = cleaned[:500]

    def merge_with_next(self, section_id: str) -> None:
        """Merge the following sibling section into this one; its sentences and sub-sections move here."""
        self._context.require_admin()
        with self._context.session() as session:
            merge_section_with_next(session, _section(session, section_id))

    def delete(self, document_id: str) -> None:
        self._context.require_admin()
        with self._context.session() as session:
            session.delete(_document(session, document_id))


def _document(session: Session, document_id: str) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound("Không tìm thấy văn bản này (có thể đã bị xoá).")
    return document


def _has_questions(session: Session, document_id: str) -> bool:
    return session.scalar(select(Question.id).where(Question.document_id == document_id).limit(1)) is not None


def _incomplete(session: Session) -> list[Document]:
    without_questions = ~exists().where(Question.document_id == Document.id)
    return list(session.scalars(select(Document).where(without_questions).order_by(Document.imported_at)))


def _section(session: Session, section_id: str) -> Section:
    section = session.get(Section, section_id)
    if section is None:
        raise NotFound("Không tìm thấy mục này (có thể đã bị gộp hoặc xoá).")
    return section


def _report(progress: Progress | None, fraction: float) -> None:
    if progress is not None:
        progress(fraction)
