"""Foundation: documents, sections, sentences, settings."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_foundation"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("source_name", sa.String(500), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("removed_lines", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_table(
        "sections",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent_position", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sections"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_sections_document_id_documents", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("document_id", "position", name="uq_sections_document_id"),
    )
    op.create_index("ix_sections_document_id", "sections", ["document_id"])
    op.create_table(
        "sentences",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("section_id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("folded_text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sentences"),
        sa.ForeignKeyConstraint(
            ["section_id"], ["sections.id"], name="fk_sentences_section_id_sections", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_sentences_document_id_documents", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("section_id", "position", name="uq_sentences_section_id"),
    )
    op.create_index("ix_sentences_section_id", "sentences", ["section_id"])
    op.create_index("ix_sentences_document_id", "sentences", ["document_id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_index("ix_sentences_document_id", "sentences")
    op.drop_index("ix_sentences_section_id", "sentences")
    op.drop_table("sentences")
    op.drop_index("ix_sections_document_id", "sections")
    op.drop_table("sections")
    op.drop_table("documents")
