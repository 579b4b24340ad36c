"""Unit progress per chi bộ and in total, member lines, late members and hardest questions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from quiz.api.attempts import QuizSettingsData
from quiz.api.enums import CountingRule
from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.errors import AccessDenied, NotFound
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.attempts import Attempt
from tests.unit.quiz.services.study_factories import (
    GivenAnswer,
    make_document,
    make_member,
    make_question,
    make_submitted_attempt,
    make_unit,
)

IN_TIME = dt.datetime(2025, 11, 10, 3, 0, tzinfo=dt.UTC)
LATE = dt.datetime(2025, 11, 20, 3, 0, tzinfo=dt.UTC)
DEADLINE = dt.date(2025, 11, 15)


class Scenario:
    """Chi bộ 1: An (all studied, 80 %, pledged), Bình (2 of 3 sections, 40 %, draft), Cường (nothing).
    Chi bộ 2: Dũng (all studied; 70 % then 30 %), Em (90 %, after the deadline). Phúc has no chi bộ.
    Chi bộ 3 is empty."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.document = make_document(service)
        self.document_id = self.document.document_id
        self.easy = make_question(service, self.document_id, "fact-easy", prompt="Dễ?")
        self.hard = make_question(service, self.document_id, "fact-hard", prompt="Khó?")
        self.chi_bo_1, self.chi_bo_2, self.chi_bo_3 = make_unit(service, ("Chi bộ 1", "Chi bộ 2", "Chi bộ 3"))
        self.an = make_member(service, "Nguyễn Văn An", self.chi_bo_1)
        self.binh = make_member(service, "Trần Thị Bình", self.chi_bo_1)
        self.cuong = make_member(service, "Lê Văn Cường", self.chi_bo_1)
        self.dung = make_member(service, "Phạm Văn Dũng", self.chi_bo_2)
        self.em = make_member(service, "Hoàng Thị Em", self.chi_bo_2)
        self.phuc = make_member(service, "Đỗ Văn Phúc")
        service.quizzes.save_settings(QuizSettingsData(self.document_id, question_count=2, deadline=DEADLINE))
        for member_id in (self.an, self.dung):
            for section_id in self.document.section_ids:
                service.progress.mark_studied(member_id, section_id)
        for section_id in self.document.section_ids[:2]:
            service.progress.mark_studied(self.binh, section_id)
        self.exam(self.an, 80.0, IN_TIME)
        self.exam(self.binh, 40.0, IN_TIME)
        self.exam(self.dung, 70.0, IN_TIME)
        self.exam(self.dung, 30.0, IN_TIME + dt.timedelta(days=1))
        self.exam(self.em, 90.0, LATE)
        answers = [ReflectionAnswer(question, "Trả lời") for question in service.pledges.reflection_questions()]
        rows = [Commitment("Gương mẫu thực hiện Nghị quyết")]
        service.pledges.save_draft(self.an, self.document_id, answers, rows)
        service.pledges.finalise(self.an, self.document_id)
        service.pledges.save_draft(self.binh, self.document_id, answers, rows)

    def exam(self, member_id: str, percent: float, when: dt.datetime) -> None:
        given = [GivenAnswer(self.easy, 0), GivenAnswer(self.hard, 1)]
        attempt_id = make_submitted_attempt(self.service, member_id, self.document_id, given, submitted_at=when)
        with self.service.context.session() as session:
            session.execute(
                update(Attempt).where(Attempt.id == attempt_id).values(score_percent=percent, passed=percent >= 50)
            )


