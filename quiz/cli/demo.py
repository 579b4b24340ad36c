"""The demo unit: one đảng bộ, three chi bộ, members with study progress, attempts, review cards and pledges.

Built through the facade like any client (the quiz service scores attempts, the review hook makes cards), with
the facade's clock (``Service.set_clock``) moved through the last two weeks. The same seed gives the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

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
from quiz.identifiers import content_id

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
    end = now or dt.datetime.now(dt.UTC)
    settings = service.quizzes.get_settings(document_id)
    service.quizzes.save_settings(
        replace(settings, question_count=min(20, pool), deadline=(end + dt.timedelta(days=7)).date())
    )
    party_committee = service.members.create_unit(PARTY_COMMITTEE, "dang_bo")
    chi_bo_ids = [service.members.create_unit(name, "chi_bo", party_committee.id).id for name in CHI_BO]
    clock = _Clock(end - dt.timedelta(days=14))
    service.set_clock(clock)
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
        service.set_clock(None)
    return _summary(service, document_id, counts, fallback)


def _ensure_questions(service: Service, document_id: str, rng: random.Random) -> int:
    """FALLBACK: with an empty bank, blank a number in some sentences so the demo has questions to ask."""
    if _enabled_questions(service, document_id):
        return 0
    made = 0
    for sentence in service.documents.sentences(document_id):
        built = fallback_question(sentence.text, rng)
        if built is None:
            continue
        prompt, choices, key = built
        service.bank.add(
            document_id,
            "single",
            prompt,
            choices,
            (key,),
            explanation="Câu hỏi minh hoạ tạo tự động cho dữ liệu demo.",
            section_id=sentence.section_id,
            origin=FALLBACK_ORIGIN,
            question_id=content_id(document_id, "demo-question", sentence.id),
        )
        made += 1
        if made >= FALLBACK_LIMIT:
            break
    return made


def _enabled_questions(service: Service, document_id: str) -> int:
    return len(service.bank.list_questions(document_id=document_id, enabled=True))


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
    section_ids = [section.id for section in service.documents.sections(document_id)]
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
    shown = attempt.questions
    answer_count = len(shown) if submit else len(shown) // 2
    for question in shown[:answer_count]:
        clock.advance(rng.uniform(8, 75))
        keyed = service.bank.get(question.question_id)
        order = displayed_order(keyed.choices, question.options)
        response = demo_response(keyed, order, rng.random() < member.ability, rng)
        if response is not None:
            service.quizzes.answer(attempt.id, question.position, response)
    if submit:
        service.quizzes.submit(attempt.id)


def displayed_order(choices: Sequence[str], shown: Sequence[str]) -> list[int]:
    """The original index of each displayed option (what the attempt's shuffle did), found by its text."""
    free = list(range(len(choices)))
    order = []
    for text in shown:
        original = next(index for index in free if choices[index] == text)
        free.remove(original)
        order.append(original)
    return order


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
