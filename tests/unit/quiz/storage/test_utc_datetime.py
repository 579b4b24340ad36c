"""Stored times come back timezone-aware UTC on every backend, whatever zone or naivety they were written with."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from quiz.service import Service
from quiz.storage.models.documents import Document

VIETNAM = dt.timezone(dt.timedelta(hours=7))


def _store(service: Service, document_id: str, moment: dt.datetime) -> None:
    with service.context.session() as session:
        session.add(Document(id=document_id, title="t", source_name="s", content_hash=document_id * 8, text="x"))
        session.flush()
        session.get_one(Document, document_id).imported_at = moment


def test_times_are_stored_and_read_as_utc(service: Service) -> None:
    local = dt.datetime(2025, 11, 20, 10, 30, tzinfo=VIETNAM)
    _store(service, "aware", local)
    _store(service, "naive", dt.datetime(2025, 11, 20, 3, 30))
    with service.context.session() as session:
        read = {row.id: row.imported_at for row in session.execute(select(Document.id, Document.imported_at))}
        # A comparison in SQL binds the value through the same type (an aware, non-UTC bound included).
        later = session.scalars(select(Document.id).where(Document.imported_at >= local)).all()
    assert read["aware"] == read["naive"] == local
    assert all(moment.utcoffset() == dt.timedelta(0) for moment in read.values())
    assert sorted(later) == ["aware", "naive"]
