"""Documents, their sections and sentences (with character offsets), and admin settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, utc_now


class Document(Base):
    """An imported resolution text (cleaned, NFC) with what the importer removed as noise."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    source_name: Mapped[str] = mapped_column(String(500))
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # SHA-256 of the cleaned text: refuses duplicates and identifies the document across PCs.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    removed_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    sections: Mapped[list[Section]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Section.position"
    )


class Section(Base):
    """A part of a document: a heading's body, or a group of paragraphs with a title taken from the text."""

    __tablename__ = "sections"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer, default=1)
    parent_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(String(500))
    # Offsets of the section body in the document text.
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="sections")
    sentences: Mapped[list[Sentence]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="Sentence.position"
    )


class Sentence(Base):
    """One sentence with its offsets in the document text and a folded copy for diacritic-free search."""

    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("section_id", "position"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    section_id: Mapped[str] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    folded_text: Mapped[str] = mapped_column(Text)

    section: Mapped[Section] = relationship(back_populates="sentences")


class Setting(Base):
    """A unit-wide setting chosen by the admin (place name, unit names, reflection questions, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
