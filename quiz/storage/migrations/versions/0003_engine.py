"""Units, members, quiz settings and attempts."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_engine"
down_revision = "0002_bank"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.ForeignKeyConstraint(["parent_id"], ["units.id"], name="fk_units_parent_id_units", ondelete="RESTRICT"),
    )
    op.create_index("ix_units_parent_id", "units", ["parent_id"])
    op.create_table(
        "members",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("folded_name", sa.String(200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("party_position", sa.String(200), nullable=False),
        sa.Column("job_position", sa.String(200), nullable=False),
        sa.Column("workplace", sa.String(300), nullable=False),
        sa.Column("chi_bo_id", sa.String(36), nullable=True),
        sa.Column("joined_party_on", sa.Date(), nullable=True),
        sa.Column("card_number", sa.String(50), nullable=False),
        sa.Column("pin_hash", sa.String(300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_members"),
        sa.ForeignKeyConstraint(["chi_bo_id"], ["units.id"], name="fk_members_chi_bo_id_units", ondelete="SET NULL"),
    )
    op.create_index("ix_members_folded_name", "members", ["folded_name"])
    op.create_index("ix_members_chi_bo_id", "members", ["chi_bo_id"])
    op.create_table(
        "quiz_settings",
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("type_mix", sa.JSON(), nullable=False),
        sa.Column("section_ids", sa.JSON(), nullable=False),
        sa.Column("time_limit_minutes", sa.Integer(), nullable=True),
        sa.Column("pass_mark_percent", sa.Float(), nullable=False),
        sa.Column("attempts_allowed", sa.Integer(), nullable=True),
        sa.Column("counting", sa.String(10), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_quiz_settings"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_quiz_settings_document_id_documents", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "attempts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("section_id", sa.String(36), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("auto_submitted", sa.Boolean(), nullable=False),
        sa.Column("correct_count", sa.Integer(), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("score_percent", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attempts"),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_attempts_member_id_members", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_attempts_document_id_documents", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_attempts_member_id_submitted_at", "attempts", ["member_id", "submitted_at"])
    op.create_index("ix_attempts_document_id", "attempts", ["document_id"])
    op.create_table(
        "attempt_items",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("attempt_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("question_type", sa.String(12), nullable=False),
        sa.Column("section_id", sa.String(36), nullable=True),
        sa.Column("fact_key", sa.String(64), nullable=False),
        sa.Column("fact_kind", sa.String(20), nullable=False),
        sa.Column("option_order", sa.JSON(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attempt_items"),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name="fk_attempt_items_attempt_id_attempts", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("attempt_id", "position", name="uq_attempt_items_attempt_id"),
    )
    op.create_index("ix_attempt_items_attempt_id", "attempt_items", ["attempt_id"])
    op.create_index("ix_attempt_items_question_id", "attempt_items", ["question_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("attempt_item_id", sa.String(36), nullable=False),
        sa.Column("attempt_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("is_correct", sa.Boolean(), nullable=False),
        sa.Column("credit", sa.Float(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("time_spent_seconds", sa.Float(), nullable=False),
        sa.Column("changed_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_answers"),
        sa.ForeignKeyConstraint(
            ["attempt_item_id"],
            ["attempt_items.id"],
            name="fk_answers_attempt_item_id_attempt_items",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name="fk_answers_attempt_id_attempts", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("attempt_item_id", name="uq_answers_attempt_item_id"),
    )
    op.create_index("ix_answers_attempt_id", "answers", ["attempt_id"])


def downgrade() -> None:
    op.drop_table("answers")
    op.drop_table("attempt_items")
    op.drop_table("attempts")
    op.drop_table("quiz_settings")
    op.drop_table("members")
    op.drop_table("units")
