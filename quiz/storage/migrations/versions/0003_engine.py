"""Members, units, attempts, study progress, review cards, pledges (filled in by the engine issue)."""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003_engine"
down_revision = "0002_bank"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
