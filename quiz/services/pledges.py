"""A member's bản thu hoạch and bản đăng ký cam kết: autosaved drafts, finalising, reopening, history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from quiz.api.pledges import (
    DRAFT,
    FINALISED,
    Commitment,
    CommitmentSuggestion,
    PledgeInfo,
    PledgeVersionInfo,
    ReflectionAnswer,
    clean_commitments,
    clean_reflections,
    finalise_problems,
    from_snapshot,
    snapshot,
    too_long,
)
from quiz.engine.pledge_suggestions import TASK_WORDS, CandidateSentence, has_task_words, suggest
from quiz.engine.review_schedule import as_utc
from quiz.errors import NotFound, UserError
from quiz.services.context import ServiceContext
from quiz.services.settings import DEFAULT_SETTINGS
from quiz.storage.base import utc_now
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document, Sentence, Setting
from quiz.storage.models.people import Member
from quiz.storage.models.pledges import Pledge, PledgeCommitment, PledgeReflection, PledgeVersion

# Autosaves within this time of the previous save belong to one editing session and keep no history row.
HISTORY_GAP = dt.timedelta(minutes=10)
SUGGESTION_FACT_KINDS = ("target", "list")


class PledgeService:
    """Members read and write only their own pledge; a finalised pledge is locked until the admin reopens it."""

    def __init__(self, context: ServiceContext, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._context = context
        self.clock = clock

    def reflection_questions(self) -> list[str]:
        """The admin's reflection questions (settings key "reflection_questions")."""
        with self._context.session() as session:
            return _questions(session)

    def get(self, member_id: str, document_id: str) -> PledgeInfo:
        """The member's pledge; before the first save, an empty draft with the current questions."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            pledge = _find(session, member_id, document_id)
            if pledge is None:
                _require_member_and_document(session, member_id, document_id)
                questions = tuple(ReflectionAnswer(question) for question in _questions(session))
                return PledgeInfo(None, member_id, document_id, DRAFT, 0, None, None, questions, ())
            return _info(pledge)

    def save_draft(
        self,
        member_id: str,
        document_id: str,
        reflections: Sequence[ReflectionAnswer],
        commitments: Sequence[Commitment],
    ) -> PledgeInfo:
        """Autosave: cheap and idempotent (saving the same content changes nothing, not even the time)."""
        self._context.require_member_access(member_id)
        new_reflections, new_commitments = clean_reflections(reflections), clean_commitments(commitments)
        if too_long(new_reflections, new_commitments):
            raise UserError("Nội dung quá dài (tối đa 50 dòng cam kết, mỗi ô 5.000 ký tự).")
        with self._context.session() as session:
            _lock_member(session, member_id)
            pledge = _find(session, member_id, document_id)
            if pledge is None:
                _require_member_and_document(session, member_id, document_id)
                now = self.clock()
                pledge = Pledge(
                    member_id=member_id,
                    document_id=document_id,
                    state=DRAFT,
                    version=1,
                    created_at=now,
                    modified_at=now,
                )
                session.add(pledge)
            elif pledge.state == FINALISED:
                raise UserError("Bản cam kết đã hoàn thành nên không sửa được; đề nghị bí thư chi bộ mở lại.")
            elif _content(pledge) == (new_reflections, new_commitments):
                return _info(pledge)
            else:
                self._bump(session, pledge, keep_history=self.clock() - as_utc(pledge.modified_at) >= HISTORY_GAP)
                # Old rows go first: new rows reuse their (pledge, position) keys.
                pledge.reflections.clear()
                pledge.commitments.clear()
                session.flush()
            pledge.reflections = [
                PledgeReflection(position=index, question=item.question, answer=item.answer)
                for index, item in enumerate(new_reflections)
            ]
            pledge.commitments = [
                PledgeCommitment(
                    position=index,
                    category=item.category,
                    content=item.content,
                    measures=item.measures,
                    due_text=item.due_text,
                    note=item.note,
                )
                for index, item in enumerate(new_commitments)
            ]
            session.flush()
            return _info(pledge)

    def finalise(self, member_id: str, document_id: str) -> PledgeInfo:
        """Lock the pledge as handed in; refused with the reasons while something is missing."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            _lock_member(session, member_id)
            pledge = _require(session, member_id, document_id)
            if pledge.state == FINALISED:
                return _info(pledge)
            problems = finalise_problems(*_content(pledge))
            if problems:
                raise UserError(" ".join(problems))
            self._bump(session, pledge, keep_history=True)
            pledge.state = FINALISED
            pledge.finalised_at = pledge.modified_at
            return _info(pledge)

    def reopen(self, member_id: str, document_id: str) -> PledgeInfo:
        """The admin unlocks a finalised pledge so the member can edit it again (the finalised text is kept)."""
        self._context.require_admin()
        with self._context.session() as session:
            _lock_member(session, member_id)
            pledge = _require(session, member_id, document_id)
            if pledge.state != FINALISED:
                return _info(pledge)
            self._bump(session, pledge, keep_history=True)
            pledge.state = DRAFT
            pledge.finalised_at = None
            return _info(pledge)

    def history(self, member_id: str, document_id: str) -> list[PledgeVersionInfo]:
        """Earlier versions, newest first."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            pledge = _find(session, member_id, document_id)
            if pledge is None:
                return []
            rows = session.scalars(
                select(PledgeVersion).where(PledgeVersion.pledge_id == pledge.id).order_by(PledgeVersion.version.desc())
            )
            return [
                PledgeVersionInfo(row.version, row.state, as_utc(row.modified_at), *from_snapshot(row.content))
                for row in rows
            ]

    def suggestions(self, document_id: str, limit: int = 20) -> list[CommitmentSuggestion]:
        """Commitments to pick and edit: the document's targets and lists (from the question bank) first,
        then sentences naming a task, a target or a solution."""
        with self._context.session() as session:
            candidates = [
                CandidateSentence(sentence, section_id, True)
                for sentence, section_id in session.execute(
                    select(Question.sentence, Question.section_id)
                    .where(
                        Question.document_id == document_id,
                        Question.fact_kind.in_(SUGGESTION_FACT_KINDS),
                        Question.enabled.is_(True),
                    )
                    .order_by(Question.sentence_start, Question.id)
                )
                if sentence
            ]
            task_sentences = session.execute(
                select(Sentence.text, Sentence.section_id)
                .where(
                    Sentence.document_id == document_id,
                    or_(*(Sentence.folded_text.like(f"%{word}%") for word in TASK_WORDS)),
                )
                .order_by(Sentence.start)
            )
            candidates += [
                CandidateSentence(text, section_id, False)
                for text, section_id in task_sentences
                if has_task_words(text)
            ]
            return suggest(candidates, limit)

    def _bump(self, session: Session, pledge: Pledge, keep_history: bool) -> None:
        """A new version: the previous content goes to history when it is worth keeping."""
        if keep_history:
            session.add(
                PledgeVersion(
                    pledge_id=pledge.id,
                    version=pledge.version,
                    state=pledge.state,
                    modified_at=pledge.modified_at,
                    content=snapshot(*_content(pledge)),
                    recorded_at=self.clock(),
                )
            )
        pledge.version += 1
        pledge.modified_at = max(self.clock(), as_utc(pledge.modified_at))


def _questions(session: Session) -> list[str]:
    row = session.get(Setting, "reflection_questions")
    value = row.value if row is not None and row.value else DEFAULT_SETTINGS["reflection_questions"]
    return [str(question) for question in value]


def _lock_member(session: Session, member_id: str) -> None:
    """Shared server: one pledge write per member at a time, so two PCs saving at once cannot lose a version."""
    session.execute(select(Member.id).where(Member.id == member_id).with_for_update(key_share=True))


def _find(session: Session, member_id: str, document_id: str) -> Pledge | None:
    return session.scalar(select(Pledge).where(Pledge.member_id == member_id, Pledge.document_id == document_id))


def _require(session: Session, member_id: str, document_id: str) -> Pledge:
    pledge = _find(session, member_id, document_id)
    if pledge is None:
        raise NotFound("Đồng chí chưa lưu bản thu hoạch và cam kết nào cho văn bản này.")
    return pledge


def _require_member_and_document(session: Session, member_id: str, document_id: str) -> None:
    if session.get(Member, member_id) is None:
        raise NotFound("Không tìm thấy đảng viên này.")
    if session.get(Document, document_id) is None:
        raise NotFound("Không tìm thấy văn bản này.")


def _content(pledge: Pledge) -> tuple[tuple[ReflectionAnswer, ...], tuple[Commitment, ...]]:
    reflections = tuple(ReflectionAnswer(row.question, row.answer) for row in pledge.reflections)
    commitments = tuple(
        Commitment(row.content, row.measures, row.due_text, row.note, row.category) for row in pledge.commitments
    )
    return reflections, commitments


def _info(pledge: Pledge) -> PledgeInfo:
    reflections, commitments = _content(pledge)
    return PledgeInfo(
        id=pledge.id,
        member_id=pledge.member_id,
        document_id=pledge.document_id,
        state=pledge.state,
        version=pledge.version,
        modified_at=as_utc(pledge.modified_at),
        finalised_at=as_utc(pledge.finalised_at) if pledge.finalised_at else None,
        reflections=reflections,
        commitments=commitments,
    )
