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


def downgrade() -> None:
    op.drop_table("members")
    op.drop_table("units")
