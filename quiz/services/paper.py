"""Quizzes on paper: printed attempts (mode "paper", the draw frozen at printing), result entry, paper forms.

A paper attempt is an ordinary attempt: the same drawing, the same items and answers, the same scoring, so it
counts in progress, reports, item analysis and results packages exactly like an exam taken on screen.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz.engine import attempt_store as store
from quiz.engine import views
from quiz.engine.drawing import draw_questions
from quiz.engine.paper_codes import new_code, parse_code
from quiz.engine.paper_types import CHOICE_TYPES, PaperFormState, PaperQuestion, PaperSheet, PaperSummary
from quiz.engine.quiz_settings import MAXIMUM_QUESTIONS, load_settings
from quiz.engine.scoring import Score, score_response
from quiz.engine.types import PAPER_MODE, AttemptResult
from quiz.errors import NotFound, UserError
from quiz.services.context import ServiceContext
from quiz.services.members import name_sort_key
from quiz.services.quizzes import QuizService
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document
from quiz.storage.models.paper import PaperAttempt, PaperForm
from quiz.storage.models.people import Member, Unit

_CODE_TRIES = 20
Response = dict[str, Any] | None


class PaperService:
    """The secretary's side of paper quizzes; ``quizzes`` supplies the clock and the after-submit reactions."""

    def __init__(self, context: ServiceContext, quizzes: QuizService) -> None:
        self._context = context
        self._quizzes = quizzes

    def create_papers(
        self,
        document_id: str,
        member_ids: Sequence[str],
        question_count: int | None = None,
        choice_only: bool = True,
    ) -> list[PaperSheet]:
        """One paper attempt per member, drawn like the on-screen exam (settings' count, mix and sections)."""
        self._context.require_admin()
        if not member_ids:
            raise UserError("Hãy chọn ít nhất một đảng viên để in bài kiểm tra.")
        if question_count is not None and not 1 <= question_count <= MAXIMUM_QUESTIONS:
            raise UserError(f"Số câu hỏi phải từ 1 đến {MAXIMUM_QUESTIONS}.")
        generator = secrets.SystemRandom()
        created: list[tuple[str, list[AttemptItem]]] = []
        with self._context.session() as session:
            if session.get(Document, document_id) is None:
                raise NotFound("Không tìm thấy văn bản này.")
            settings = load_settings(session, document_id)
            pool = store.question_pool(session, document_id, "exam", settings, None, None, None)
            if choice_only:
                pool = [candidate for candidate in pool if candidate.type in CHOICE_TYPES]
            if not pool:
                raise UserError("Chưa có câu hỏi trắc nghiệm nào để in; quản trị cần tạo câu hỏi trước.")
            mix = {
                kind: weight for kind, weight in settings.type_mix.items() if not choice_only or kind in CHOICE_TYPES
            }
            used_codes = set(session.scalars(select(PaperAttempt.code)))
            now = self._quizzes.clock()
            for member_id in dict.fromkeys(member_ids):
                if session.get(Member, member_id) is None:
                    raise NotFound("Không tìm thấy đảng viên này trong danh sách.")
                seed = generator.randrange(2**31)
                drawn = draw_questions(pool, question_count or settings.question_count, seed, mix)
                attempt, items = store.create_attempt(
                    session, member_id, document_id, PAPER_MODE, None, pool, drawn, seed, now
                )
                code = _fresh_code(generator, used_codes)
                session.add(PaperAttempt(attempt_id=attempt.id, code=code, printed_at=now))
                created.append((attempt.id, items))
            try:
                session.flush()
            except IntegrityError:  # another PC on the shared server took one of the codes meanwhile
                raise UserError("Mã bài làm vừa bị trùng với máy khác; hãy bấm in lại.") from None
            # The document's questions once for every paper (a hundred papers ask mostly the same ones).
            questions = {
                question.id: question
                for question in session.scalars(select(Question).where(Question.document_id == document_id))
            }
            return [_sheet(session, attempt_id, items, questions) for attempt_id, items in created]

    def sheet(self, code_or_attempt_id: str) -> PaperSheet:
        """A printed paper by its code (as typed from the paper) or its attempt id; a typo is refused."""
        self._context.require_admin()
        with self._context.session() as session:
            if session.get(PaperAttempt, code_or_attempt_id) is not None:
                return _sheet(session, code_or_attempt_id)
            code = parse_code(code_or_attempt_id)
            attempt_id = session.scalar(select(PaperAttempt.attempt_id).where(PaperAttempt.code == code))
            if attempt_id is None:
                raise NotFound("Không có bài kiểm tra trên giấy nào mang mã này trên máy này.")
            return _sheet(session, attempt_id)

    def list_papers(self, document_id: str | None = None, chi_bo_id: str | None = None) -> list[PaperSummary]:
        """Printed papers, those still to enter first, then by member name."""
        self._context.require_admin()
        with self._context.session() as session:
            statement = (
                select(PaperAttempt, Attempt, Member.full_name, Unit.name)
                .join(Attempt, Attempt.id == PaperAttempt.attempt_id)
                .join(Member, Member.id == Attempt.member_id)
                .outerjoin(Unit, Unit.id == Member.chi_bo_id)
            )
            if document_id is not None:
                statement = statement.where(Attempt.document_id == document_id)
            if chi_bo_id is not None:
                statement = statement.where(Member.chi_bo_id == chi_bo_id)
            rows = [
                PaperSummary(
                    attempt.id,
                    paper.code,
                    attempt.member_id,
                    name,
                    unit_name or "",
                    views.aware(paper.printed_at),
                    attempt.submitted_at is not None,
                    attempt.score_percent if attempt.submitted_at is not None else None,
                )
                for paper, attempt, name, unit_name in session.execute(statement)
            ]
        return sorted(rows, key=lambda row: (row.entered, name_sort_key(row.member_name), row.printed_at))

    def enter_results(
        self,
        attempt_id: str,
        responses: Sequence[Response],
        reader_decisions: Mapping[int, bool] | None = None,
    ) -> AttemptResult:
        """Store the answers read from the paper (paper order; None = blank), score and submit the attempt.

        ``reader_decisions`` maps the position of a typed answer to the secretary's yes/no after comparing it
        with the accepted answers; without one the typed answer is scored as on screen.
        """
        self._context.require_admin()
        decisions = dict(reader_decisions or {})
        with self._context.session() as session:
            attempt = session.get(Attempt, attempt_id)
            if attempt is None or attempt.mode != PAPER_MODE:
                raise NotFound("Không tìm thấy bài kiểm tra trên giấy này.")
            if attempt.submitted_at is not None:
                raise UserError("Bài trên giấy này đã được nhập điểm rồi.")
            items = store.load_items(session, attempt_id)
            if len(responses) != len(items):
                raise UserError(f"Bài có {len(items)} câu nhưng đã nhập {len(responses)} câu trả lời.")
            questions = store.load_questions(session, items)
            now = self._quizzes.clock()
            for item, response in zip(items, responses, strict=True):
                question = questions.get(item.question_id)
                if response is None or question is None:
                    continue
                score = score_response(views.keyed(question), item.option_order, response)
                if item.question_type == "cloze" and item.position in decisions:
                    accepted = decisions[item.position]
                    score = Score(accepted, 1.0 if accepted else 0.0)
                    response = {**response, "reader_accepted": accepted}
                session.add(
                    Answer(
                        attempt_item_id=item.id,
                        attempt_id=attempt_id,
                        position=item.position,
                        response=dict(response),
                        is_correct=score.is_correct,
                        credit=score.credit,
                        answered_at=now,
                        time_spent_seconds=0.0,
                        changed_count=0,
                    )
                )
                item.is_correct = score.is_correct  # denormalised for the unit statistics, as on screen
            session.flush()
            store.score_attempt(session, attempt, now, automatic=False)
        for hook in self._quizzes.after_submit:
            hook(attempt_id)
        return self._quizzes.results(attempt_id)

    def form_states(self, document_id: str, chi_bo_id: str | None = None) -> list[PaperFormState]:
        """Every member (of a chi bộ) and whether their printed form is ticked as handed in."""
        self._context.require_admin()
        with self._context.session() as session:
            handed_in = set(session.scalars(select(PaperForm.member_id).where(PaperForm.document_id == document_id)))
            statement = select(Member.id, Member.full_name, Unit.name).outerjoin(Unit, Unit.id == Member.chi_bo_id)
            if chi_bo_id is not None:
                statement = statement.where(Member.chi_bo_id == chi_bo_id)
            rows = session.execute(statement).all()
        states = [PaperFormState(member_id, name, unit or "", member_id in handed_in) for member_id, name, unit in rows]
        return sorted(states, key=lambda state: name_sort_key(state.member_name))

    def set_form_handed_in(self, member_id: str, document_id: str, handed_in: bool) -> None:
        """The secretary's tick "đã nộp bản giấy" (or its removal)."""
        self._context.require_admin()
        with self._context.session() as session:
            if session.get(Member, member_id) is None or session.get(Document, document_id) is None:
                raise NotFound("Không tìm thấy đảng viên hoặc văn bản này.")
            row = session.scalar(
                select(PaperForm).where(PaperForm.member_id == member_id, PaperForm.document_id == document_id)
            )
            if handed_in and row is None:
                session.add(PaperForm(member_id=member_id, document_id=document_id, handed_in_at=self._quizzes.clock()))
            elif not handed_in and row is not None:
                session.delete(row)


