"""``report paper-quiz`` prints one CODE<TAB>name line per paper; ``results enter`` scores a paper by its code."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from quiz.api.answers import ChoiceAnswer, ChoicesAnswer, PairsAnswer
from quiz.api.members import MemberDraft
from quiz.api.paper_entry import token_for
from quiz.engine.answer_credit import key_indexes
from quiz.service import Service
from quiz.services.attempt_views import keyed
from quiz.services.context import Actor
from quiz.storage.models.attempts import AttemptItem
from quiz.storage.models.bank import Question
from tests.unit.quiz.services.paper_helpers import attempt_of
from tests.unit.reports.pdf_tools import all_text


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main.main(arguments)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_print_a_chi_bo_then_enter_one_paper(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service = Service.open(database_url, actor=Actor.admin())
    service.documents.import_seeds_if_empty()
    chi_bo = service.members.create_unit("Chi bộ Thôn Đồng Tâm", "chi_bo").id
    names = ["Nguyễn Văn Bình", "Hoàng Thị Lan"]
    for name in names:
        service.members.add_member(MemberDraft(full_name=name, chi_bo_id=chi_bo))
    output = tmp_path / "giay.pdf"
    code, out, err = run(
        ["--db", database_url, "report", "paper-quiz", "--chi-bo", "dong tam", "--blank", "1", "-o", str(output)],
        capsys,
    )
    assert code == 0, err
    lines = [line.split("\t") for line in out.splitlines()]
    blank_code, blank_name = lines.pop()
    assert blank_name == "(để trống)"
    assert sorted(name for _, name in lines) == sorted(names)
    text = all_text(output.read_bytes())
    assert all(f"Mã bài: {paper_code}" in text for paper_code, _ in lines)

    paper_code, name = lines[0]
    sheet = service.paper.sheet(paper_code)
    with service.database.sessions() as session:
        items = session.query(AttemptItem).filter_by(attempt_id=attempt_of(sheet)).order_by(AttemptItem.position).all()
        keys = []
        for item in items:
            stored = session.get(Question, item.question_id)
            assert stored is not None
            keys.append(list(key_indexes(keyed(stored), item.option_order)))
    # Every question right except the first, left blank.
    tokens = ["-"]
    for question, key in zip(sheet.questions[1:], keys[1:], strict=True):
        response = (
            PairsAnswer(tuple(key))
            if question.type == "matching"
            else ChoicesAnswer(tuple(key))
            if question.type == "multi"
            else ChoiceAnswer(key[0])
        )
        tokens.append(token_for(question, response))
    code, out, err = run(
        ["--db", database_url, "results", "enter", "--attempt", paper_code.lower(), "--answers", " ".join(tokens)],
        capsys,
    )
    assert code == 0, err
    total = len(sheet.questions)
    assert f"{name}: {total - 1}/{total} câu đúng" in out
    assert service.quizzes.results(attempt_of(sheet)).correct_count == total - 1

    code, _, err = run(["--db", database_url, "results", "enter", "--attempt", paper_code, "--answers", "A"], capsys)
    assert code == 2 and "đã được nhập" in err
    mistyped = paper_code[:-1] + ("3" if paper_code[-1] != "3" else "4")
    code, _, err = run(["--db", database_url, "results", "enter", "--attempt", mistyped, "--answers", "A"], capsys)
    assert code == 2 and err.startswith("Lỗi: Mã bài làm không đúng")
    # A blank copy needs the member who wrote it.
    code, _, err = run(["--db", database_url, "results", "enter", "--attempt", blank_code, "--answers", "-"], capsys)
    assert code == 2 and "--member" in err
    blanks = " ".join(["-"] * total)
    code, out, err = run(
        [
            "--db",
            database_url,
            "results",
            "enter",
            "--attempt",
            blank_code,
            "--answers",
            blanks,
            "--member",
            "hoang thi lan",
        ],
        capsys,
    )
    assert code == 0, err
    assert out.startswith(f"Hoàng Thị Lan: 0/{total} câu đúng")
    service.close()
