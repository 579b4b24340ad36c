"""The start screen's names read with sqlite3 alone, so they are on screen before SQLAlchemy is even imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import unquote

from quiz import paths
from quiz.api.enums import Approval
from quiz.api.members import MemberSummary
from quiz.text import fold, name_sort_key, to_nfc

_SQLITE_PREFIX = "sqlite:///"


def start_names(database_url: str | None, query: str = "", limit: int = 50) -> list[MemberSummary] | None:
    """The names matching ``query`` (every word, folded), as the facade's ``members.search`` returns them; None
    when they cannot be read this way (a server database, a new or locked file, an older schema): the caller then
    waits for the facade.
    """
    url = database_url or paths.default_database_url()
    if not url.startswith(_SQLITE_PREFIX) or "?" in url:
        return None
    path = unquote(url.removeprefix(_SQLITE_PREFIX))
    if not path or path == ":memory:":
        return None
    statement = (
        "SELECT m.id, m.full_name, m.chi_bo_id, m.pin_hash IS NOT NULL, COALESCE(u.name, ''), m.folded_name, "
        "m.approval = ? FROM members AS m LEFT JOIN units AS u ON u.id = m.chi_bo_id"
    )
    words = fold(to_nfc(query)).split()
    if words:
        statement += " WHERE " + " AND ".join("m.folded_name LIKE ? ESCAPE '\\'" for _ in words)
    parameters = [Approval.PENDING.value]
    parameters += ["%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for word in words]
    try:
        # Read-only and without waiting: a database another program is writing is the facade's business.
        connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=0.2)
        try:
            rows = connection.execute(statement, parameters).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    rows.sort(key=lambda row: name_sort_key(row[1], row[5]))
    return [
        MemberSummary(member_id, full_name, chi_bo_id, chi_bo_name, bool(has_pin), bool(pending))
        for member_id, full_name, chi_bo_id, has_pin, chi_bo_name, _, pending in rows[:limit]
    ]
