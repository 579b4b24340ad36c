"""The demo unit: one đảng bộ, three chi bộ, members with study progress, attempts, review cards and pledges.

Everything goes through the facade (the quiz service scores attempts, the review hook makes cards), with the
services' clocks moved through the last two weeks. The same seed gives the same members, habits and scores.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from quiz.api.members import MemberDraft
from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.cli.demo_data import (
    CHI_BO,
    MEASURES,
    PARTY_COMMITTEE,
    REFLECTION_ANSWERS,
    DemoMember,
    demo_members,
    demo_response,
    fallback_question,
    quarter_text,
)
from quiz.errors import UserError
from quiz.storage.base import content_id, utc_now
from quiz.storage.models.attempts import AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Section, Sentence

if TYPE_CHECKING:
    from quiz.service import Service

FALLBACK_ORIGIN = "demo"
FALLBACK_LIMIT = 30


@dataclass(frozen=True)
class DemoSummary:
    document_title: str
    chi_bo: int
    members: int
    submitted_attempts: int
    open_attempts: int
    review_cards: int
    pledges_finalised: int
    pledges_draft: int
    # Questions made by the clearly marked fallback because the bank was empty (origin "demo").
    fallback_questions: int


class _Clock:
    """One simulated time shared by the quiz, review and pledge services while the demo runs."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def build_demo(service: Service, seed: int = 2025, per_chi_bo: int = 12, now: dt.datetime | None = None) -> DemoSummary:
    """Fill the database with the demo unit for the newest document (refused if the demo unit exists)."""
    service.context.require_admin()
    document_id = service.unit.current_document_id()
    if document_id is None:
        raise UserError("Chưa có văn bản nào; hãy nhập văn bản Nghị quyết trước khi tạo dữ liệu minh hoạ.")
    if any(unit.name == PARTY_COMMITTEE for unit in service.members.list_units()):
        raise UserError("Cơ sở dữ liệu này đã có đơn vị minh hoạ; hãy dùng một tệp cơ sở dữ liệu mới.")
    rng = random.Random(seed)
    fallback = _ensure_questions(service, document_id, rng)
    pool = _enabled_questions(service, document_id)
    if pool == 0:
        raise UserError("Văn bản chưa có câu hỏi nào và không tạo được câu hỏi minh hoạ; hãy tạo câu hỏi trước.")
    end = now or utc_now()
    settings = service.quizzes.get_settings(document_id)
    service.quizzes.save_settings(
        replace(settings, question_count=min(20, pool), deadline=(end + dt.timedelta(days=7)).date())
    )
    party_committee = service.members.create_unit(PARTY_COMMITTEE, "dang_bo")
    chi_bo_ids = [service.members.create_unit(name, "chi_bo", party_committee.id).id for name in CHI_BO]
    clock = _Clock(end - dt.timedelta(days=14))
    saved_clocks = (service.quizzes.clock, service.reviews.clock, service.pledges.clock)
    service.quizzes.clock = service.reviews.clock = service.pledges.clock = clock
    counts = {"submitted": 0, "open": 0}
    try:
        for index, member in enumerate(demo_members(rng, per_chi_bo)):
            # One generator per member and purpose: what one member does never shifts another's data.
            member_rng = random.Random(f"{seed}-{index}")
            clock.now = end - dt.timedelta(days=14, hours=-member_rng.uniform(0, 72))
            member_id = _add_member(service, member, chi_bo_ids)
            _study(service, member, member_id, document_id, member_rng)
            for _ in range(member.exams):
                clock.advance(member_rng.uniform(1, 3) * 86_400)
                _take_exam(service, member, member_id, document_id, clock, member_rng, submit=True)
                counts["submitted"] += 1
            review_clock = clock.now
            _review(service, member_id, clock, random.Random(f"{seed}-{index}-review"))
            clock.now = review_clock
            _pledge(service, member, member_id, document_id, clock, member_rng)
            if member.leaves_attempt_open:
                clock.advance(3600)
                _take_exam(service, member, member_id, document_id, clock, member_rng, submit=False)
                counts["open"] += 1
    finally:
        service.quizzes.clock, service.reviews.clock, service.pledges.clock = saved_clocks
    return _summary(service, document_id, counts, fallback)


def _ensure_questions(service: Service, document_id: str, rng: random.Random) -> int:
    """FALLBACK: with an empty bank, blank a number in some sentences so the demo has questions to ask."""
    if _enabled_questions(service, document_id):
        return 0
    made = 0
    with service.context.session() as session:
        rows = session.execute(
            select(Sentence.id, Sentence.section_id, Sentence.text, Sentence.start, Sentence.end)
            .where(Sentence.document_id == document_id)
            .order_by(Sentence.start)
        ).all()
        for sentence_id, section_id, text, start, end in rows:
            built = fallback_question(text, rng)
            if built is None:
                continue
            prompt, choices, key = built
            session.add(
                Question(
                    id=content_id(document_id, "demo-question", sentence_id),
                    document_id=document_id,
                    section_id=section_id,
                    fact_key=content_id("demo-fact", sentence_id)[:64],
                    fact_kind="number",
                    type="single",
                    prompt=prompt,
                    choices=choices,
                    correct=[key],
                    answers=[],
                    pairs=[],
                    explanation="Câu hỏi minh hoạ tạo tự động cho dữ liệu demo.",
                    sentence=text,
                    sentence_start=start,
                    sentence_end=end,
                    origin=FALLBACK_ORIGIN,
                )
            )
            made += 1
            if made >= FALLBACK_LIMIT:
                break
    return made


