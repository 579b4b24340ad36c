"""Test data for the study, review, pledge, analysis and unit tests: rows written straight to the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.service import Service
from quiz.storage.base import content_id, new_id
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document, Section, Sentence
from quiz.storage.models.people import Member, Unit
from quiz.text import fold

# A short resolution-like text written for these tests (not the seed document).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Mục tiêu tổng quát",
        (
            "Xây dựng đội ngũ đảng viên vững mạnh về chính trị.",
            "Đẩy mạnh chuyển đổi số trong các cơ quan đảng.",
        ),
    ),
    (
        "Nhiệm vụ và giải pháp",
        (
            "Phấn đấu đến năm 2030 có 95 % chi bộ đạt trong sạch, vững mạnh.",
            "Nhiệm vụ trọng tâm là nâng cao chất lượng sinh hoạt chi bộ.",
            "Giải pháp đột phá là cải cách thủ tục hành chính.",
        ),
    ),
    ("Tổ chức thực hiện", ("Các chi bộ quán triệt Nghị quyết đến từng Đảng viên.",)),
)


@dataclass(frozen=True)
class DocumentRefs:
    document_id: str
    section_ids: tuple[str, ...]
    sentence_ids: tuple[str, ...]


def make_document(
    service: Service, title: str = "Nghị quyết thử nghiệm", sections: Sequence[tuple[str, Sequence[str]]] = SECTIONS
) -> DocumentRefs:
    """Store a document with sections and sentences (offsets into its text), as the importer would."""
    document_id = content_id("test-document", title)
    section_ids: list[str] = []
    sentence_ids: list[str] = []
    parts: list[str] = []
    offset = 0
    with service.context.session() as session:
        document = Document(id=document_id, title=title, source_name="test.txt", content_hash=document_id, text="")
        session.add(document)
        for position, (section_title, sentences) in enumerate(sections):
            body = " ".join(sentences)
            section = Section(
                id=content_id(document_id, "section", str(position)),
                document_id=document_id,
                position=position,
                level=1,
                title=section_title,
                start=offset,
                end=offset + len(body),
                text=body,
            )
            session.add(section)
            section_ids.append(section.id)
            cursor = offset
            for sentence_position, sentence_text in enumerate(sentences):
                sentence = Sentence(
                    id=content_id(section.id, "sentence", str(sentence_position)),
                    section_id=section.id,
                    document_id=document_id,
                    position=sentence_position,
                    start=cursor,
                    end=cursor + len(sentence_text),
                    text=sentence_text,
                    folded_text=fold(sentence_text),
                )
                session.add(sentence)
                sentence_ids.append(sentence.id)
                cursor += len(sentence_text) + 1
            parts.append(body)
            offset += len(body) + 1
        document.text = "\n".join(parts)
    return DocumentRefs(document_id, tuple(section_ids), tuple(sentence_ids))


def make_unit(service: Service, chi_bo_names: Sequence[str] = ("Chi bộ 1", "Chi bộ 2")) -> tuple[str, ...]:
    """A đảng bộ with the given chi bộ; returns the chi bộ ids."""
    with service.context.session() as session:
        party_committee = Unit(id=new_id(), name="Đảng bộ Thử nghiệm", kind="dang_bo")
        session.add(party_committee)
        chi_bo = [Unit(id=new_id(), name=name, kind="chi_bo", parent_id=party_committee.id) for name in chi_bo_names]
        session.add_all(chi_bo)
        return tuple(unit.id for unit in chi_bo)


def make_member(service: Service, full_name: str = "Nguyễn Văn An", chi_bo_id: str | None = None) -> str:
    with service.context.session() as session:
        member = Member(id=new_id(), full_name=full_name, folded_name=fold(full_name), chi_bo_id=chi_bo_id)
        session.add(member)
        return member.id


def make_question(
    service: Service,
    document_id: str,
    fact_key: str,
    *,
    section_id: str | None = None,
    fact_kind: str = "number",
    prompt: str = "Câu hỏi thử?",
    choices: Sequence[str] = ("A", "B", "C", "D"),
    correct: Sequence[int] = (0,),
    enabled: bool = True,
) -> str:
    question_id = content_id(document_id, "question", fact_key, prompt)
    with service.context.session() as session:
        session.add(
            Question(
                id=question_id,
                document_id=document_id,
                section_id=section_id,
                fact_key=fact_key,
                fact_kind=fact_kind,
                type="single",
                prompt=prompt,
                choices=list(choices),
                correct=list(correct),
                answers=[],
                pairs=[],
                explanation="",
                sentence=prompt,
                enabled=enabled,
            )
        )
    return question_id


@dataclass(frozen=True)
class GivenAnswer:
    """One answer of a synthetic attempt: the displayed choice and the option order shown."""

    question_id: str
    displayed_choice: int | None
    option_order: tuple[int, ...] = (0, 1, 2, 3)
    time_spent_seconds: float = 10.0
    changed_count: int = 0


def make_submitted_attempt(
    service: Service,
    member_id: str,
    document_id: str,
    answers: Sequence[GivenAnswer],
    *,
    submitted_at: dt.datetime,
    mode: str = "exam",
    pass_mark_percent: float = 50.0,
) -> str:
    """A submitted attempt scored like a single-choice quiz: right when the shown option maps to the key."""
    attempt_id = new_id()
    with service.context.session() as session:
        questions = {
            question.id: question
            for question in session.query(Question).filter(Question.id.in_([given.question_id for given in answers]))
        }
        # No relationships link these models, so rows are flushed parent first for the foreign keys.
        attempt = Attempt(
            id=attempt_id,
            member_id=member_id,
            document_id=document_id,
            mode=mode,
            seed=1,
            started_at=submitted_at - dt.timedelta(minutes=10),
            submitted_at=submitted_at,
            question_count=len(answers),
        )
        session.add(attempt)
        session.flush()
        correct_count = 0
        for position, given in enumerate(answers):
            question = questions[given.question_id]
            item = AttemptItem(
                id=new_id(),
                attempt_id=attempt_id,
                position=position,
                question_id=question.id,
                question_type=question.type,
                section_id=question.section_id,
                fact_key=question.fact_key,
                fact_kind=question.fact_kind,
                option_order=list(given.option_order),
            )
            session.add(item)
            session.flush()
            if given.displayed_choice is None:
                continue
            is_correct = given.option_order[given.displayed_choice] in question.correct
            correct_count += is_correct
            item.is_correct = is_correct  # the copy the unit statistics read
            session.add(
                Answer(
                    id=new_id(),
                    attempt_item_id=item.id,
                    position=position,
                    response={"choice": given.displayed_choice},
                    is_correct=is_correct,
                    credit=1.0 if is_correct else 0.0,
                    answered_at=submitted_at,
                    time_spent_seconds=given.time_spent_seconds,
                    changed_count=given.changed_count,
                )
            )
        percent = 100.0 * correct_count / len(answers) if answers else 0.0
        attempt.correct_count = correct_count
        attempt.score = float(correct_count)
        attempt.score_percent = percent
        attempt.passed = percent >= pass_mark_percent
    return attempt_id
