"""Several PCs writing to one PostgreSQL server at once: no lost update, no crash, every answer kept."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quiz.api import answers as answer_types
from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.attempts import answers_of
from tests.conftest import POSTGRES_URL, reset_postgres_schema
from tests.unit.quiz.engine.factories import right_response, wrong_response
from tests.unit.quiz.packages.helpers import UnitSetup, open_pc, row_counts, setup_unit, take_exam

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="NQ_TEST_POSTGRES_URL is not set")


@pytest.fixture
def two_pcs() -> Iterator[tuple[Service, Service]]:
    """Two facades with their own engines (connection pools) on the same server database, as two PCs have."""
    reset_postgres_schema(POSTGRES_URL)
    first = Service.open(POSTGRES_URL, actor=Actor.admin())
    second = Service.open(POSTGRES_URL, actor=Actor.admin())
    yield first, second
    first.close()
    second.close()


@pytest.fixture
def unit(two_pcs: tuple[Service, Service]) -> UnitSetup:
    return setup_unit(two_pcs[0])


def together(*calls: Callable[[], object]) -> list[BaseException]:
    """Run the calls in threads released at the same instant; return what they raised."""
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            call()
        except BaseException as error:  # collected and asserted on by the test
            errors.append(error)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def answering(
    pc: Service, attempt: str, position: int, make: Callable[[Service, str, int], answer_types.Answer]
) -> Callable[[], object]:
    response = make(pc, attempt, position)
    return lambda: pc.quizzes.answer(attempt, position, response)


def answer_count(service: Service, attempt_id: str) -> int:
    with service.database.sessions() as session:
        return len(session.scalars(answers_of(attempt_id)).all())


def test_two_members_answer_at_the_same_time(two_pcs: tuple[Service, Service], unit: UnitSetup) -> None:
    first_pc, second_pc = two_pcs
    attempts = [
        pc.quizzes.start_attempt(member, unit.document_id, "exam", question_count=6).id
        for pc, member in ((first_pc, unit.member_ids[0]), (second_pc, unit.member_ids[2]))
    ]
    for position in range(6):
        errors = together(
            *(
                lambda pc=pc, attempt=attempt, position=position: pc.quizzes.answer(
                    attempt, position, right_response(pc, attempt, position)
                )
                for pc, attempt in zip(two_pcs, attempts, strict=True)
            )
        )
        assert errors == []
    results = [pc.quizzes.submit(attempt) for pc, attempt in zip(two_pcs, attempts, strict=True)]
    assert [result.correct_count for result in results] == [6, 6]


def test_same_member_answers_on_two_pcs(two_pcs: tuple[Service, Service], unit: UnitSetup) -> None:
    first_pc, second_pc = two_pcs
    attempt = first_pc.quizzes.start_attempt(unit.member_ids[0], unit.document_id, "exam", question_count=6).id
    for position in range(0, 6, 2):
        errors = together(
            answering(first_pc, attempt, position, right_response),
            answering(second_pc, attempt, position + 1, wrong_response),
        )
        assert errors == []
    assert answer_count(first_pc, attempt) == 6
    assert first_pc.quizzes.submit(attempt).correct_count == 3


def test_same_question_answered_on_two_pcs_keeps_one_answer(two_pcs: tuple[Service, Service], unit: UnitSetup) -> None:
    first_pc, second_pc = two_pcs
    attempt = first_pc.quizzes.start_attempt(unit.member_ids[0], unit.document_id, "practice", question_count=6).id
    right, wrong = right_response(first_pc, attempt, 0), wrong_response(first_pc, attempt, 0)
    for _ in range(8):
        errors = together(
            lambda: first_pc.quizzes.answer(attempt, 0, right),
            lambda: second_pc.quizzes.answer(attempt, 0, wrong),
        )
        assert errors == []
    assert answer_count(first_pc, attempt) == 1
    with first_pc.database.sessions() as session:
        answer = session.scalars(answers_of(attempt)).one()
        assert answer.response in (answer_types.answer_to_json(right), answer_types.answer_to_json(wrong))
        # 16 writes alternating between two responses: every write after the first that changed it was counted.
        assert answer.changed_count >= 8


def test_pledge_saved_on_two_pcs_at_once_loses_no_version(two_pcs: tuple[Service, Service], unit: UnitSetup) -> None:
    member, document = unit.member_ids[0], unit.document_id
    questions = two_pcs[0].pledges.reflection_questions()

    def save(pc: Service, text: str) -> Callable[[], object]:
        reflections = [ReflectionAnswer(question, text) for question in questions]
        return lambda: pc.pledges.save_draft(member, document, reflections, [Commitment(text)])

    rounds = 6
    for number in range(rounds):
        errors = together(save(two_pcs[0], f"Máy một, lần {number}"), save(two_pcs[1], f"Máy hai, lần {number}"))
        assert errors == []
    pledge = two_pcs[1].pledges.get(member, document)
    # Every save changed the content, so every one made a version: none was overwritten unseen.
    assert pledge.version == 2 * rounds
    assert pledge.commitments[0].content.endswith(f"lần {rounds - 1}")


def test_two_pcs_merging_the_same_packages_at_once(
    two_pcs: tuple[Service, Service], unit: UnitSetup, tmp_path: Path
) -> None:
    office = open_pc(tmp_path, "chi-bo")
    setup = tmp_path / "setup.nqpkg"
    two_pcs[0].results.export(setup, include_document=True)
    office.results.import_packages([setup])
    for member in unit.member_ids:
        take_exam(office, member, unit.document_id, right=3)
    package = tmp_path / "ket-qua.nqpkg"
    office.results.export(package)
    before = row_counts(two_pcs[0])
    errors = together(*(lambda pc=pc: pc.results.import_packages([package]) for pc in two_pcs))
    assert errors == []
    after = row_counts(two_pcs[0])
    assert after["attempts"] - before["attempts"] == len(unit.member_ids)
    assert after["answers"] - before["answers"] == 6 * len(unit.member_ids)
