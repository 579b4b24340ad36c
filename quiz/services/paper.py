"""Quizzes on paper: printed attempts (mode "paper", the draw frozen at printing), result entry, paper forms.

A paper attempt is an ordinary attempt: the same drawing, the same items and answers, the same scoring, so it
counts in progress, reports, item analysis and results packages exactly like an exam taken on screen.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz.api import answers as answer_types
from quiz.api.attempts import MAXIMUM_QUESTIONS, AttemptResult
from quiz.api.enums import Mode, QuestionType
from quiz.api.paper import CHOICE_TYPES, PaperFormState, PaperQuestion, PaperSheet, PaperSummary
from quiz.api.paper_codes import new_code, parse_code
from quiz.engine.answer_credit import Score, score_response
from quiz.engine.drawing import Candidate, DrawnQuestion, draw_questions, options_keep_order
from quiz.errors import NotFound, UserError
from quiz.services import attempt_store as store
from quiz.services import attempt_views as views
from quiz.services.context import ServiceContext
from quiz.services.quiz_settings import load_settings
from quiz.services.quizzes import QuizService
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document
from quiz.storage.models.paper import PaperAttempt, PaperForm
from quiz.storage.models.people import Member, Unit
from quiz.text import name_sort_key

_CODE_TRIES = 20
MAXIMUM_BLANK_COPIES = 500
Response = answer_types.Answer | None


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
        blank_copies: int = 0,
    ) -> list[PaperSheet]:
        """One paper attempt per member, drawn like the on-screen exam (settings' count, mix and sections),
        then ``blank_copies`` papers without a name whose attempt is made when the secretary enters them."""
        self._context.require_admin()
        if not member_ids and blank_copies <= 0:
            raise UserError("Hãy chọn ít nhất một đảng viên (hoặc số bản để trống) để in bài kiểm tra.")
        if blank_copies > MAXIMUM_BLANK_COPIES:
            raise UserError(f"Mỗi lần in tối đa {MAXIMUM_BLANK_COPIES} bản để trống.")
        if question_count is not None and not 1 <= question_count <= MAXIMUM_QUESTIONS:
            raise UserError(f"Số câu hỏi phải từ 1 đến {MAXIMUM_QUESTIONS}.")
        generator = secrets.SystemRandom()
        created: list[tuple[PaperAttempt, list[AttemptItem] | None]] = []
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
                    session, member_id, document_id, Mode.PAPER.value, None, pool, drawn, seed, now
                )
                paper = PaperAttempt(
                    attempt_id=attempt.id,
                    code=_fresh_code(generator, used_codes),
                    document_id=document_id,
                    seed=seed,
                    draw=[],
                    printed_at=now,
                )
                session.add(paper)
                created.append((paper, items))
            for _ in range(max(0, blank_copies)):
                seed = generator.randrange(2**31)
                drawn = draw_questions(pool, question_count or settings.question_count, seed, mix)
                paper = PaperAttempt(
                    attempt_id=None,
                    code=_fresh_code(generator, used_codes),
                    document_id=document_id,
                    seed=seed,
                    draw=[[pick.question_id, list(pick.option_order)] for pick in drawn],
                    printed_at=now,
                )
                session.add(paper)
                created.append((paper, None))
            try:
                session.flush()
            except IntegrityError:  # another PC on the shared server took one of the codes meanwhile
                raise UserError("Mã bài làm vừa bị trùng với máy khác; hãy bấm in lại.") from None
            # The document's questions once for every paper (a hundred papers ask mostly the same ones).
            questions = {
                question.id: question
                for question in session.scalars(select(Question).where(Question.document_id == document_id))
            }
            return [_sheet(session, paper, items, questions) for paper, items in created]

    def sheet(self, code_or_id: str) -> PaperSheet:
        """A printed paper by its code (as typed from the paper), its attempt's id or its own id; a typo is
        refused with a sentence."""
        self._context.require_admin()
        with self._context.session() as session:
            return _sheet(session, _find_paper(session, code_or_id))

    def assign_blank(self, code_or_id: str, member_id: str) -> PaperSheet:
        """Say whose a blank copy is: its attempt is made now, with the printed questions and option order."""
        self._context.require_admin()
        with self._context.session() as session:
            paper = _find_paper(session, code_or_id)
            if paper.attempt_id is not None:
                raise UserError("Bài này đã có tên đảng viên rồi.")
            if session.get(Member, member_id) is None:
                raise NotFound("Không tìm thấy đảng viên này trong danh sách.")
            rows = {
                question.id: question
                for question in session.scalars(select(Question).where(Question.id.in_([qid for qid, _ in paper.draw])))
            }
            if len(rows) != len(paper.draw):
                raise UserError("Một số câu hỏi của bài này đã bị xoá khỏi ngân hàng câu hỏi; không nhập được bài.")
            pool = [_candidate(question) for question in rows.values()]
            drawn = [DrawnQuestion(question_id, tuple(order)) for question_id, order in paper.draw]
            attempt, items = store.create_attempt(
                session,
                member_id,
                paper.document_id,
                Mode.PAPER.value,
                None,
                pool,
                drawn,
                paper.seed,
                self._quizzes.clock(),
            )
            paper.attempt_id = attempt.id
            paper.draw = []
            session.flush()
            return _sheet(session, paper, items, rows)

    def list_papers(self, document_id: str | None = None, chi_bo_id: str | None = None) -> list[PaperSummary]:
        """Printed papers, those still to enter first, then by member name; blank copies have no name yet and
        are listed whatever the chi bộ."""
        self._context.require_admin()
        with self._context.session() as session:
            statement = (
                select(PaperAttempt, Attempt, Member.full_name, Unit.name)
                .outerjoin(Attempt, Attempt.id == PaperAttempt.attempt_id)
                .outerjoin(Member, Member.id == Attempt.member_id)
                .outerjoin(Unit, Unit.id == Member.chi_bo_id)
            )
            if document_id is not None:
                statement = statement.where(PaperAttempt.document_id == document_id)
            if chi_bo_id is not None:
                statement = statement.where(or_(Member.chi_bo_id == chi_bo_id, PaperAttempt.attempt_id.is_(None)))
            rows = [
                PaperSummary(
                    paper.id,
                    paper.attempt_id,
                    paper.code,
                    attempt.member_id if attempt is not None else None,
                    name or "",
                    unit_name or "",
                    paper.printed_at,
                    attempt is not None and attempt.submitted_at is not None,
                    attempt.score_percent if attempt is not None and attempt.submitted_at is not None else None,
                )
                for paper, attempt, name, unit_name in session.execute(statement)
            ]
        return sorted(
            rows, key=lambda row: (row.entered, not row.member_name, name_sort_key(row.member_name), row.code)
        )

    def enter_results(
        self,
        code_or_id: str,
        responses: Sequence[Response],
        reader_decisions: Mapping[int, bool] | None = None,
        member_id: str | None = None,
    ) -> AttemptResult:
        """Store the answers read from the paper (paper order; None = blank), score and submit the attempt.

        ``reader_decisions`` maps the position of a typed answer to the secretary's yes/no after comparing it
        with the accepted answers; without one the typed answer is scored as on screen. A blank copy needs
        ``member_id``: whose paper it is.
        """
        self._context.require_admin()
        sheet = self.sheet(code_or_id)
        if sheet.attempt_id is None:
            if member_id is None:
                raise UserError("Bài này in để trống tên; hãy chọn đảng viên đã làm bài trước khi lưu.")
            sheet = self.assign_blank(sheet.paper_id, member_id)
        attempt_id = sheet.attempt_id
        if attempt_id is None:
            raise NotFound("Không tìm thấy bài kiểm tra trên giấy này.")
        decisions = dict(reader_decisions or {})
        with self._context.session() as session:
            attempt = session.get(Attempt, attempt_id)
            if attempt is None or attempt.mode != Mode.PAPER.value:
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
                stored = answer_types.answer_to_json(response)
                if item.question_type == "cloze" and item.position in decisions:
                    accepted = decisions[item.position]
                    score = Score(accepted, 1.0 if accepted else 0.0)
                    stored[answer_types.READER_ACCEPTED] = accepted
                session.add(
                    Answer(
                        attempt_item_id=item.id,
                        position=item.position,
                        response=stored,
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


def _find_paper(session: Session, code_or_id: str) -> PaperAttempt:
    paper = session.get(PaperAttempt, code_or_id) or session.scalar(
        select(PaperAttempt).where(PaperAttempt.attempt_id == code_or_id)
    )
    if paper is not None:
        return paper
    paper = session.scalar(select(PaperAttempt).where(PaperAttempt.code == parse_code(code_or_id)))
    if paper is None:
        raise NotFound("Không có bài kiểm tra trên giấy nào mang mã này trên máy này.")
    return paper


def _sheet(
    session: Session,
    paper: PaperAttempt,
    items: list[AttemptItem] | None = None,
    questions: Mapping[str, Question] | None = None,
) -> PaperSheet:
    """The paper as printed; ``items`` and ``questions`` may be handed in when they are already loaded."""
    attempt = session.get(Attempt, paper.attempt_id) if paper.attempt_id else None
    member = session.get(Member, attempt.member_id) if attempt is not None else None
    document = session.get(Document, paper.document_id)
    chi_bo = session.get(Unit, member.chi_bo_id) if member is not None and member.chi_bo_id else None
    dang_bo = session.get(Unit, chi_bo.parent_id) if chi_bo is not None and chi_bo.parent_id else None
    if attempt is not None:
        items = items if items is not None else store.load_items(session, attempt.id)
        rows = [(item.position, item.question_type, item.question_id, item.option_order) for item in items]
    else:
        rows = [(position, "", question_id, order) for position, (question_id, order) in enumerate(paper.draw)]
    if questions is None:
        ids = [question_id for _, _, question_id, _ in rows]
        questions = {row.id: row for row in session.scalars(select(Question).where(Question.id.in_(ids)))}
    return PaperSheet(
        paper_id=paper.id,
        attempt_id=paper.attempt_id,
        code=paper.code,
        member_id=attempt.member_id if attempt is not None else None,
        member_name=member.full_name if member else "",
        chi_bo_name=chi_bo.name if chi_bo else "",
        dang_bo_name=dang_bo.name if dang_bo else "",
        document_id=paper.document_id,
        document_title=document.title if document else "",
        printed_at=paper.printed_at,
        submitted_at=attempt.submitted_at if attempt is not None else None,
        time_limit_minutes=load_settings(session, paper.document_id).time_limit_minutes,
        questions=tuple(_question(*row, questions.get(row[2])) for row in rows),
    )


def _question(
    position: int, kind: str, question_id: str, option_order: Sequence[int], question: Question | None
) -> PaperQuestion:
    kind = kind or (question.type if question is not None else "single")
    options = (
        ()
        if question is None
        else tuple(question.choices[index] for index in option_order if index < len(question.choices))
    )
    return PaperQuestion(
        position=position,
        type=QuestionType(kind),
        prompt=question.prompt if question is not None else views.MISSING_PROMPT,
        options=options,
        left_items=views.left_items(question),
        accepted_answers=tuple(question.answers) if question is not None and kind == "cloze" else (),
    )


def _candidate(question: Question) -> Candidate:
    keep_order = options_keep_order(question.choices) if question.type in ("single", "multi") else False
    return Candidate(
        question.id,
        question.section_id,
        question.type,
        question.fact_key,
        len(question.choices),
        keep_order,
        question.fact_kind,
    )
