"""Quizzes on paper: printed papers (codes, blank copies' draws) and paper forms handed in; mode "paper" fits."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_paper"
down_revision = "0007_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paper_attempts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("attempt_id", sa.String(36), nullable=True),
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("draw", sa.JSON(), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_paper_attempts"),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name="fk_paper_attempts_attempt_id_attempts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_paper_attempts_document_id_documents", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("attempt_id", name="uq_paper_attempts_attempt_id"),
        sa.UniqueConstraint("code", name="uq_paper_attempts_code"),
    )
    op.create_index("ix_paper_attempts_document_id", "paper_attempts", ["document_id"])
    op.create_table(
        "paper_forms",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("handed_in_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_paper_forms"),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_paper_forms_member_id_members", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_paper_forms_document_id_documents", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("member_id", "document_id", name="uq_paper_forms_member_id"),
    )
    op.create_index("ix_paper_forms_document_id", "paper_forms", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_paper_forms_document_id", table_name="paper_forms")
    op.drop_table("paper_forms")
    op.drop_index("ix_paper_attempts_document_id", table_name="paper_attempts")
    op.drop_table("paper_attempts")
