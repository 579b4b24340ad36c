"""Study progress, bookmarks, notes, review cards and log, pledges; the SQLite FTS5 index of folded sentences."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_study"
down_revision = "0003_engine"
branch_labels = None
depends_on = None

_ID = sa.String(36)
_WHEN = sa.DateTime(timezone=True)

# An external-content FTS5 table over sentences.folded_text (already folded: no tokenizer folding needed),
# kept in step by triggers so any importer that inserts, updates or deletes sentences keeps it right.
_SEARCH_INDEX_STATEMENTS = (
    "CREATE VIRTUAL TABLE sentences_fts USING fts5("
    "folded_text, content='sentences', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN "
    "INSERT INTO sentences_fts(rowid, folded_text) VALUES (new.rowid, new.folded_text); END",
    "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN "
    "INSERT INTO sentences_fts(sentences_fts, rowid, folded_text) VALUES ('delete', old.rowid, old.folded_text); "
    "END",
    "CREATE TRIGGER sentences_fts_update AFTER UPDATE OF folded_text ON sentences BEGIN "
    "INSERT INTO sentences_fts(sentences_fts, rowid, folded_text) VALUES ('delete', old.rowid, old.folded_text); "
    "INSERT INTO sentences_fts(rowid, folded_text) VALUES (new.rowid, new.folded_text); END",
    # Sentences imported before this revision.
    "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')",
)


def _member_section_table(name: str, *columns: sa.schema.SchemaItem) -> None:
    op.create_table(
        name,
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", _ID, nullable=False),
        sa.Column("section_id", _ID, nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=f"fk_{name}_member_id_members", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["section_id"], ["sections.id"], name=f"fk_{name}_section_id_sections", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("member_id", "section_id", name=f"uq_{name}_member_id"),
    )
    op.create_index(f"ix_{name}_section_id", name, ["section_id"])


def upgrade() -> None:
    _member_section_table(
        "section_progress",
        sa.Column("document_id", _ID, nullable=False),
        sa.Column("opened_at", _WHEN, nullable=True),
        sa.Column("reading_seconds", sa.Integer(), nullable=False),
        sa.Column("studied", sa.Boolean(), nullable=False),
        sa.Column("studied_at", _WHEN, nullable=True),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_section_progress_document_id_documents", ondelete="CASCADE"
        ),
    )
    op.create_index(
        "ix_section_progress_document_id_studied",
        "section_progress",
        ["document_id", "studied", "member_id", "reading_seconds"],
    )
    # Unit progress reads members by chi bộ, and a document's submitted exams per member, from indexes alone.
    op.create_index("ix_members_chi_bo_id_id", "members", ["chi_bo_id", "id"])
    op.create_index(
        "ix_attempts_document_id_mode_member_id",
        "attempts",
        ["document_id", "mode", "member_id", "submitted_at", "score_percent", "passed"],
    )
    _member_section_table("bookmarks", sa.Column("created_at", _WHEN, nullable=False))
    _member_section_table(
        "section_notes", sa.Column("text", sa.Text(), nullable=False), sa.Column("updated_at", _WHEN, nullable=False)
    )
    _create_review_tables()
    _create_pledge_tables()
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SEARCH_INDEX_STATEMENTS:
            op.execute(statement)


def _create_review_tables() -> None:
    op.create_table(
        "review_cards",
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", _ID, nullable=False),
        sa.Column("fact_key", sa.String(64), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=True),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", _WHEN, nullable=False),
        sa.Column("last_review", _WHEN, nullable=True),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_cards"),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_review_cards_member_id_members", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("member_id", "fact_key", name="uq_review_cards_member_id"),
    )
    op.create_index("ix_review_cards_member_id_due", "review_cards", ["member_id", "due"])
    op.create_table(
        "review_log",
        sa.Column("id", _ID, nullable=False),
        sa.Column("card_id", _ID, nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", _WHEN, nullable=False),
        sa.Column("attempt_id", _ID, nullable=True),
        sa.Column("due_before", _WHEN, nullable=True),
        sa.Column("due_after", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_log"),
        sa.ForeignKeyConstraint(
            ["card_id"], ["review_cards.id"], name="fk_review_log_card_id_review_cards", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_review_log_card_id", "review_log", ["card_id"])
    op.create_index("ix_review_log_attempt_id", "review_log", ["attempt_id"])


def _create_pledge_tables() -> None:
    op.create_table(
        "pledges",
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", _ID, nullable=False),
        sa.Column("document_id", _ID, nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("modified_at", _WHEN, nullable=False),
        sa.Column("finalised_at", _WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_pledges"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name="fk_pledges_member_id_members", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_pledges_document_id_documents", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("member_id", "document_id", name="uq_pledges_member_id"),
    )
    op.create_index("ix_pledges_document_id", "pledges", ["document_id"])
    _pledge_child_table(
        "pledge_reflections",
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
    )
    _pledge_child_table(
        "pledge_commitments",
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("due_text", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    _pledge_child_table(
        "pledge_versions",
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("modified_at", _WHEN, nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("recorded_at", _WHEN, nullable=False),
        order_column="version",
    )


def _pledge_child_table(name: str, *columns: sa.schema.SchemaItem, order_column: str = "position") -> None:
    op.create_table(
        name,
        sa.Column("id", _ID, nullable=False),
        sa.Column("pledge_id", _ID, nullable=False),
        sa.Column(order_column, sa.Integer(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        sa.ForeignKeyConstraint(["pledge_id"], ["pledges.id"], name=f"fk_{name}_pledge_id_pledges", ondelete="CASCADE"),
        sa.UniqueConstraint("pledge_id", order_column, name=f"uq_{name}_pledge_id"),
    )
    op.create_index(f"ix_{name}_pledge_id", name, ["pledge_id"])


def downgrade() -> None:
    op.drop_index("ix_attempts_document_id_mode_member_id", "attempts")
    op.drop_index("ix_members_chi_bo_id_id", "members")
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("sentences_fts_insert", "sentences_fts_delete", "sentences_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS sentences_fts")
    for table in ("pledge_versions", "pledge_commitments", "pledge_reflections", "pledges", "review_log"):
        op.drop_table(table)
    for table in ("review_cards", "section_notes", "bookmarks", "section_progress"):
        op.drop_table(table)
