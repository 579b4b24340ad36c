"""Paper quizzes through the facade: printing freezes the draw, entry scores like the screen, forms are ticked."""

from __future__ import annotations

import dataclasses
import secrets
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quiz.api import paper_entry
from quiz.api.answers import TextAnswer
from quiz.api.attempts import QuizSettingsData
from quiz.api.paper_codes import display_code
from quiz.errors import AccessDenied, UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.attempts import AttemptItem
from tests.unit.quiz.engine.factories import MadeDocument, add_document, add_member, right_response, wrong_response
from tests.unit.quiz.services.paper_helpers import attempt_of

SEED = 424242


@pytest.fixture
def document(service: Service) -> MadeDocument:
    made = add_document(service)
    service.quizzes.save_settings(QuizSettingsData(made.document_id, question_count=12))
    return made


def test_printing_creates_open_paper_attempts_with_frozen_items(service: Service, document: MadeDocument) -> None:
    first = add_member(service, "Lê Thị Ba")
    second = add_member(service, "Trần Văn Cả")
    sheets = service.paper.create_papers(document.document_id, [first, second])
    assert [sheet.member_name for sheet in sheets] == ["Lê Thị Ba", "Trần Văn Cả"]
    assert len({sheet.code for sheet in sheets}) == 2
    for sheet in sheets:
        assert len(sheet.questions) == 12 and sheet.submitted_at is None
        # Choice-only by default: no typed answer needs a reader.
        assert {question.type for question in sheet.questions} <= {"single", "multi", "truefalse", "matching"}
        # The database holds exactly what is printed, and reading it again gives the same paper.
        assert service.paper.sheet(sheet.code) == sheet
        assert service.paper.sheet(display_code(sheet.code).lower()) == sheet
        view = service.quizzes.get_attempt(attempt_of(sheet))
        assert view.mode == "paper"
        assert [(q.prompt, q.options) for q in view.questions] == [(q.prompt, q.options) for q in sheet.questions]
    # A member's on-screen start neither resumes nor closes the printed paper.
    assert service.quizzes.unfinished_attempt(first) is None
    exam = service.quizzes.start_attempt(first, document.document_id, "exam")
    assert service.quizzes.unfinished_attempt(first) == exam
    assert service.paper.sheet(sheets[0].code).submitted_at is None


def test_typed_answers_are_printed_only_when_asked(service: Service, document: MadeDocument) -> None:
    member = add_member(service)
    service.quizzes.save_settings(QuizSettingsData(document.document_id, question_count=15))
    (sheet,) = service.paper.create_papers(document.document_id, [member], choice_only=False)
    cloze = [question for question in sheet.questions if question.type == "cloze"]
    assert cloze and all(question.accepted_answers == ("23.000",) for question in cloze)


def test_a_mistyped_code_is_refused_in_a_sentence(service: Service, document: MadeDocument) -> None:
    (sheet,) = service.paper.create_papers(document.document_id, [add_member(service)])
    wrong = sheet.code[:2] + ("3" if sheet.code[2] != "3" else "4") + sheet.code[3:]
    with pytest.raises(UserError, match="gõ nhầm"):
        service.paper.sheet(wrong)
    with pytest.raises(UserError, match="ký tự “0”"):
        service.paper.sheet(sheet.code[:5] + "0")


