"""Unit-progress speed: attempt items carry their answer's correctness, with covering indexes for the statistics."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_performance"
down_revision = "0005_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Denormalised from answers.is_correct so the hardest-questions figures need no join with 3,45 M answers.
    op.add_column("attempt_items", sa.Column("is_correct", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute(
        "UPDATE attempt_items SET is_correct = true "
        "WHERE id IN (SELECT attempt_item_id FROM answers WHERE is_correct = true)"
    )
    # Both replace an index on their first column alone, which they serve as well.
    op.drop_index("ix_attempt_items_question_id", table_name="attempt_items")
    op.create_index("ix_attempt_items_question_id_is_correct", "attempt_items", ["question_id", "is_correct"])
    op.drop_index("ix_attempt_items_attempt_id", table_name="attempt_items")
    op.create_index(
        "ix_attempt_items_attempt_id_question_id", "attempt_items", ["attempt_id", "question_id", "is_correct"]
    )


def downgrade() -> None:
    op.drop_index("ix_attempt_items_attempt_id_question_id", table_name="attempt_items")
    op.create_index("ix_attempt_items_attempt_id", "attempt_items", ["attempt_id"])
    op.drop_index("ix_attempt_items_question_id_is_correct", table_name="attempt_items")
    op.create_index("ix_attempt_items_question_id", "attempt_items", ["question_id"])
    with op.batch_alter_table("attempt_items") as batch:
        batch.drop_column("is_correct")
