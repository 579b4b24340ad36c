"""Shared-PC security: sign-in guards and the failure log, and members added from the start screen awaiting approval."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_security"
down_revision = "0006_performance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_guards",
        sa.Column("account", sa.String(50), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account", name="pk_sign_in_guards"),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("account", sa.String(50), nullable=False),
        sa.Column("account_name", sa.String(200), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sign_in_failures"),
    )
    op.create_index("ix_sign_in_failures_account", "sign_in_failures", ["account"])
    op.create_index("ix_sign_in_failures_failed_at", "sign_in_failures", ["failed_at"])
    # Everyone already in the list was added by the secretary or came in a signed package: confirmed.
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("approval", sa.String(10), server_default="confirmed", nullable=False))
        batch.create_index("ix_members_approval", ["approval"])


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_index("ix_members_approval")
        batch.drop_column("approval")
    op.drop_index("ix_sign_in_failures_failed_at", table_name="sign_in_failures")
    op.drop_index("ix_sign_in_failures_account", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_table("sign_in_guards")
