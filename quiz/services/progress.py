"""Study progress per member and section, bookmarks, personal notes, and diacritic-insensitive search."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from quiz.api.study import SearchHit, SectionProgressInfo
from quiz.engine.study_search import fts_match_expression, highlight_spans, like_pattern, matches_all, query_tokens
from quiz.errors import NotFound, UserError
from quiz.services.context import ServiceContext
from quiz.storage.base import utc_now
from quiz.storage.models.documents import Section, Sentence
from quiz.storage.models.people import Member
from quiz.storage.models.study import SEARCH_INDEX_TABLE, Bookmark, SectionNote, SectionProgress

# One call adds at most an hour: a reading timer left running overnight must not count as study.
MAX_READING_SECONDS_PER_CALL = 3600
NOTE_MAX_LENGTH = 20_000


class ProgressService:
    """Members see and change only their own progress, bookmarks and notes; the admin sees everyone's."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def open_section(self, member_id: str, section_id: str) -> SectionProgressInfo:
        """Record that the member opened the section (the first opening time is kept)."""
        with self._context.session() as session:
            row = self._progress_row(session, member_id, section_id)
            row.opened_at = row.opened_at or utc_now()
            return _info(session, row)

    def add_reading_time(self, member_id: str, section_id: str, seconds: float) -> SectionProgressInfo:
        """Add reading time to the section (whole seconds; at most an hour per call)."""
        if seconds < 0:
            raise UserError("Thời gian đọc không được là số âm.")
        with self._context.session() as session:
            row = self._progress_row(session, member_id, section_id)
            row.opened_at = row.opened_at or utc_now()
            row.reading_seconds += round(min(seconds, MAX_READING_SECONDS_PER_CALL))
            return _info(session, row)

    def mark_studied(self, member_id: str, section_id: str, studied: bool = True) -> SectionProgressInfo:
        with self._context.session() as session:
            row = self._progress_row(session, member_id, section_id)
            row.opened_at = row.opened_at or utc_now()
            if row.studied != studied:
                row.studied = studied
                row.studied_at = utc_now() if studied else None
            return _info(session, row)

    def section_progress(self, member_id: str, document_id: str) -> list[SectionProgressInfo]:
        """Every section of the document in order, with this member's progress."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            sections = session.scalars(
                select(Section).where(Section.document_id == document_id).order_by(Section.position)
            ).all()
            progress = {
                row.section_id: row
                for row in session.scalars(
                    select(SectionProgress).where(
                        SectionProgress.member_id == member_id, SectionProgress.document_id == document_id
                    )
                )
            }
            bookmarked = set(session.scalars(select(Bookmark.section_id).where(Bookmark.member_id == member_id)))
            noted = set(
                session.scalars(
                    select(SectionNote.section_id).where(SectionNote.member_id == member_id, SectionNote.text != "")
                )
            )
            return [
                _combine(section, progress.get(section.id), section.id in bookmarked, section.id in noted)
                for section in sections
            ]

    def set_bookmark(self, member_id: str, section_id: str, bookmarked: bool = True) -> None:
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            _require_member_and_section(session, member_id, section_id)
            row = session.scalar(
                select(Bookmark).where(Bookmark.member_id == member_id, Bookmark.section_id == section_id)
            )
            if bookmarked and row is None:
                session.add(Bookmark(member_id=member_id, section_id=section_id))
            elif not bookmarked and row is not None:
                session.delete(row)

    def save_note(self, member_id: str, section_id: str, note_text: str) -> None:
        """Save (or with empty text, clear) the member's note on a section."""
        self._context.require_member_access(member_id)
        if len(note_text) > NOTE_MAX_LENGTH:
            raise UserError("Ghi chú quá dài (tối đa 20.000 ký tự).")
        with self._context.session() as session:
            _require_member_and_section(session, member_id, section_id)
            row = session.scalar(
                select(SectionNote).where(SectionNote.member_id == member_id, SectionNote.section_id == section_id)
            )
            if row is None:
                session.add(SectionNote(member_id=member_id, section_id=section_id, text=note_text))
            elif row.text != note_text:
                row.text = note_text

    def get_note(self, member_id: str, section_id: str) -> str:
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            found = session.scalar(
                select(SectionNote.text).where(SectionNote.member_id == member_id, SectionNote.section_id == section_id)
            )
            return found or ""

    def search(self, query: str, document_id: str | None = None, limit: int = 50) -> list[SearchHit]:
        """Sentences containing every word of ``query``, ignoring diacritics and case ("dang vien" → "đảng viên")."""
        tokens = query_tokens(query)
        if not tokens:
            return []
        with self._context.session() as session:
            if _has_search_index(session):
                sentence_ids = _fts_sentence_ids(session, tokens, document_id, limit)
                rows = session.execute(
                    select(Sentence, Section.title)
                    .join(Section, Section.id == Sentence.section_id)
                    .where(Sentence.id.in_(sentence_ids))
                )
                by_id = {sentence.id: (sentence, title) for sentence, title in rows}
                found = [by_id[sentence_id] for sentence_id in sentence_ids if sentence_id in by_id]
            else:
                found = _like_search(session, tokens, document_id, limit)
            return [
                SearchHit(
                    sentence.document_id,
                    sentence.section_id,
                    title,
                    sentence.id,
                    sentence.start,
                    sentence.end,
                    sentence.text,
                    highlight_spans(sentence.folded_text, tokens),
                )
                for sentence, title in found
            ]

    def _progress_row(self, session: Session, member_id: str, section_id: str) -> SectionProgress:
        self._context.require_member_access(member_id)
        section = _require_member_and_section(session, member_id, section_id)
        row = session.scalar(
            select(SectionProgress).where(
                SectionProgress.member_id == member_id, SectionProgress.section_id == section_id
            )
        )
        if row is None:
            row = SectionProgress(
                member_id=member_id,
                section_id=section_id,
                document_id=section.document_id,
                reading_seconds=0,
                studied=False,
            )
            session.add(row)
        return row


