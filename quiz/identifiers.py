"""Row ids: random UUIDs for rows people make, name-based UUIDs for rows derived from content."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A globally unique id, created where the row is made, so merging is by identity."""
    return str(uuid.uuid4())


def content_id(*parts: str) -> str:
    """A deterministic id for rows derived from content (same document → same id on every PC)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "hoctap:" + "\x1f".join(parts)))
