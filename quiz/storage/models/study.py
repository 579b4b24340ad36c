"""Study progress per member and section, bookmarks, personal notes, and spaced-review cards with their log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, new_id, utc_now
from quiz.storage.models.attempts import Attempt
from quiz.storage.models.people import Member

# The SQLite FTS5 index over ``sentences.folded_text``. It is created by migration 0004 only on SQLite (it is
# not part of the metadata), so schema comparisons must leave it and its shadow tables out.
SEARCH_INDEX_TABLE = "sentences_fts"


def is_search_index_table(name: str) -> bool:
    """True for the FTS5 table and its shadow tables (``sentences_fts_data``, ``..._idx``, ...)."""
    return name == SEARCH_INDEX_TABLE or name.startswith(SEARCH_INDEX_TABLE + "_")


class SectionProgress(Base):
    """How far one member got with one section: opened, seconds read, marked as studied."""

    __tablename__ = "section_progress"
    __table_args__ = (
        UniqueConstraint("member_id", "section_id"),
        # Covers the unit-progress aggregate: a document's studied rows, already in member order, from the index
        # alone (reading time rides along for the per-member listing).
        Index("ix_section_progress_document_id_studied", "document_id", "studied", "member_id", "reading_seconds"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    section_id: Mapped[str] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    opened_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    reading_seconds: Mapped[int] = mapped_column(Integer, default=0)
    studied: Mapped[bool] = mapped_column(Boolean, default=False)
    studied_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class Bookmark(Base):
    """A member's bookmark on a section (at most one per section)."""

    __tablename__ = "bookmarks"
    __table_args__ = (UniqueConstraint("member_id", "section_id"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    section_id: Mapped[str] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)


class SectionNote(Base):
    """A member's personal note on a section, seen only by that member (and the admin)."""

    __tablename__ = "section_notes"
    __table_args__ = (UniqueConstraint("member_id", "section_id"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    section_id: Mapped[str] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class ReviewCard(Base):
    """The FSRS state of one fact for one member; made the first time the member misses the fact."""

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("member_id", "fact_key"),
        # "Ôn tập" lists a member's cards due by the end of today.
        Index("ix_review_cards_member_id_due", "member_id", "due"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    fact_key: Mapped[str] = mapped_column(String(64))
    # The question last missed on this fact (no foreign key: questions are re-generated, facts stay).
    question_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # fsrs.State value (1 learning, 2 review, 3 relearning) and the scheduler's memory model.
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)
    due: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    last_review: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now, onupdate=utc_now)


class ReviewLogEntry(Base):
    """One rating given to a card, from an attempt's answer or from the review screen."""

    __tablename__ = "review_log"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    card_id: Mapped[str] = mapped_column(ForeignKey("review_cards.id", ondelete="CASCADE"), index=True)
    # fsrs.Rating value: 1 again, 2 hard, 3 good, 4 easy.
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    # The attempt whose answer gave the rating (None for a rating from the review screen).
    attempt_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), nullable=True, index=True)
    due_before: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    due_after: Mapped[dt.datetime] = mapped_column(UtcDateTime())


# On the quiz engine's attempts table, made by migration 0004 for unit progress: the submitted exams of a
# document per member with score and pass, read from the index alone (23.000 members × 5 attempts).
ATTEMPTS_PROGRESS_INDEX = Index(
    "ix_attempts_document_id_mode_member_id",
    Attempt.document_id,
    Attempt.mode,
    Attempt.member_id,
    Attempt.submitted_at,
    Attempt.score_percent,
    Attempt.passed,
)

# On the members table, made by migration 0004: unit progress groups members by chi bộ from this index alone.
MEMBERS_PROGRESS_INDEX = Index("ix_members_chi_bo_id_id", Member.chi_bo_id, Member.id)
