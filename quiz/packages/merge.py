"""Merge verified packages into one session (the caller's single transaction) and preview them beforehand."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.api.packages import DocumentStatus, MergeReport, PackagePreview
from quiz.packages.content import PackageContent
from quiz.packages.merge_documents import document_problem, merge_documents
from quiz.packages.merge_guard import clamp_times
from quiz.packages.merge_people import (
    Decide,
    merge_members,
    merge_units,
    resolve_members,
)
from quiz.packages.merge_results import merge_attempts, merge_pledges
from quiz.packages.merge_study import merge_progress, merge_review_cards
from quiz.storage.base import utc_now
from quiz.storage.models.documents import Document
from quiz.storage.models.sync import ImportedPackage


def counts(content: PackageContent) -> dict[str, int]:
    """How many rows of each kind the package carries."""
    return {
        "documents": len(content.document_texts),
        "units": len(content.units),
        "members": len(content.members),
        "attempts": len(content.attempts),
        "answers": answered(content),
        "pledges": len(content.pledges),
        "pledge_history": sum(len(pledge["history"]) for pledge in content.pledges),
        "review_cards": len(content.review_cards),
        "review_log": sum(len(card["log"]) for card in content.review_cards),
        "section_progress": len(content.section_progress),
    }


def answered(content: PackageContent) -> int:
    """How many answers the package carries (its attempts' items are gone once prepared by the reading process)."""
    if content.prepared is not None:
        return sum(content.prepared.answered.values())
    return sum(item["answer"] is not None for attempt in content.attempts for item in attempt["items"])


def merge_package(
    session: Session, content: PackageContent, file_name: str, decide: Decide, report: MergeReport
) -> None:
    """Merge one package; the caller has checked ``document_problem`` (so nothing here refuses it half-way)."""
    clamp_times(content, utc_now(), file_name, report)
    documents = merge_documents(session, content, report)
    merge_units(session, content.units, report)
    members = merge_members(session, content.members, content.units, decide, report)
    merge_attempts(session, content.attempts, members, documents, report, content.prepared)
    merge_pledges(session, content.pledges, members, documents, report)
    merge_review_cards(session, content.review_cards, members, report)
    merge_progress(session, content.section_progress, members, documents, report)
    # A package merged again changes nothing, not even this log (the merge is idempotent to the byte).
    if session.get(ImportedPackage, content.package_id) is None:
        session.add(
            ImportedPackage(
                package_id=content.package_id,
                source=content.source[:300],
                file_name=file_name[:300],
                exported_at=content.exported_at,
                imported_at=utc_now(),
                summary=counts(content),
            )
        )
    session.flush()


def preview_package(session: Session, content: PackageContent) -> PackagePreview:
    known, matches = resolve_members(session, content.members, content.units)
    included = {row["id"] for row in content.document_texts}
    documents = [
        DocumentStatus(
            title=row["title"],
            content_hash=row["content_hash"],
            present=session.scalar(select(Document.id).where(Document.content_hash == row["content_hash"])) is not None,
            included=row["id"] in included,
        )
        for row in content.documents
    ]
    return PackagePreview(
        package_id=content.package_id,
        source=content.source,
        exported_at=content.exported_at,
        counts=counts(content),
        documents=documents,
        new_members=[row["full_name"] for row in content.members if row["id"] not in known],
        known_members=[row["full_name"] for row in content.members if row["id"] in known],
        matches=matches,
        already_imported=session.get(ImportedPackage, content.package_id) is not None,
        problem=document_problem(session, content),
    )