def _fresh_code(generator: secrets.SystemRandom, used: set[str]) -> str:
    for _ in range(_CODE_TRIES):
        code = new_code(generator)
        if code not in used:
            used.add(code)
            return code
    raise UserError("Không tạo được mã bài làm mới; hãy thử in lại.")


def _sheet(
    session: Session,
    attempt_id: str,
    items: list[AttemptItem] | None = None,
    questions: dict[str, Question] | None = None,
) -> PaperSheet:
    """The paper as printed; ``items`` and ``questions`` may be handed in when they are already loaded."""
    paper = session.get(PaperAttempt, attempt_id)
    attempt = session.get(Attempt, attempt_id)
    if paper is None or attempt is None:
        raise NotFound("Không tìm thấy bài kiểm tra trên giấy này.")
    member = session.get(Member, attempt.member_id)
    document = session.get(Document, attempt.document_id)
    chi_bo = session.get(Unit, member.chi_bo_id) if member is not None and member.chi_bo_id else None
    dang_bo = session.get(Unit, chi_bo.parent_id) if chi_bo is not None and chi_bo.parent_id else None
    items = items if items is not None else store.load_items(session, attempt_id)
    questions = questions if questions is not None else store.load_questions(session, items)
    return PaperSheet(
        attempt_id=attempt.id,
        code=paper.code,
        member_id=attempt.member_id,
        member_name=member.full_name if member else "",
        chi_bo_name=chi_bo.name if chi_bo else "",
        dang_bo_name=dang_bo.name if dang_bo else "",
        document_id=attempt.document_id,
        document_title=document.title if document else "",
        printed_at=views.aware(paper.printed_at),
        submitted_at=views.aware_or_none(attempt.submitted_at),
        time_limit_minutes=load_settings(session, attempt.document_id).time_limit_minutes,
        questions=tuple(_question(item, questions.get(item.question_id)) for item in items),
    )


def _question(item: AttemptItem, question: Question | None) -> PaperQuestion:
    return PaperQuestion(
        position=item.position,
        type=item.question_type,
        prompt=question.prompt if question is not None else views.MISSING_PROMPT,
        options=views.displayed_options(question, item),
        left_items=views.left_items(question),
        accepted_answers=tuple(question.answers) if question is not None and item.question_type == "cloze" else (),
    )
