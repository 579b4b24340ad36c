"""Answers hang from their attempt item only: the copied ``attempt_id`` column goes, with its index and foreign key.

Deleting an attempt still deletes its answers (attempt → items → answers, both ON DELETE CASCADE), and an
attempt's answers are found through its items' index. The copy cost every merged answer one more index entry and
one more parent check (on PostgreSQL a row lock on the attempt): about a tenth of a unit-sized merge.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_answer_parent"
down_revision = "0008_paper"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_index("ix_answers_attempt_id")
        batch.drop_constraint("fk_answers_attempt_id_attempts", type_="foreignkey")
        batch.drop_column("attempt_id")


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("attempt_id", sa.String(36), nullable=True))
    op.execute(
        "UPDATE answers SET attempt_id = "
        "(SELECT attempt_id FROM attempt_items WHERE attempt_items.id = answers.attempt_item_id)"
    )
    with op.batch_alter_table("answers") as batch:
        batch.alter_column("attempt_id", existing_type=sa.String(36), nullable=False)
        batch.create_foreign_key(
            "fk_answers_attempt_id_attempts", "attempts", ["attempt_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index("ix_answers_attempt_id", ["attempt_id"])
