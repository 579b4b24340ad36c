"""Attempts through the facade: drawing, answering, feedback, deadlines across restarts, counting, access."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from quiz.api.answers import ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer
from quiz.api.attempts import AttemptClosed, QuizSettingsData
from quiz.errors import AccessDenied, UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.attempts import answers_of
from tests.unit.quiz.engine.factories import MadeDocument, add_document, add_member, right_response, wrong_response

START = dt.datetime(2025, 11, 10, 2, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def as_choices(answer: object) -> tuple[int, ...]:
    assert isinstance(answer, ChoicesAnswer)
    return answer.choices


@pytest.fixture
def clock(service: Service) -> Clock:
    moved = Clock()
    service.quizzes.clock = moved
    return moved


@pytest.fixture
def document(service: Service) -> MadeDocument:
    return add_document(service)


@pytest.fixture
def member_id(service: Service) -> str:
    return add_member(service)


def settings(document: MadeDocument, **changes: object) -> QuizSettingsData:
    return dataclasses.replace(QuizSettingsData(document.document_id, question_count=10), **changes)  # type: ignore[arg-type]


def url_of(service: Service) -> str:
    return service.database.url.render_as_string(hide_password=False)


def test_exam_draw_is_balanced_distinct_and_reshown_exactly(
    service: Service, document: MadeDocument, member_id: str, clock: Clock
) -> None:
    service.quizzes.save_settings(settings(document, question_count=15))
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    assert view.question_count == 15 and [question.position for question in view.questions] == list(range(15))
    assert Counter(question.section_id for question in view.questions) == dict.fromkeys(document.section_ids, 5)
    assert Counter(question.type for question in view.questions) == {
        "single": 3,
        "multi": 3,
        "truefalse": 3,
        "cloze": 3,
        "matching": 3,
    }
    assert len({question.question_id for question in view.questions}) == 15
    assert service.quizzes.get_attempt(view.id) == view
    assert service.quizzes.unfinished_attempt(member_id) == view


def test_options_are_shuffled_per_attempt(service: Service, document: MadeDocument, member_id: str) -> None:
    service.quizzes.save_settings(settings(document, question_count=30, type_mix={"single": 1}))
    orders = set()
    for _ in range(3):
        view = service.quizzes.start_attempt(member_id, document.document_id, "practice")
        orders.add(tuple(question.options for question in sorted(view.questions, key=lambda q: q.question_id)))
        service.quizzes.submit(view.id)
    assert len(orders) > 1


def test_exam_hides_correctness_until_submitted(
    service: Service, document: MadeDocument, member_id: str, clock: Clock
) -> None:
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    feedback = service.quizzes.answer(view.id, 0, right_response(service, view.id, 0))
    assert feedback.saved and not feedback.revealed
    assert feedback.is_correct is None and feedback.key_indexes == () and feedback.sentence == ""
    assert service.quizzes.get_attempt(view.id).questions[0].feedback is None
    with pytest.raises(UserError, match="đã nộp"):
        service.quizzes.review(view.id)


def test_practice_reveals_key_explanation_and_source(service: Service, document: MadeDocument, member_id: str) -> None:
    view = service.quizzes.start_attempt(member_id, document.document_id, "practice")
    question = view.questions[0]
    feedback = service.quizzes.answer(view.id, 0, wrong_response(service, view.id, 0))
    assert feedback.revealed and feedback.is_correct is False and feedback.credit == 0.0
    assert feedback.explanation.startswith("Giải thích")
    assert "23.000 đảng viên" in feedback.sentence and feedback.section_id == question.section_id
    assert feedback.sentence_end > feedback.sentence_start
    resumed = service.quizzes.unfinished_attempt(member_id)
    assert resumed is not None and resumed.questions[0].feedback == feedback


def test_scores_every_type_with_partial_credit(service: Service, document: MadeDocument, member_id: str) -> None:
    service.quizzes.save_settings(settings(document, question_count=10, pass_mark_percent=50))
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    expected_credit = 0.0
    for question in view.questions:
        if question.type in ("single", "truefalse", "cloze"):
            service.quizzes.answer(view.id, question.position, right_response(service, view.id, question.position))
            expected_credit += 1
        elif question.type == "multi":
            keys = as_choices(right_response(service, view.id, question.position))
            wrong = as_choices(wrong_response(service, view.id, question.position))
            service.quizzes.answer(view.id, question.position, ChoicesAnswer((*keys, wrong[0])))
            expected_credit += (2 - 1) / 2
        else:
            right = right_response(service, view.id, question.position)
            assert isinstance(right, PairsAnswer)
            service.quizzes.answer(view.id, question.position, PairsAnswer((right.pairs[0], None, None)))
            expected_credit += 1 / 3
    result = service.quizzes.submit(view.id)
    assert result.score == pytest.approx(expected_credit, abs=1e-3)
    assert result.correct_count == 6 and result.answered_count == 10
    assert result.score_percent == pytest.approx(100 * expected_credit / 10, abs=0.01)
    assert result.passed is (result.score_percent >= 50)
    assert sum(part.question_count for part in result.by_section) == 10
    assert {part.label for part in result.by_section} == {"Phần 1", "Phần 2", "Phần 3"}
    kinds = {part.key: part for part in result.by_fact_kind}
    assert kinds["number"].question_count == 2 and kinds["number"].correct_count == 2


def test_cloze_answers_are_matched_folded(service: Service, document: MadeDocument, member_id: str) -> None:
    service.quizzes.save_settings(settings(document, type_mix={"cloze": 1}, question_count=3))
    view = service.quizzes.start_attempt(member_id, document.document_id, "practice")
    typed = ["23000", " 23 000 ", "23.000."]
    assert all(
        service.quizzes.answer(view.id, position, TextAnswer(text)).is_correct for position, text in enumerate(typed)
    )


def test_answers_are_kept_changed_and_flagged(
    service: Service, document: MadeDocument, member_id: str, clock: Clock
) -> None:
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    clock.advance(seconds=40)
    service.quizzes.answer(view.id, 3, wrong_response(service, view.id, 3))
    clock.advance(seconds=20)
    service.quizzes.answer(view.id, 3, right_response(service, view.id, 3))
    service.quizzes.flag(view.id, 5, True)
    again = service.quizzes.get_attempt(view.id)
    assert again.questions[3].response == right_response(service, view.id, 3)
    assert again.questions[5].flagged and again.answered_count == 1
    with service.database.sessions() as session:
        answer = session.scalars(answers_of(view.id)).one()
        assert (answer.changed_count, answer.time_spent_seconds, answer.is_correct) == (1, 60.0, True)
    with pytest.raises(UserError):
        service.quizzes.answer(view.id, 99, ChoiceAnswer(0))


def test_deadline_auto_submits_across_a_restart(
    service: Service, document: MadeDocument, member_id: str, clock: Clock
) -> None:
    service.quizzes.save_settings(settings(document, time_limit_minutes=30))
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    assert view.deadline_at == START + dt.timedelta(minutes=30)
    for position in (0, 1):
        service.quizzes.answer(view.id, position, right_response(service, view.id, position))
    clock.advance(minutes=10)
    assert service.quizzes.time_left(view.id) == dt.timedelta(minutes=20)
    service.close()

    reopened = Service.open(url_of(service), actor=None)
    try:
        reopened.quizzes.clock = Clock(START + dt.timedelta(minutes=25))
        reopened.accounts.sign_in_member(member_id)
        resumed = reopened.quizzes.unfinished_attempt(member_id)
        assert resumed is not None and resumed.deadline_at == view.deadline_at and resumed.answered_count == 2
        submitted: list[str] = []
        reopened.quizzes.after_submit.append(submitted.append)
        reopened.quizzes.clock = Clock(START + dt.timedelta(minutes=31))
        assert reopened.quizzes.unfinished_attempt(member_id) is None
        assert submitted == [view.id]
        result = reopened.quizzes.results(view.id)
        assert result.auto_submitted and result.correct_count == 2 and result.answered_count == 2
        assert result.submitted_at == view.deadline_at
        with pytest.raises(AttemptClosed, match="hết giờ"):
            reopened.quizzes.answer(view.id, 2, ChoiceAnswer(0))
    finally:
        reopened.close()


def test_answering_after_the_deadline_submits_and_refuses(
    service: Service, document: MadeDocument, member_id: str, clock: Clock
) -> None:
    service.quizzes.save_settings(settings(document, time_limit_minutes=5))
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    service.quizzes.answer(view.id, 0, right_response(service, view.id, 0))
    clock.advance(minutes=6)
    with pytest.raises(AttemptClosed):
        service.quizzes.answer(view.id, 1, right_response(service, view.id, 1))
    result = service.quizzes.results(view.id)
    assert result.auto_submitted and result.answered_count == 1
    assert service.quizzes.time_left(view.id) == dt.timedelta(0)


def test_attempts_allowed_and_best_or_last_counting(
    service: Service, document: MadeDocument, member_id: str, clock: Clock
) -> None:
    service.quizzes.save_settings(settings(document, attempts_allowed=2, counting="best"))
    scores = []
    for right_count in (6, 3):
        view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
        for position in range(right_count):
            service.quizzes.answer(view.id, position, right_response(service, view.id, position))
        scores.append(service.quizzes.submit(view.id))
        clock.advance(minutes=1)
    assert service.quizzes.attempts_left(member_id, document.document_id) == 0
    with pytest.raises(UserError, match="đủ 2 lần"):
        service.quizzes.start_attempt(member_id, document.document_id, "exam")
    service.quizzes.start_attempt(member_id, document.document_id, "practice")  # practice stays open
    history = service.quizzes.history(member_id, document.document_id)
    exams = [row for row in history if row.mode == "exam"]
    assert [row.score_percent for row in exams] == [scores[1].score_percent, scores[0].score_percent]
    assert [row.counts for row in exams] == [False, True]
    service.quizzes.save_settings(settings(document, attempts_allowed=2, counting="last"))
    assert [row.counts for row in service.quizzes.history(member_id) if row.mode == "exam"] == [True, False]


def test_deadline_date_closes_exams_but_not_practice(
    service: Service, document: MadeDocument, member_id: str, clock: Clock
) -> None:
    service.quizzes.save_settings(settings(document, deadline=dt.date(2025, 11, 15)))
    clock.advance(days=7)
    with pytest.raises(UserError, match="15/11/2025"):
        service.quizzes.start_attempt(member_id, document.document_id, "exam")
    assert service.quizzes.start_attempt(member_id, document.document_id, "practice").mode == "practice"


def test_one_open_exam_at_a_time_and_abandoned_practice_is_closed(
    service: Service, document: MadeDocument, member_id: str
) -> None:
    practice = service.quizzes.start_attempt(member_id, document.document_id, "practice")
    exam = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    assert service.quizzes.get_attempt(practice.id).submitted_at is not None
    with pytest.raises(UserError, match="dở"):
        service.quizzes.start_attempt(member_id, document.document_id, "practice")
    unfinished = service.quizzes.unfinished_attempt(member_id)
    assert unfinished is not None and unfinished.id == exam.id


def test_member_cannot_touch_another_members_attempt(service: Service, document: MadeDocument) -> None:
    first = add_member(service, "Nguyễn Văn An")
    second = add_member(service, "Trần Văn Bảo")
    view = service.quizzes.start_attempt(first, document.document_id, "exam")
    service.quizzes.submit(view.id)
    service.context.actor = Actor.member(second)
    for call in (
        lambda: service.quizzes.results(view.id),
        lambda: service.quizzes.review(view.id),
        lambda: service.quizzes.get_attempt(view.id),
        lambda: service.quizzes.history(first),
        lambda: service.quizzes.unfinished_attempt(first),
        lambda: service.quizzes.start_attempt(first, document.document_id, "practice"),
        lambda: service.quizzes.save_settings(QuizSettingsData(document.document_id)),
    ):
        with pytest.raises(AccessDenied):
            call()
    service.context.actor = Actor.member(first)
    assert service.quizzes.results(view.id).attempt_id == view.id


def test_review_shows_answer_key_explanation_and_link(service: Service, document: MadeDocument, member_id: str) -> None:
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    service.quizzes.answer(view.id, 0, right_response(service, view.id, 0))
    service.quizzes.answer(view.id, 1, wrong_response(service, view.id, 1))
    service.quizzes.submit(view.id)
    items = service.quizzes.review(view.id)
    assert [item.position for item in items] == list(range(view.question_count))
    assert items[0].is_correct and not items[1].is_correct and items[2].response is None
    assert items[0].answer_texts and items[0].key_texts and items[1].answer_texts != items[1].key_texts
    assert items[0].section_title.startswith("Phần") and items[0].section_id in document.section_ids
    assert items[0].sentence.endswith("đảng viên.") and items[0].explanation.startswith("Giải thích")


def test_section_and_review_modes_draw_from_what_they_are_given(
    service: Service, document: MadeDocument, member_id: str
) -> None:
    section = service.quizzes.start_attempt(
        member_id, document.document_id, "section", section_id=document.section_ids[1]
    )
    assert {question.section_id for question in section.questions} == {document.section_ids[1]}
    assert section.question_count == 10  # every fact of the section: 5 types × 2
    facts = [f"{document.section_ids[0]}-1", f"{document.section_ids[2]}-3"]
    review = service.quizzes.start_attempt(member_id, document.document_id, "review", fact_keys=facts)
    assert review.question_count == 2
    with pytest.raises(UserError, match="ôn tập"):
        service.quizzes.start_attempt(member_id, document.document_id, "review")
    with pytest.raises(UserError, match="phần"):
        service.quizzes.start_attempt(member_id, document.document_id, "section")


def test_settings_are_validated_and_saved(service: Service, document: MadeDocument) -> None:
    assert service.quizzes.get_settings(document.document_id) == QuizSettingsData(document.document_id)
    for bad in (
        settings(document, question_count=0),
        settings(document, type_mix={"essay": 1}),
        settings(document, pass_mark_percent=120),
        settings(document, counting="average"),
        settings(document, section_ids=("khong-co",)),
        settings(document, attempts_allowed=0),
    ):
        with pytest.raises(UserError):
            service.quizzes.save_settings(bad)
    saved = service.quizzes.save_settings(
        settings(
            document,
            type_mix={"single": 2, "cloze": 0},
            section_ids=(document.section_ids[0],),
            deadline=dt.date(2025, 11, 15),
        )
    )
    assert saved.type_mix == {"single": 2} and service.quizzes.get_settings(document.document_id) == saved


def test_no_questions_gives_a_clear_message(service: Service, member_id: str) -> None:
    empty = add_document(service, title="Văn bản chưa có câu hỏi", types=())
    with pytest.raises(UserError, match="Chưa có câu hỏi"):
        service.quizzes.start_attempt(member_id, empty.document_id, "exam")


def test_after_submit_hooks_run_once_and_failures_do_not_undo(
    service: Service, document: MadeDocument, member_id: str
) -> None:
    seen: list[str] = []

    def broken(_attempt_id: str) -> None:
        raise RuntimeError("hook failed")

    service.quizzes.after_submit[:] = [broken, seen.append]
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    assert service.quizzes.submit(view.id).attempt_id == view.id
    assert seen == [view.id]
    with pytest.raises(AttemptClosed):
        service.quizzes.submit(view.id)
