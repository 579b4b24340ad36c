"""Quiz settings, attempts, answers, scoring and review; every answer is committed the moment it is given.

Positions are 0-based (the screen shows position + 1); option indexes in responses are displayed indexes.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Callable, Sequence

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from quiz.api import answers as answer_types
from quiz.api.attempts import (
    AnswerFeedback,
    AttemptClosed,
    AttemptResult,
    AttemptSummary,
    AttemptView,
    QuizSettingsData,
    ReviewItem,
)
from quiz.api.counting import counted_exam, is_past_deadline
from quiz.api.enums import MODES, Mode
from quiz.engine.answer_credit import score_response
from quiz.engine.drawing import draw_questions
from quiz.errors import NotFound, UserError
from quiz.formatting import format_short_date
from quiz.services import attempt_store as store
from quiz.services import attempt_views as views
from quiz.services.context import ServiceContext
from quiz.services.quiz_settings import load_settings, store_settings
from quiz.storage.base import new_id, utc_now
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem, answers_of
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document
from quiz.storage.models.people import Member

logger = logging.getLogger(__name__)

_ATTEMPT_MISSING = "Không tìm thấy bài làm này."
_OVERDUE = "Đã hết giờ làm bài; bài đã được nộp tự động với các câu đã trả lời."
_SUBMITTED = "Bài làm này đã được nộp."


class QuizService:
    """Attempts of members; ``clock`` is replaceable so tests can move time (e.g. past a deadline)."""

    def __init__(self, context: ServiceContext, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._context = context
        self.clock = clock
        # Called with the attempt's id after it is submitted (the facade adds spaced-review updates).
        self.after_submit: list[Callable[[str], None]] = []

    # Settings ----------------------------------------------------------------------------------------------

    def get_settings(self, document_id: str) -> QuizSettingsData:
        """The quiz settings of a document (defaults when the admin has not set any)."""
        with self._context.session() as session:
            return load_settings(session, document_id)

    def save_settings(self, settings: QuizSettingsData) -> QuizSettingsData:
        self._context.require_admin()
        with self._context.session() as session:
            return store_settings(session, settings)

    # Attempts ----------------------------------------------------------------------------------------------

    def start_attempt(
        self,
        member_id: str,
        document_id: str,
        mode: str,
        section_id: str | None = None,
        question_ids: Sequence[str] | None = None,
        fact_keys: Sequence[str] | None = None,
        question_count: int | None = None,
    ) -> AttemptView:
        """Draw questions and start an attempt.

        ``section_id`` is required for mode "section"; mode "review" draws the given ``question_ids`` or one
        question per given ``fact_keys`` (the due review cards). ``question_count`` overrides the settings.
        """
        self._context.require_member_access(member_id)
        if mode not in MODES:
            raise UserError("Chế độ làm bài không hợp lệ.")
        self._close_overdue(member_id=member_id)
        abandoned: list[str] = []
        with self._context.session() as session:
            if session.get(Member, member_id) is None:
                raise NotFound("Không tìm thấy đảng viên này trong danh sách.")
            if session.get(Document, document_id) is None:
                raise NotFound("Không tìm thấy văn bản này.")
            settings = load_settings(session, document_id)
            now = self.clock()
            abandoned = self._check_can_start(session, member_id, document_id, mode, settings, now)
            pool = store.question_pool(session, document_id, mode, settings, section_id, question_ids, fact_keys)
            count = question_count or (len(pool) if mode == "review" else settings.question_count)
            seed = secrets.randbelow(2**31)
            drawn = draw_questions(pool, count, seed, settings.type_mix if mode in ("exam", "practice") else None)
            if not drawn:
                raise UserError("Chưa có câu hỏi nào để làm bài; quản trị cần tạo câu hỏi trước.")
            deadline_at = None
            if mode == "exam" and settings.time_limit_minutes:
                deadline_at = now + dt.timedelta(minutes=settings.time_limit_minutes)
            section = section_id if mode == "section" else None
            attempt, items = store.create_attempt(
                session, member_id, document_id, mode, section, pool, drawn, seed, now, deadline_at
            )
            view = views.attempt_view(attempt, items, store.load_questions(session, items), {})
        for attempt_id in abandoned:
            self._run_hooks(attempt_id)
        return view

    def get_attempt(self, attempt_id: str) -> AttemptView:
        """Re-show an attempt exactly (same questions, same option order, the answers given so far)."""
        self._close_overdue(attempt_id=attempt_id)
        with self._context.session() as session:
            attempt = self._attempt(session, attempt_id)
            items = store.load_items(session, attempt_id)
            return views.attempt_view(
                attempt, items, store.load_questions(session, items), store.load_answers(session, attempt_id)
            )

    def answer(self, attempt_id: str, position: int, response: answer_types.Answer) -> AnswerFeedback:
        """Save (commit) an answer; practice-like modes get the key and the source sentence back."""
        self._raise_if_overdue(attempt_id)
        with self._context.write_session() as session:
            # Shared server: the attempt's row lock orders its answers; the upsert below still never collides.
            session.execute(select(Attempt.id).where(Attempt.id == attempt_id).with_for_update(key_share=True))
            attempt = self._open_attempt(session, attempt_id)
            item = store.load_item(session, attempt_id, position)
            question = session.get(Question, item.question_id)
            if question is None:
                raise UserError("Câu hỏi này không còn trong ngân hàng câu hỏi; hãy bỏ qua câu này.")
            score = score_response(views.keyed(question), item.option_order, response)
            now = self.clock()
            last = session.scalar(answers_of(attempt_id).with_only_columns(func.max(Answer.answered_at)))
            since = last if last is not None else attempt.started_at
            spent = max(0.0, (now - since).total_seconds())
            answer = _saved_answer(session, item, position, response, spent, now)
            if answer is None:  # answered before: this is a change
                answer = _answer_row(session, item.id)
                answer.changed_count += 1 if answer.response != answer_types.answer_to_json(response) else 0
                answer.time_spent_seconds += spent
            answer.response = answer_types.answer_to_json(response)
            answer.is_correct = score.is_correct
            item.is_correct = score.is_correct  # denormalised for the unit statistics
            answer.credit = score.credit
            answer.answered_at = now
            attempt.updated_at = now
            session.flush()
            return views.feedback(attempt, item, question, answer)

    def flag(self, attempt_id: str, position: int, flagged: bool) -> None:
        """Mark a question to come back to before submitting."""
        self._raise_if_overdue(attempt_id)
        with self._context.session() as session:
            self._open_attempt(session, attempt_id)
            store.load_item(session, attempt_id, position).flagged = flagged

    def submit(self, attempt_id: str) -> AttemptResult:
        """Submit with what was answered (unanswered questions score 0)."""
        if not self._close_overdue(attempt_id=attempt_id):
            with self._context.session() as session:
                attempt = self._open_attempt(session, attempt_id)
                store.score_attempt(session, attempt, self.clock(), automatic=False)
            self._run_hooks(attempt_id)
        return self.results(attempt_id)

    def unfinished_attempt(self, member_id: str) -> AttemptView | None:
        """The member's newest attempt left open (after a crash), once overdue ones are auto-submitted."""
        self._context.require_member_access(member_id)
        self._close_overdue(member_id=member_id)
        with self._context.session() as session:
            attempt = session.scalars(
                select(Attempt)
                .where(Attempt.member_id == member_id, Attempt.submitted_at.is_(None), Attempt.mode != Mode.PAPER.value)
                .order_by(Attempt.started_at.desc())
                .limit(1)
            ).first()
            if attempt is None:
                return None
            items = store.load_items(session, attempt.id)
            return views.attempt_view(
                attempt, items, store.load_questions(session, items), store.load_answers(session, attempt.id)
            )

    def time_left(self, attempt_id: str) -> dt.timedelta | None:
        """Time until the deadline (zero once it has passed and the attempt was submitted); None: no limit."""
        self._close_overdue(attempt_id=attempt_id)
        with self._context.session() as session:
            attempt = self._attempt(session, attempt_id)
            if attempt.deadline_at is None:
                return None
            if attempt.submitted_at is not None:
                return dt.timedelta(0)
            return max(dt.timedelta(0), attempt.deadline_at - self.clock())

    def results(self, attempt_id: str) -> AttemptResult:
        self._close_overdue(attempt_id=attempt_id)
        with self._context.session() as session:
            attempt = self._attempt(session, attempt_id)
            if attempt.submitted_at is None:
                raise UserError("Bài làm chưa được nộp nên chưa có kết quả.")
            items = store.load_items(session, attempt_id)
            answers = store.load_answers(session, attempt_id)
            titles = store.section_titles(session, items)
            settings = load_settings(session, attempt.document_id)
            kinds = {item.fact_kind: item.fact_kind for item in items}
            return AttemptResult(
                attempt_id=attempt.id,
                member_id=attempt.member_id,
                document_id=attempt.document_id,
                mode=Mode(attempt.mode),
                submitted_at=attempt.submitted_at,
                auto_submitted=attempt.auto_submitted,
                question_count=attempt.question_count,
                answered_count=len(answers),
                correct_count=attempt.correct_count,
                score=attempt.score,
                score_percent=attempt.score_percent,
                pass_mark_percent=settings.pass_mark_percent,
                passed=attempt.passed,
                by_section=views.breakdown(items, answers, titles, "section"),
                by_fact_kind=views.breakdown(items, answers, kinds, "fact_kind"),
            )

    def review(self, attempt_id: str) -> list[ReviewItem]:
        """Each question of a submitted attempt with the answer, the key, the explanation and the source."""
        self._close_overdue(attempt_id=attempt_id)
        with self._context.session() as session:
            attempt = self._attempt(session, attempt_id)
            if attempt.submitted_at is None:
                raise UserError("Chỉ xem lại được bài đã nộp.")
            items = store.load_items(session, attempt_id)
            questions = store.load_questions(session, items)
            answers = store.load_answers(session, attempt_id)
            titles = store.section_titles(session, items)
            return [
                views.review_item(
                    item,
                    questions.get(item.question_id),
                    answers.get(item.position),
                    titles.get(item.section_id or "", ""),
                )
                for item in items
            ]

    def history(self, member_id: str, document_id: str | None = None) -> list[AttemptSummary]:
        """A member's attempts, newest first, marking the exam attempt that counts for each document."""
        self._context.require_member_access(member_id)
        self._close_overdue(member_id=member_id)
        with self._context.session() as session:
            statement = select(Attempt, Document.title).join(Document, Document.id == Attempt.document_id)
            statement = statement.where(Attempt.member_id == member_id)
            if document_id is not None:
                statement = statement.where(Attempt.document_id == document_id)
            rows = session.execute(statement.order_by(Attempt.started_at)).all()
            counting = {doc: load_settings(session, doc).counting for doc in {row[0].document_id for row in rows}}
        counted: set[str] = set()
        for doc, rule in counting.items():
            exam = counted_exam((attempt for attempt, _ in rows if attempt.document_id == doc), rule)
            if exam is not None:
                counted.add(exam.id)
        return [store.attempt_summary(attempt, title, attempt.id in counted) for attempt, title in reversed(rows)]

    def attempts_left(self, member_id: str, document_id: str) -> int | None:
        """Exam attempts the member may still start for this document; None means unlimited."""
        self._context.require_member_access(member_id)
        with self._context.session() as session:
            allowed = load_settings(session, document_id).attempts_allowed
            if allowed is None:
                return None
            return max(0, allowed - store.submitted_exams(session, member_id, document_id))

    # Internals ---------------------------------------------------------------------------------------------

    def _check_can_start(
        self,
        session: Session,
        member_id: str,
        document_id: str,
        mode: str,
        settings: QuizSettingsData,
        now: dt.datetime,
    ) -> list[str]:
        """Refuse what the settings forbid; submit abandoned practice attempts and return their ids."""
        # A printed paper stays open until the secretary enters it; starting on screen must not close it.
        open_attempts = session.scalars(
            select(Attempt).where(
                Attempt.member_id == member_id, Attempt.submitted_at.is_(None), Attempt.mode != Mode.PAPER.value
            )
        ).all()
        if any(attempt.mode == "exam" for attempt in open_attempts):
            raise UserError("Đồng chí đang làm dở một bài kiểm tra; hãy tiếp tục và nộp bài đó trước.")
        if mode == "exam":
            if settings.deadline is not None and is_past_deadline(now, settings.deadline):
                raise UserError(f"Đã hết hạn làm bài kiểm tra (hạn cuối {format_short_date(settings.deadline)}).")
            allowed = settings.attempts_allowed
            if allowed is not None and store.submitted_exams(session, member_id, document_id) >= allowed:
                raise UserError(f"Đồng chí đã làm đủ {allowed} lần kiểm tra được phép.")
        for attempt in open_attempts:
            store.score_attempt(session, attempt, now, automatic=False)
        return [attempt.id for attempt in open_attempts]

    def _attempt(self, session: Session, attempt_id: str) -> Attempt:
        attempt = session.get(Attempt, attempt_id)
        if attempt is None:
            raise NotFound(_ATTEMPT_MISSING)
        self._context.require_member_access(attempt.member_id)
        return attempt

    def _open_attempt(self, session: Session, attempt_id: str) -> Attempt:
        attempt = self._attempt(session, attempt_id)
        if attempt.submitted_at is not None:
            raise AttemptClosed(_OVERDUE if attempt.auto_submitted else _SUBMITTED)
        return attempt

    def _raise_if_overdue(self, attempt_id: str) -> None:
        if self._close_overdue(attempt_id=attempt_id):
            raise AttemptClosed(_OVERDUE)

    def _close_overdue(self, attempt_id: str | None = None, member_id: str | None = None) -> bool:
        """Auto-submit open attempts past their deadline (own transaction, so a later refusal keeps it)."""
        now = self.clock()
        with self._context.session() as session:
            statement = select(Attempt).where(Attempt.submitted_at.is_(None), Attempt.deadline_at.is_not(None))
            if attempt_id is not None:
                statement = statement.where(Attempt.id == attempt_id)
            if member_id is not None:
                statement = statement.where(Attempt.member_id == member_id)
            overdue = [
                attempt
                for attempt in session.scalars(statement)
                if attempt.deadline_at is not None and attempt.deadline_at <= now
            ]
            for attempt in overdue:
                self._context.require_member_access(attempt.member_id)
                store.score_attempt(session, attempt, attempt.deadline_at or now, automatic=True)
        for attempt in overdue:
            self._run_hooks(attempt.id)
        return bool(overdue)

    def _run_hooks(self, attempt_id: str) -> None:
        # The submission is committed; a failing reaction (e.g. review cards) must not undo or hide it.
        for hook in self.after_submit:
            try:
                hook(attempt_id)
            except Exception:
                logger.exception("after-submit hook %r failed for attempt %s", hook, attempt_id)


def _saved_answer(
    session: Session, item: AttemptItem, position: int, response: answer_types.Answer, spent: float, now: dt.datetime
) -> Answer | None:
    """Insert the item's first answer, or return None when it already has one (an upsert that cannot collide).

    ``ON CONFLICT DO NOTHING`` on the one-answer-per-item key: when another process or PC answered the same
    item a moment earlier, this becomes the update of that answer instead of an IntegrityError.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(Answer)
        .values(
            id=new_id(),
            attempt_item_id=item.id,
            position=position,
            response=answer_types.answer_to_json(response),
            changed_count=0,
            time_spent_seconds=spent,
            answered_at=now,
        )
        .on_conflict_do_nothing(index_elements=[Answer.attempt_item_id])
        .returning(Answer.id)
    )
    inserted = session.execute(statement).scalar()
    return None if inserted is None else _answer_row(session, item.id)


def _answer_row(session: Session, item_id: str) -> Answer:
    statement = select(Answer).where(Answer.attempt_item_id == item_id).with_for_update()
    return session.scalars(statement.execution_options(populate_existing=True)).one()