def _require_member_and_section(session: Session, member_id: str, section_id: str) -> Section:
    if session.get(Member, member_id) is None:
        raise NotFound("Không tìm thấy đảng viên này.")
    section = session.get(Section, section_id)
    if section is None:
        raise NotFound("Không tìm thấy phần này của văn bản.")
    return section


def _info(session: Session, row: SectionProgress) -> SectionProgressInfo:
    session.flush()
    section = session.get(Section, row.section_id)
    assert section is not None
    bookmarked = session.scalar(
        select(Bookmark.id).where(Bookmark.member_id == row.member_id, Bookmark.section_id == row.section_id)
    )
    note = session.scalar(
        select(SectionNote.text).where(SectionNote.member_id == row.member_id, SectionNote.section_id == row.section_id)
    )
    return _combine(section, row, bookmarked is not None, bool(note))


def _combine(section: Section, row: SectionProgress | None, bookmarked: bool, has_note: bool) -> SectionProgressInfo:
    return SectionProgressInfo(
        section_id=section.id,
        document_id=section.document_id,
        position=section.position,
        title=section.title,
        opened=row is not None and row.opened_at is not None,
        opened_at=row.opened_at if row else None,
        reading_seconds=row.reading_seconds if row else 0,
        studied=bool(row and row.studied),
        studied_at=row.studied_at if row else None,
        bookmarked=bookmarked,
        has_note=has_note,
    )


def _has_search_index(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": SEARCH_INDEX_TABLE}
    ).first()
    return found is not None


def _fts_sentence_ids(session: Session, tokens: tuple[str, ...], document_id: str | None, limit: int) -> list[str]:
    document_filter = "AND sentences.document_id = :document_id" if document_id else ""
    statement = text(
        f"SELECT sentences.id FROM {SEARCH_INDEX_TABLE} JOIN sentences ON sentences.rowid = {SEARCH_INDEX_TABLE}.rowid "
        f"WHERE {SEARCH_INDEX_TABLE} MATCH :expression {document_filter} ORDER BY rank LIMIT :limit"
    )
    parameters: dict[str, object] = {"expression": fts_match_expression(tokens), "limit": limit}
    if document_id:
        parameters["document_id"] = document_id
    return list(session.scalars(statement, parameters))


def _like_search(
    session: Session, tokens: tuple[str, ...], document_id: str | None, limit: int
) -> list[tuple[Sentence, str]]:
    """The fallback for databases without FTS5 (PostgreSQL): LIKE narrows, the word rule decides."""
    query = select(Sentence, Section.title).join(Section, Section.id == Sentence.section_id)
    for token in tokens:
        query = query.where(Sentence.folded_text.like(like_pattern(token), escape="\\"))
    if document_id:
        query = query.where(Sentence.document_id == document_id)
    query = query.order_by(Sentence.document_id, Section.position, Sentence.position)
    found: list[tuple[Sentence, str]] = []
    for sentence, title in session.execute(query):
        if matches_all(sentence.folded_text, tokens):
            found.append((sentence, title))
            if len(found) >= limit:
                break
    return found
