"""Storage: SQLAlchemy 2 typed models, the engine and session factory, and Alembic migrations."""