def test_progress_per_chi_bo_and_in_total(service: Service) -> None:
    scenario = Scenario(service)
    progress = service.unit.unit_progress(scenario.document_id)
    assert progress.sections == 3 and progress.deadline == DEADLINE
    rows = {row.name: row for row in progress.chi_bo}
    assert list(rows) == ["Chi bộ 1", "Chi bộ 2", "Chi bộ 3", "(Chưa xếp chi bộ)"]
    counts = {
        name: (row.members, row.studied, row.took_quiz, row.passed, row.pledged, row.not_done_by_deadline)
        for name, row in rows.items()
    }
    assert counts == {
        "Chi bộ 1": (3, 1, 2, 1, 1, 1),
        "Chi bộ 2": (2, 1, 2, 2, 0, 1),  # best counts: Dũng passed with 70 %; Em passed, but late
        "Chi bộ 3": (0, 0, 0, 0, 0, 0),
        "(Chưa xếp chi bộ)": (1, 0, 0, 0, 0, 1),
    }
    assert (rows["Chi bộ 1"].average_score, rows["Chi bộ 2"].average_score, rows["Chi bộ 3"].average_score) == (
        60.0,
        80.0,
        None,
    )
    total = progress.total
    assert total.name == "Đảng bộ Thử nghiệm"
    assert (total.members, total.studied, total.took_quiz, total.passed, total.pledged) == (6, 2, 4, 3, 1)
    assert total.average_score == 70.0 and total.not_done_by_deadline == 3
    assert total.ratio(total.passed) == "3/6 (50,00 %)"
    as_json = progress.as_dict()
    assert as_json["total"]["studied_text"] == "2/6 (33,33 %)"
    assert as_json["chi_bo"][0]["pledged_percent"] == 33.33


def test_the_last_attempt_counts_when_the_settings_say_so(service: Service) -> None:
    scenario = Scenario(service)
    service.quizzes.save_settings(
        QuizSettingsData(scenario.document_id, question_count=2, deadline=DEADLINE, counting=CountingRule.LAST)
    )
    rows = {row.name: row for row in service.unit.unit_progress(scenario.document_id).chi_bo}
    assert (rows["Chi bộ 2"].passed, rows["Chi bộ 2"].average_score) == (1, 60.0)
    dung = next(row for row in service.unit.member_progress(scenario.document_id) if row.member_id == scenario.dung)
    assert (dung.exam_attempts, dung.best_score, dung.counted_score, dung.passed) == (2, 70.0, 30.0, False)


def test_member_lines_and_late_members(service: Service) -> None:
    scenario = Scenario(service)
    lines = service.unit.member_progress(scenario.document_id, scenario.chi_bo_1)
    assert [line.full_name for line in lines] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    an, binh, cuong = lines
    assert (an.sections_studied, an.studied, an.counted_score, an.passed, an.pledge_state) == (
        3,
        True,
        80.0,
        True,
        "finalised",
    )
    assert (binh.sections_studied, binh.studied, binh.passed, binh.pledge_state) == (2, False, False, "draft")
    assert (cuong.exam_attempts, cuong.best_score, cuong.pledge_state, cuong.done_by_deadline) == (
        0,
        None,
        "none",
        False,
    )
    late = {line.full_name for line in service.unit.members_not_done(scenario.document_id)}
    assert late == {"Lê Văn Cường", "Hoàng Thị Em", "Đỗ Văn Phúc"}


def test_hardest_questions_come_first(service: Service) -> None:
    scenario = Scenario(service)
    hardest = service.unit.hardest_questions(scenario.document_id, limit=2, min_asked=5)
    assert [(item.prompt, item.times_asked, item.times_correct) for item in hardest] == [("Khó?", 5, 0), ("Dễ?", 5, 5)]
    assert service.unit.hardest_questions(scenario.document_id, min_asked=6) == []


def test_the_newest_document_is_the_default_and_an_empty_database_is_refused(service: Service) -> None:
    with pytest.raises(NotFound, match="Chưa có văn bản"):
        service.unit.unit_progress()
    scenario = Scenario(service)
    assert service.unit.current_document_id() == scenario.document_id
    assert service.unit.unit_progress().total.members == 6


def test_only_the_admin_sees_unit_progress(service: Service, any_database_url: str) -> None:
    member_id = make_member(service)
    as_member = Service.open(any_database_url, actor=Actor.member(member_id))
    try:
        with pytest.raises(AccessDenied):
            as_member.unit.unit_progress()
        with pytest.raises(AccessDenied):
            as_member.unit.member_progress()
    finally:
        as_member.close()
