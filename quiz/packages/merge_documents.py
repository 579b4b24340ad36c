"""Documents in a package: matched by content hash, added from the package when carried, else the package is refused."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.api.packages import MergeReport
from quiz.packages.content import PackageContent, Row
from quiz.packages.merge_people import existing_ids
from quiz.storage.models.documents import Document, Section, Sentence
from quiz.text import fold


def document_problem(session: Session, content: PackageContent) -> str | None:
    """Why the package cannot be merged here because of its documents (None when each is present or carried).

    Checked before anything is written, so a refused package leaves no trace even among several merged at once.
    """
    texts = {row["id"]: row for row in content.document_texts}
    for reference in content.documents:
        if _local_document(session, reference) is not None:
            continue
        document = texts.get(reference["id"])
        if document is None:
            return (
                f"Gói kết quả dùng văn bản «{reference['title']}» chưa có trên máy này; hãy nhập văn bản đó trước "
                "hoặc xuất lại gói kèm văn bản."
            )
        section_ids = [section["id"] for section in document["sections"]]
        sentence_ids = [sentence["id"] for section in document["sections"] for sentence in section["sentences"]]
        if (
            session.get(Document, document["id"]) is not None
            or existing_ids(session, Section.id, section_ids)
            or existing_ids(session, Sentence.id, sentence_ids)
        ):
            return f"Văn bản «{document['title']}» kèm theo gói trùng mã với một văn bản khác trên máy này."
    return None


def _local_document(session: Session, reference: Row) -> str | None:
    return session.scalar(select(Document.id).where(Document.content_hash == reference["content_hash"]))


def merge_documents(session: Session, content: PackageContent, report: MergeReport) -> dict[str, str]:
    """Map each package document id to the local one (same content hash), adding carried ones that are missing.

    The caller has checked ``document_problem`` first.
    """
    texts = {row["id"]: row for row in content.document_texts}
    mapping: dict[str, str] = {}
    for reference in content.documents:
        local = _local_document(session, reference)
        if local is not None:
            mapping[reference["id"]] = local
            if reference["id"] in texts:
                report.count("documents", "skipped")
            continue
        _add_document(session, texts[reference["id"]])
        mapping[reference["id"]] = reference["id"]
        report.count("documents", "added")
    return mapping


def _add_document(session: Session, document: Row) -> None:
    session.add(
        Document(
            id=document["id"],
            title=document["title"],
            source_name=document["source_name"],
            imported_at=document["imported_at"],
            content_hash=document["content_hash"],
            text=document["text"],
            removed_lines=document["removed_lines"],
        )
    )
    session.flush()
    for section in document["sections"]:
        fields = {key: value for key, value in section.items() if key != "sentences"}
        session.add(Section(document_id=document["id"], **fields))
    session.flush()
    for section in document["sections"]:
        for sentence in section["sentences"]:
            folded = fold(sentence["text"])
            session.add(Sentence(section_id=section["id"], document_id=document["id"], folded_text=folded, **sentence))
    session.flush()
