"""The admin's edits of a stored section tree that must keep offsets and positions consistent."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.errors import UserError
from quiz.storage.models.documents import Section


def merge_section_with_next(session: Session, section: Section) -> None:
    """Merge the next sibling of ``section`` into it: one contiguous body, the sibling's sentences appended
    and its sub-sections re-parented; later positions close the gap."""
    ordered = list(
        session.scalars(select(Section).where(Section.document_id == section.document_id).order_by(Section.position))
    )
    index = ordered.index(section)
    following = ordered[index + 1] if index + 1 < len(ordered) else None
    if following is None or following.level < section.level:
        raise UserError("Mục này không có mục cùng cấp ngay sau để gộp.")
    if following.level > section.level:
        # Its sub-sections sit between it and the next sibling; merging would break the reading order.
        raise UserError("Mục này có mục con; hãy gộp các mục con trước.")
    document_text = section.document.text
    section.end = following.end
    section.text = document_text[section.start : section.end]
    next_position = len(section.sentences)
    for offset, sentence in enumerate(list(following.sentences)):
        sentence.section = section
        sentence.position = next_position + offset
    removed_position = following.position
    for other in ordered:
        if other.parent_position == removed_position:
            other.parent_position = section.position
    session.delete(following)
    session.flush()
    later = [other for other in ordered if other.position > removed_position]
    # Positions are unique per document: park them out of the way before closing the gap.
    for other in later:
        other.position = -other.position
    session.flush()
    for other in later:
        other.position = -other.position - 1
    for other in ordered:
        if other is not following and other.parent_position is not None and other.parent_position > removed_position:
            other.parent_position -= 1
    session.flush()
