"""The demo unit: structure, determinism by seed, the empty-bank fallback and the demo/progress commands."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import func, select

from main import main
from quiz.api.answers import ChoiceAnswer
from quiz.cli.demo import FALLBACK_ORIGIN, build_demo
from quiz.cli.demo_data import demo_members, demo_response, fallback_question
from quiz.errors import UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.attempts import Attempt
from quiz.storage.models.bank import Question
from tests.unit.quiz.services.study_factories import make_document, make_question

NOW = dt.datetime(2025, 11, 20, 3, 0, tzinfo=dt.UTC)
SECTIONS = (
    ("Mục tiêu", ("Đến năm 2030 có 1.200 doanh nghiệp số.", "Tỷ lệ đô thị hoá đạt 75 % vào năm 2030.")),
    ("Nhiệm vụ", ("Phấn đấu thu hút 350 dự án đầu tư mới.", "Nâng cao năng lực của 4.500 cán bộ cơ sở.")),
    ("Giải pháp", ("Giải pháp đột phá là đào tạo 120 chuyên gia số cho các cơ quan.",)),
)


def _document_with_questions(service: Service) -> str:
    document = make_document(service, "Nghị quyết minh hoạ", SECTIONS)
    for index, section_id in enumerate(document.section_ids * 3):
        make_question(
            service,
            document.document_id,
            f"fact-{index}",
            section_id=section_id,
            prompt=f"Câu hỏi số {index}?",
            choices=("Một", "Hai", "Ba", "Bốn"),
            correct=(index % 4,),
        )
    return document.document_id


def _snapshot(service: Service, document_id: str) -> list[tuple[str, str, float | None, bool, str, bool]]:
    return [
        (line.full_name, line.chi_bo_name, line.counted_score, line.passed, line.pledge_state, line.studied)
        for line in service.unit.member_progress(document_id)
    ]


def test_the_demo_builds_a_realistic_unit_the_same_way_for_the_same_seed(tmp_path: Path) -> None:
    snapshots = []
    for name in ("first", "second"):
        service = Service.open(f"sqlite:///{(tmp_path / name).as_posix()}.sqlite3", actor=Actor.admin())
        try:
            document_id = _document_with_questions(service)
            summary = build_demo(service, seed=7, per_chi_bo=3, now=NOW)
            snapshots.append(_snapshot(service, document_id))
            progress = service.unit.unit_progress(document_id)
            with service.context.session() as session:
                open_attempts = session.scalar(select(func.count()).where(Attempt.submitted_at.is_(None)))
        finally:
            service.close()
        assert summary.fallback_questions == 0 and summary.chi_bo == 3 and summary.members == 9
        assert [row.members for row in progress.chi_bo] == [3, 3, 3]
        assert progress.total.name.startswith("Đảng bộ")
        assert summary.review_cards > 0 and summary.open_attempts == open_attempts
        assert summary.pledges_finalised > 0 and summary.pledges_draft > 0
        # Some members are unfinished: not studied, no exam, or no pledge.
        assert 0 < progress.total.studied < 9 and 0 < progress.total.took_quiz < 9 and progress.total.pledged < 9
    assert snapshots[0] == snapshots[1]
    assert len({name for name, *_ in snapshots[0]}) == 9


def test_the_demo_runs_once_per_database_and_needs_a_document(service: Service) -> None:
    with pytest.raises(UserError, match="Chưa có văn bản"):
        build_demo(service, per_chi_bo=1, now=NOW)
    _document_with_questions(service)
    build_demo(service, per_chi_bo=1, now=NOW)
    with pytest.raises(UserError, match="đã có đơn vị minh hoạ"):
        build_demo(service, per_chi_bo=1, now=NOW)


def test_an_empty_bank_gets_clearly_marked_fallback_questions(service: Service) -> None:
    document = make_document(service, "Nghị quyết không có câu hỏi", SECTIONS)
    summary = build_demo(service, per_chi_bo=2, now=NOW)
    assert summary.fallback_questions == 5
    with service.context.session() as session:
        origins = set(session.scalars(select(Question.origin).where(Question.document_id == document.document_id)))
    assert origins == {FALLBACK_ORIGIN}


def test_fallback_questions_blank_a_number_and_keep_its_format() -> None:
    built = fallback_question("Nâng cao năng lực của 4.500 cán bộ cơ sở.", random.Random(1))
    assert built is not None
    prompt, choices, key = built
    assert prompt == "Nâng cao năng lực của ___ cán bộ cơ sở."
    assert choices[key] == "4.500" and len(set(choices)) == 4
    assert all("." in choice for choice in choices)
    assert fallback_question("Không có số liệu nào.", random.Random(1)) is None


def test_demo_members_and_responses_follow_the_seed() -> None:
    first = demo_members(random.Random(3), 12)  # the command's default: 36 members
    assert first == demo_members(random.Random(3), 12)
    assert len({member.full_name for member in first}) == 36
    assert {member.chi_bo_index for member in first} == {0, 1, 2}
    assert {member.party_position for member in first[:2]} == {"Bí thư chi bộ", "Phó Bí thư chi bộ"}

    class Single:
        type = "single"
        choices = ("A", "B", "C", "D")
        correct = (2,)
        answers = ()
        pairs = ()

    order = (3, 2, 1, 0)
    assert demo_response(Single(), order, True, random.Random(0)) == ChoiceAnswer(1)
    wrong = demo_response(Single(), order, False, random.Random(0))
    assert isinstance(wrong, ChoiceAnswer) and order[wrong.choice] != 2


def test_the_demo_and_progress_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    document_id = _document_with_questions(service)
    service.close()
    assert main(["--db", url, "demo", "--per-chi-bo", "1", "--seed", "5"]) == 0
    assert "Đã tạo dữ liệu minh hoạ" in capsys.readouterr().out
    assert main(["--db", url, "progress", "--json", "--document", document_id]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [row["members"] for row in report["chi_bo"]] == [1, 1, 1]
    assert report["total"]["members"] == 3
    total = report["total"]
    assert total["passed_text"].startswith(f"{total['passed']}/3 (")
    assert main(["--db", url, "demo"]) == 2
    assert "đã có đơn vị minh hoạ" in capsys.readouterr().err
