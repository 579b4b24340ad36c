"""Test helpers: a small document with sections, sentences and questions of every type, written directly."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from quiz.api.answers import Answer, ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer
from quiz.api.members import MemberDraft
from quiz.engine.answer_credit import key_indexes
from quiz.service import Service
from quiz.services.attempt_views import keyed
from quiz.storage.base import content_id
from quiz.storage.models.attempts import AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document, Section, Sentence
from quiz.text import fold

ALL_TYPES = ("single", "multi", "truefalse", "cloze", "matching")


@dataclass(frozen=True)
class MadeDocument:
    document_id: str
    section_ids: list[str]
    question_ids: list[str]


def question_fields(kind: str, number: int) -> dict[str, Any]:
    """Type-specific fields of a made-up question; every key is the first option(s) in stored order."""
    if kind == "single":
        return {
            "choices": [f"Đáp án đúng {number}", f"Sai một {number}", f"Sai hai {number}", f"Sai ba {number}"],
            "correct": [0],
        }
    if kind == "multi":
        return {
            "choices": [f"Đúng A{number}", f"Đúng B{number}", f"Sai C{number}", f"Sai D{number}"],
            "correct": [0, 1],
        }
    if kind == "truefalse":
        return {"choices": ["Đúng", "Sai"], "correct": [0]}
    if kind == "cloze":
        return {"answers": ["23.000"]}
    return {
        "choices": [f"Phải {number}a", f"Phải {number}b", f"Phải {number}c"],
        "pairs": [
            [f"Trái {number}a", f"Phải {number}a"],
            [f"Trái {number}b", f"Phải {number}b"],
            [f"Trái {number}c", f"Phải {number}c"],
        ],
    }


def add_document(
    service: Service,
    title: str = "Nghị quyết thử nghiệm",
    section_count: int = 3,
    per_type: int = 2,
    types: tuple[str, ...] = ALL_TYPES,
    shared_facts: int = 0,
) -> MadeDocument:
    """Insert a document; each section gets ``per_type`` questions of each type, each its own fact.

    ``shared_facts`` extra questions per section reuse the fact of that section's first question, so drawing
    must never pick both.
    """
    sections, sentences, parts = [], [], []
    offset = 0
    document_id = content_id("test-document", title)
    for section_position in range(section_count):
        body = f"Phần {section_position + 1} có 23.000 đảng viên. Câu thứ hai của phần {section_position + 1}."
        section_id = content_id(document_id, "section", str(section_position))
        sections.append(
            Section(
                id=section_id,
                document_id=document_id,
                position=section_position,
                level=1,
                title=f"Phần {section_position + 1}",
                start=offset,
                end=offset + len(body),
                text=body,
            )
        )
        first_end = body.index(".", body.index("viên")) + 1
        sentences.append(
            Sentence(
                id=content_id(section_id, "0"),
                section_id=section_id,
                document_id=document_id,
                position=0,
                start=offset,
                end=offset + first_end,
                text=body[:first_end],
                folded_text=fold(body[:first_end]),
            )
        )
        parts.append(body)
        offset += len(body) + 1
    text = "\n".join(parts)
    document = Document(
        id=document_id,
        title=title,
        source_name=f"{title}.txt",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        removed_lines=[],
    )
    questions = []
    for section in sections:
        number = 0
        for kind in types:
            for _ in range(per_type):
                number += 1
                questions.append(_question(document_id, section, kind, f"{section.id}-{number}", number))
        for extra in range(shared_facts):
            questions.append(_question(document_id, section, "single", f"{section.id}-1", 100 + extra))
    with service.database.sessions.begin() as session:
        # Flushed parent first: the models have no relationships that would order these inserts.
        for rows in ([document], sections, sentences, questions):
            session.add_all(rows)
            session.flush()
    return MadeDocument(document_id, [section.id for section in sections], [question.id for question in questions])


def _question(document_id: str, section: Section, kind: str, fact_key: str, number: int) -> Question:
    return Question(
        id=content_id(section.id, kind, str(number)),
        document_id=document_id,
        section_id=section.id,
        fact_key=fact_key,
        fact_kind="number" if kind == "cloze" else "statement",
        type=kind,
        prompt=f"{section.title}: câu hỏi {kind} số {number}?",
        explanation=f"Giải thích {number}.",
        sentence=section.text[: section.text.index(".", section.text.index("viên")) + 1],
        sentence_start=section.start,
        sentence_end=section.start + section.text.index(".", section.text.index("viên")) + 1,
        **question_fields(kind, number),
    )


def add_member(service: Service, name: str = "Nguyễn Văn An", chi_bo_id: str | None = None) -> str:
    """Add a member (creating a chi bộ when none is given) and return the id."""
    if chi_bo_id is None:
        dang_bo = service.members.create_unit("Đảng bộ Thử nghiệm", "dang_bo")
        chi_bo_id = service.members.create_unit("Chi bộ Một", "chi_bo", dang_bo.id).id
    return service.members.add_member(MemberDraft(full_name=name, chi_bo_id=chi_bo_id)).id


def right_response(service: Service, attempt_id: str, position: int) -> Answer:
    """The fully correct response for the question at ``position``, in this attempt's displayed order."""
    return _response(service, attempt_id, position, right=True)


def wrong_response(service: Service, attempt_id: str, position: int) -> Answer:
    """A response scoring zero: the key's complement, a wrong word, or every pair shifted by one."""
    return _response(service, attempt_id, position, right=False)


def _response(service: Service, attempt_id: str, position: int, right: bool) -> Answer:
    with service.database.sessions() as session:
        item = session.scalars(
            select(AttemptItem).where(AttemptItem.attempt_id == attempt_id, AttemptItem.position == position)
        ).one()
        question = session.get(Question, item.question_id)
        assert question is not None
        keys = list(key_indexes(keyed(question), item.option_order))
        others = [index for index in range(len(item.option_order)) if index not in keys]
        if question.type in ("single", "truefalse"):
            return ChoiceAnswer(keys[0] if right else others[0])
        if question.type == "multi":
            return ChoicesAnswer(tuple(keys if right else others))
        if question.type == "cloze":
            return TextAnswer(question.answers[0] if right else "không biết")
        return PairsAnswer(tuple(keys if right else keys[1:] + keys[:1]))
