"""Results merging between PCs: the log of merged packages and confirmed member aliases."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_sync"
down_revision = "0004_study"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_packages",
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name="pk_imported_packages"),
    )
    op.create_table(
        "member_aliases",
        sa.Column("alias_id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("alias_id", name="pk_member_aliases"),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_member_aliases_member_id_members", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_member_aliases_member_id", "member_aliases", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_member_aliases_member_id", table_name="member_aliases")
    op.drop_table("member_aliases")
    op.drop_table("imported_packages")