def _enabled_questions(service: Service, document_id: str) -> int:
    with service.context.session() as session:
        count = session.scalar(
            select(func.count()).where(Question.document_id == document_id, Question.enabled.is_(True))
        )
        return int(count or 0)


def _add_member(service: Service, member: DemoMember, chi_bo_ids: list[str]) -> str:
    chi_bo_id = chi_bo_ids[member.chi_bo_index]
    draft = MemberDraft(
        full_name=member.full_name,
        chi_bo_id=chi_bo_id,
        birth_date=member.birth_date,
        party_position=member.party_position,
        job_position=member.job_position,
        workplace=CHI_BO[member.chi_bo_index].removeprefix("Chi bộ "),
        joined_party_on=member.joined_party_on,
    )
    return service.members.add_member(draft).id


def _study(service: Service, member: DemoMember, member_id: str, document_id: str, rng: random.Random) -> None:
    with service.context.session() as session:
        section_ids = list(
            session.scalars(select(Section.id).where(Section.document_id == document_id).order_by(Section.position))
        )
    studied = round(member.study_share * len(section_ids))
    for index, section_id in enumerate(section_ids[: max(studied, 1 if member.study_share else 0)]):
        service.progress.open_section(member_id, section_id)
        service.progress.add_reading_time(member_id, section_id, rng.randint(40, 600))
        if index < studied:
            service.progress.mark_studied(member_id, section_id)


def _take_exam(
    service: Service,
    member: DemoMember,
    member_id: str,
    document_id: str,
    clock: _Clock,
    rng: random.Random,
    submit: bool,
) -> None:
    attempt = service.quizzes.start_attempt(member_id, document_id, "exam")
    with service.context.session() as session:
        items = session.execute(
            select(AttemptItem.position, AttemptItem.option_order, Question)
            .join(Question, Question.id == AttemptItem.question_id)
            .where(AttemptItem.attempt_id == attempt.id)
            .order_by(AttemptItem.position)
        ).all()
    answer_count = len(items) if submit else len(items) // 2
    for position, option_order, question in items[:answer_count]:
        clock.advance(rng.uniform(8, 75))
        response = demo_response(question, option_order, rng.random() < member.ability, rng)
        if response is not None:
            service.quizzes.answer(attempt.id, position, response)
    if submit:
        service.quizzes.submit(attempt.id)


def _review(service: Service, member_id: str, clock: _Clock, rng: random.Random) -> None:
    """Some members open "Ôn tập" a day or two later and rate what is due."""
    if rng.random() < 0.5:
        return
    clock.advance(rng.uniform(1, 2) * 86_400)
    for card in service.reviews.due_cards(member_id, now=clock.now)[:5]:
        service.reviews.rate(member_id, card.fact_key, rng.choice(("again", "hard", "good", "good")), now=clock.now)


def _pledge(
    service: Service, member: DemoMember, member_id: str, document_id: str, clock: _Clock, rng: random.Random
) -> None:
    if member.pledge == "none":
        return
    clock.advance(rng.uniform(2, 20) * 3600)
    questions = service.pledges.reflection_questions()
    answers = [ReflectionAnswer(question, rng.choice(REFLECTION_ANSWERS)) for question in questions]
    if member.pledge == "draft":
        answers[-1] = ReflectionAnswer(answers[-1].question, "")  # not finished yet
    suggestions = service.pledges.suggestions(document_id, limit=8)
    picked = rng.sample(suggestions, min(len(suggestions), rng.randint(2, 3)))
    due = quarter_text((clock.now + dt.timedelta(days=60)).date())
    rows = [Commitment(item.content, rng.choice(MEASURES), due) for item in picked] or [
        Commitment("Gương mẫu học tập và thực hiện Nghị quyết tại cơ quan", rng.choice(MEASURES), due)
    ]
    service.pledges.save_draft(member_id, document_id, answers, rows)
    if member.pledge == "finalised":
        service.pledges.finalise(member_id, document_id)


def _summary(service: Service, document_id: str, counts: dict[str, int], fallback: int) -> DemoSummary:
    progress = service.unit.unit_progress(document_id)
    members = service.unit.member_progress(document_id)
    cards = sum(len(service.reviews.all_cards(member.member_id)) for member in members)
    return DemoSummary(
        document_title=progress.document_title,
        chi_bo=len(CHI_BO),
        members=len(members),
        submitted_attempts=counts["submitted"],
        open_attempts=counts["open"],
        review_cards=cards,
        pledges_finalised=sum(member.pledge_state == "finalised" for member in members),
        pledges_draft=sum(member.pledge_state == "draft" for member in members),
        fallback_questions=fallback,
    )
