"""The fields and types of every part of a results package (checked by quiz.packages.validate before merging)."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_TEXT_LENGTH = 5_000_000


@dataclass(frozen=True)
class Field:
    """One field: its kind, whether it may be null, a length cap or allowed values, and nested fields."""

    kind: str  # id, str, int, float, bool, datetime, date, object, rows, ints, mapping
    nullable: bool = False
    max_length: int = MAX_TEXT_LENGTH
    choices: tuple[str, ...] = ()
    fields: dict[str, Field] = field(default_factory=dict)


def _id(nullable: bool = False) -> Field:
    return Field("id", nullable, 36)


def _str(max_length: int = MAX_TEXT_LENGTH, choices: tuple[str, ...] = ()) -> Field:
    return Field("str", False, max_length, choices)


def _when(nullable: bool = False) -> Field:
    return Field("datetime", nullable)


INT, FLOAT, BOOL = Field("int"), Field("float"), Field("bool")
OPTIONAL_INT, OPTIONAL_FLOAT, OPTIONAL_DATE = Field("int", True), Field("float", True), Field("date", True)

UNIT = {"id": _id(), "name": _str(300), "kind": _str(10, ("dang_bo", "chi_bo")), "parent_id": _id(True)}
UNIT["updated_at"] = _when()
MEMBER = {
    "id": _id(),
    "full_name": _str(200),
    "birth_date": OPTIONAL_DATE,
    "party_position": _str(200),
    "job_position": _str(200),
    "workplace": _str(300),
    "chi_bo_id": _id(True),
    "joined_party_on": OPTIONAL_DATE,
    "card_number": _str(50),
    "created_at": _when(),
    "updated_at": _when(),
}
ANSWER = {
    "id": _id(),
    "response": Field("mapping"),
    "is_correct": BOOL,
    "credit": FLOAT,
    "answered_at": _when(),
    "time_spent_seconds": FLOAT,
    "changed_count": INT,
}
ITEM = {
    "id": _id(),
    "position": INT,
    "question_id": _str(64),
    "question_type": _str(12),
    "section_id": _id(True),
    "fact_key": _str(64),
    "fact_kind": _str(20),
    "option_order": Field("ints"),
    "flagged": BOOL,
    "answer": Field("object", True, fields=ANSWER),
}
ATTEMPT = {
    "id": _id(),
    "member_id": _id(),
    "document_id": _id(),
    "mode": _str(10, ("exam", "practice", "section", "review", "paper")),
    "section_id": _id(True),
    "seed": INT,
    "started_at": _when(),
    "deadline_at": _when(True),
    # Only submitted attempts travel: they no longer change, so merging them once is right.
    "submitted_at": _when(),
    "auto_submitted": BOOL,
    "correct_count": INT,
    "question_count": INT,
    "score": FLOAT,
    "score_percent": FLOAT,
    "passed": BOOL,
    "updated_at": _when(),
    "items": Field("rows", fields=ITEM),
}
REFLECTION = {"question": _str(), "answer": _str()}
COMMITMENT = {"content": _str(), "measures": _str(), "due_text": _str(200), "note": _str(), "category": _str(200)}
CONTENT = {"reflections": Field("rows", fields=REFLECTION), "commitments": Field("rows", fields=COMMITMENT)}
PLEDGE_STATES = ("draft", "finalised")
HISTORY = {
    "id": _id(),
    "version": INT,
    "state": _str(12, PLEDGE_STATES),
    "modified_at": _when(),
    "content": Field("object", fields=CONTENT),
    "recorded_at": _when(),
}
PLEDGE = {
    "id": _id(),
    "member_id": _id(),
    "document_id": _id(),
    "state": _str(12, PLEDGE_STATES),
    "version": INT,
    "created_at": _when(),
    "modified_at": _when(),
    "finalised_at": _when(True),
    "content": Field("object", fields=CONTENT),
    "history": Field("rows", fields=HISTORY),
}
LOG = {
    "id": _id(),
    "rating": INT,
    "reviewed_at": _when(),
    "attempt_id": _id(True),
    "due_before": _when(True),
    "due_after": _when(),
}
CARD = {
    "id": _id(),
    "member_id": _id(),
    "fact_key": _str(64),
    "question_id": Field("str", True, 64),
    "state": INT,
    "step": OPTIONAL_INT,
    "stability": OPTIONAL_FLOAT,
    "difficulty": OPTIONAL_FLOAT,
    "due": _when(),
    "last_review": _when(True),
    "reviews": INT,
    "lapses": INT,
    "created_at": _when(),
    "updated_at": _when(),
    "log": Field("rows", fields=LOG),
}
PROGRESS = {
    "id": _id(),
    "member_id": _id(),
    "section_id": _id(),
    "document_id": _id(),
    "opened_at": _when(True),
    "reading_seconds": INT,
    "studied": BOOL,
    "studied_at": _when(True),
    "updated_at": _when(),
}
DOCUMENT_REFERENCE = {"id": _id(), "content_hash": _str(64), "title": _str(500)}
SENTENCE = {"id": _id(), "position": INT, "start": INT, "end": INT, "text": _str()}
SECTION = {
    "id": _id(),
    "position": INT,
    "level": INT,
    "parent_position": OPTIONAL_INT,
    "title": _str(500),
    "start": INT,
    "end": INT,
    "text": _str(),
    "sentences": Field("rows", fields=SENTENCE),
}
DOCUMENT_TEXT = {
    **DOCUMENT_REFERENCE,
    "source_name": _str(500),
    "imported_at": _when(),
    "text": _str(),
    "removed_lines": Field("rows", fields={"line": _str(), "reason": _str()}),
    "sections": Field("rows", fields=SECTION),
}

# Part name → the fields of each row; every part is a list of rows.
PART_FIELDS: dict[str, dict[str, Field]] = {
    "units.json": UNIT,
    "members.json": MEMBER,
    "attempts.json": ATTEMPT,
    "pledges.json": PLEDGE,
    "review_cards.json": CARD,
    "section_progress.json": PROGRESS,
    "documents.json": DOCUMENT_REFERENCE,
    "document_texts.json": DOCUMENT_TEXT,
}
OPTIONAL_PARTS = frozenset({"document_texts.json"})
REQUIRED_PARTS = frozenset(PART_FIELDS) - OPTIONAL_PARTS
