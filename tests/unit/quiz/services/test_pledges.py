"""Pledges: autosaved drafts, finalising locks, the admin reopens, history, privacy and suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.errors import AccessDenied, UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.bank import Question
from tests.unit.quiz.services.study_factories import make_document, make_member, make_question


class FakeClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2025, 11, 10, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


@pytest.fixture
def clock(service: Service) -> FakeClock:
    fake = FakeClock()
    service.pledges.clock = fake
    return fake


ROWS = (Commitment("Gương mẫu học tập Nghị quyết", "Tự học mỗi tối", "Quý IV/2025"),)


def _answers(service: Service, *texts: str) -> list[ReflectionAnswer]:
    return [
        ReflectionAnswer(question, text)
        for question, text in zip(service.pledges.reflection_questions(), texts, strict=True)
    ]


def test_a_new_pledge_offers_the_admins_questions(service: Service) -> None:
    document = make_document(service)
    member_id = make_member(service)
    service.settings.set("reflection_questions", ["Câu hỏi một?", "Câu hỏi hai?", "Câu hỏi ba?"])
    pledge = service.pledges.get(member_id, document.document_id)
    assert pledge.id is None and pledge.version == 0 and pledge.state == "draft"
    assert [item.question for item in pledge.reflections] == ["Câu hỏi một?", "Câu hỏi hai?", "Câu hỏi ba?"]


def test_autosave_is_idempotent_and_keeps_one_history_row_per_editing_session(
    service: Service, clock: FakeClock
) -> None:
    document = make_document(service)
    member_id = make_member(service)
    first = service.pledges.save_draft(member_id, document.document_id, _answers(service, "Điểm mới", ""), ROWS)
    clock.advance(1)
    same = service.pledges.save_draft(member_id, document.document_id, _answers(service, " Điểm mới ", ""), ROWS)
    assert (
        (same.version, same.modified_at)
        == (first.version, first.modified_at)
        == (1, clock.now - dt.timedelta(minutes=1))
    )

    clock.advance(1)
    service.pledges.save_draft(member_id, document.document_id, _answers(service, "Điểm mới hơn", ""), ROWS)
    assert service.pledges.history(member_id, document.document_id) == []  # same editing session

    clock.advance(30)
    later = service.pledges.save_draft(
        member_id, document.document_id, _answers(service, "Điểm mới hơn", "Áp dụng"), [*ROWS, Commitment("")]
    )
    assert later.version == 3 and later.modified_at == clock.now
    assert later.commitments == ROWS  # the blank table row is dropped
    (previous,) = service.pledges.history(member_id, document.document_id)
    assert previous.version == 2 and [item.answer for item in previous.reflections] == ["Điểm mới hơn", ""]


def test_finalising_locks_and_the_admin_reopens(service: Service, clock: FakeClock, any_database_url: str) -> None:
    document = make_document(service)
    member_id = make_member(service)
    service.pledges.save_draft(member_id, document.document_id, _answers(service, "Điểm mới", ""), ROWS)
    with pytest.raises(UserError, match="câu hỏi thu hoạch số 2"):
        service.pledges.finalise(member_id, document.document_id)

    member_service = Service.open(any_database_url, actor=Actor.member(member_id))
    member_service.pledges.clock = clock
    try:
        member_service.pledges.save_draft(
            member_id, document.document_id, _answers(service, "Điểm mới", "Áp dụng"), ROWS
        )
        clock.advance(2)
        finalised = member_service.pledges.finalise(member_id, document.document_id)
        assert finalised.is_finalised and finalised.finalised_at == clock.now
        with pytest.raises(UserError, match="đã hoàn thành"):
            member_service.pledges.save_draft(member_id, document.document_id, _answers(service, "Khác", "Khác"), ROWS)
        with pytest.raises(AccessDenied):
            member_service.pledges.reopen(member_id, document.document_id)
    finally:
        member_service.close()

    reopened = service.pledges.reopen(member_id, document.document_id)
    assert reopened.state == "draft" and reopened.finalised_at is None
    history = service.pledges.history(member_id, document.document_id)
    assert [version.state for version in history] == ["finalised", "draft"]
    edited = service.pledges.save_draft(member_id, document.document_id, _answers(service, "Sửa", "Sửa"), ROWS)
    assert [item.answer for item in edited.reflections] == ["Sửa", "Sửa"]


def test_member_a_cannot_read_member_b_s_pledge_through_the_facade(service: Service, any_database_url: str) -> None:
    document = make_document(service)
    member_a = make_member(service, "Vũ Văn Giang")
    member_b = make_member(service, "Đỗ Thị Hạnh")
    service.pledges.save_draft(member_b, document.document_id, _answers(service, "Riêng tư", ""), ROWS)

    as_a = Service.open(any_database_url, actor=Actor.member(member_a))
    try:
        for action in (as_a.pledges.get, as_a.pledges.history, as_a.pledges.finalise):
            with pytest.raises(AccessDenied):
                action(member_b, document.document_id)
        with pytest.raises(AccessDenied):
            as_a.pledges.save_draft(member_b, document.document_id, [], ROWS)
        assert as_a.pledges.get(member_a, document.document_id).commitments == ()
    finally:
        as_a.close()
    assert service.pledges.get(member_b, document.document_id).reflections[0].answer == "Riêng tư"


def test_suggestions_come_from_targets_lists_and_task_sentences(service: Service) -> None:
    document = make_document(service)
    target_sentence = "- Đến năm 2030, 100 % cơ quan sử dụng hồ sơ điện tử."
    make_question(service, document.document_id, "fact-target", fact_kind="target", prompt="Mục tiêu?")
    with service.context.session() as session:
        question = session.get(Question, make_question(service, document.document_id, "fact-list", fact_kind="list"))
        assert question is not None
        question.sentence = target_sentence
    suggestions = service.pledges.suggestions(document.document_id)
    contents = [suggestion.content for suggestion in suggestions]
    # The list question's item comes first as a short personal line; then task sentences in text order.
    assert contents == [
        "Góp phần thực hiện: đến năm 2030, 100 % cơ quan sử dụng hồ sơ điện tử",
        "Tham gia đẩy mạnh chuyển đổi số trong các cơ quan đảng",
        "Góp phần thực hiện: đến năm 2030 có 95 % chi bộ đạt trong sạch, vững mạnh",
        "Tham gia nâng cao chất lượng sinh hoạt chi bộ",
        "Tham gia cải cách thủ tục hành chính",
    ]
    assert suggestions[0].source_sentence == target_sentence
