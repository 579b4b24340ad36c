"""Alembic environment: runs on the connection the application hands over, in batch mode for SQLite."""

from __future__ import annotations

from alembic import context

import quiz.storage.models  # noqa: F401  (registers every table on the metadata)
from quiz.storage.base import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
