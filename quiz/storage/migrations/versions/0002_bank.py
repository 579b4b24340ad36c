"""Fact and question bank."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_bank"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("section_id", sa.String(36), nullable=True),
        sa.Column("fact_key", sa.String(64), nullable=False),
        sa.Column("fact_kind", sa.String(20), nullable=False),
        sa.Column("type", sa.String(12), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("correct", sa.JSON(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("pairs", sa.JSON(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("difficulty", sa.Float(), nullable=False),
        sa.Column("quality", sa.Float(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_questions"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_questions_document_id_documents", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["section_id"], ["sections.id"], name="fk_questions_section_id_sections", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_questions_document_id", "questions", ["document_id"])
    op.create_index("ix_questions_section_id", "questions", ["section_id"])
    op.create_index("ix_questions_fact_key", "questions", ["fact_key"])


def downgrade() -> None:
    op.drop_index("ix_questions_fact_key", "questions")
    op.drop_index("ix_questions_section_id", "questions")
    op.drop_index("ix_questions_document_id", "questions")
    op.drop_table("questions")