def _same_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both paths draw with the same seed, so the paper and the screen show the same questions and options."""
    monkeypatch.setattr(secrets, "randbelow", lambda _limit: SEED)
    monkeypatch.setattr(secrets.SystemRandom, "randrange", lambda _self, _limit: SEED)


def test_paper_and_screen_give_the_same_score_for_the_same_answers(
    service: Service, document: MadeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    _same_draw(monkeypatch)
    on_paper, on_screen = add_member(service, "Đinh Văn Giấy"), add_member(service, "Phạm Thị Màn")
    (sheet,) = service.paper.create_papers(document.document_id, [on_paper], choice_only=False)
    view = service.quizzes.start_attempt(on_screen, document.document_id, "exam")
    with service.database.sessions() as session:
        orders = [
            [(item.question_id, item.option_order) for item in session.scalars(
                select(AttemptItem).where(AttemptItem.attempt_id == attempt_id).order_by(AttemptItem.position)
            )]
            for attempt_id in (attempt_of(sheet), view.id)
        ]  # fmt: skip
    assert orders[0] == orders[1]
    # Right, wrong and blank answers of every type, the same on both.
    responses = []
    for position in range(len(sheet.questions)):
        kind = position % 3
        response = None if kind == 2 else (right_response if kind == 0 else wrong_response)(service, view.id, position)
        responses.append(response)
        if response is not None:
            service.quizzes.answer(view.id, position, response)
    screen = service.quizzes.submit(view.id)
    tokens = " ".join(
        f'"{paper_entry.token_for(question, response)}"' if question.type == "cloze" and response else
        paper_entry.token_for(question, response)
        for question, response in zip(sheet.questions, responses, strict=True)
    )  # fmt: skip
    paper = service.paper.enter_results(sheet.paper_id, paper_entry.responses_for(sheet.questions, tokens))
    assert 0 < screen.score_percent < 100
    ignored = {"attempt_id", "member_id", "mode", "submitted_at"}
    assert {k: v for k, v in dataclasses.asdict(paper).items() if k not in ignored} == {
        k: v for k, v in dataclasses.asdict(screen).items() if k not in ignored
    }
    assert [item.is_correct for item in service.quizzes.review(attempt_of(sheet))] == [
        item.is_correct for item in service.quizzes.review(view.id)
    ]
    # Counted alike in unit progress, the members' overview and the item analysis.
    lines = {line.member_id: line for line in service.unit.member_progress(document.document_id)}
    assert lines[on_paper].best_score == lines[on_screen].best_score == screen.score_percent
    assert lines[on_paper].exam_attempts == lines[on_screen].exam_attempts == 1
    overview = {row.id: row for row in service.members.overview()}
    assert overview[on_paper].attempts == overview[on_screen].attempts == 1
    statistics = service.analysis.item_statistics(document.document_id, min_responses=1)
    asked = {row.question_id: row.times_asked for row in statistics}
    assert all(asked[question_id] == 2 for question_id, _ in orders[0])
    history = service.quizzes.history(on_paper, document.document_id)
    assert history[0].counts and history[0].mode == "paper"
    with pytest.raises(UserError, match="đã được nhập"):
        service.paper.enter_results(sheet.paper_id, [None] * len(sheet.questions))


def test_the_reader_decides_typed_answers(service: Service, document: MadeDocument) -> None:
    service.quizzes.save_settings(QuizSettingsData(document.document_id, question_count=6, type_mix={"cloze": 1}))
    (sheet,) = service.paper.create_papers(document.document_id, [add_member(service)], choice_only=False)
    assert {question.type for question in sheet.questions} == {"cloze"}
    responses = [TextAnswer("hai mươi ba nghìn") for _ in sheet.questions]
    result = service.paper.enter_results(sheet.paper_id, responses, {0: True, 1: False})
    assert result.correct_count == 1
    review = service.quizzes.review(attempt_of(sheet))
    assert review[0].is_correct and review[0].answer_texts == ("hai mươi ba nghìn",)


def test_results_packages_carry_paper_attempts(service: Service, document: MadeDocument, tmp_path: Path) -> None:
    (sheet,) = service.paper.create_papers(document.document_id, [add_member(service)])
    service.paper.enter_results(sheet.paper_id, [None] * len(sheet.questions))
    package = tmp_path / "giay.nqpkg"
    service.results.set_unit_key("khoá chung của đơn vị thử")
    assert service.results.export(package).counts["attempts"] == 1
    assert service.results.preview(package) is not None


def test_paper_forms_are_ticked_and_unticked(service: Service, document: MadeDocument) -> None:
    member = add_member(service)
    assert [state.handed_in for state in service.paper.form_states(document.document_id)] == [False]
    service.paper.set_form_handed_in(member, document.document_id, True)
    service.paper.set_form_handed_in(member, document.document_id, True)
    assert [state.handed_in for state in service.paper.form_states(document.document_id)] == [True]
    service.paper.set_form_handed_in(member, document.document_id, False)
    assert [state.handed_in for state in service.paper.form_states(document.document_id)] == [False]


def test_only_the_admin_prints_and_enters(service: Service, document: MadeDocument) -> None:
    member = add_member(service)
    as_member = Service(service.database, Actor.member(member))
    with pytest.raises(AccessDenied):
        as_member.paper.create_papers(document.document_id, [member])
    (sheet,) = service.paper.create_papers(document.document_id, [member])
    with pytest.raises(AccessDenied):
        as_member.paper.enter_results(sheet.paper_id, [None] * len(sheet.questions))
    with service.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AttemptItem)) == 12


def test_blank_copies_get_their_attempt_when_the_secretary_says_whose(service: Service, document: MadeDocument) -> None:
    member = add_member(service, "Hà Văn Giấy")
    named, first_blank, second_blank = service.paper.create_papers(document.document_id, [member], blank_copies=2)
    assert named.attempt_id is not None and not named.is_blank
    assert first_blank.is_blank and first_blank.member_name == "" and len(first_blank.questions) == 12
    with service.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AttemptItem)) == 12  # only the named paper's
    listed = service.paper.list_papers(document.document_id)
    assert [paper.member_name for paper in listed] == ["Hà Văn Giấy", "", ""]
    assert service.paper.sheet(display_code(first_blank.code)) == first_blank
    with pytest.raises(UserError, match="để trống tên"):
        service.paper.enter_results(first_blank.code, [None] * 12)
    owner = add_member(service, "Vi Thị Khách")
    result = service.paper.enter_results(first_blank.code, [None] * 12, member_id=owner)
    assert result.member_id == owner and result.mode == "paper" and result.question_count == 12
    entered = service.paper.sheet(first_blank.code)
    # The attempt holds exactly what was printed on the blank copy.
    assert entered.questions == first_blank.questions
    assert entered.member_name == "Vi Thị Khách" and entered.submitted_at is not None
    with pytest.raises(UserError, match="đã có tên"):
        service.paper.assign_blank(first_blank.code, member)
    assert service.paper.sheet(second_blank.paper_id).is_blank
