"""BankService: generation after import, admin edits surviving re-generation, GIFT/Moodle exchange."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.api.bank import QuestionEdit
from quiz.api.members import MemberDraft
from quiz.errors import AccessDenied, UserError
from quiz.service import Service
from tests.conftest import REPOSITORY, TEST_DATA

DOCUMENT = TEST_DATA / "generator" / "tin-tinh-hoi-nghi.txt"


def _import(service: Service) -> str:
    return service.documents.import_file(DOCUMENT).id


def test_import_generates_a_bank_tied_to_sections(service: Service) -> None:
    document_id = _import(service)
    questions = service.bank.list_questions(document_id=document_id)
    assert len(questions) >= 10
    sections = {section.id for section in service.documents.sections(document_id)}
    text = service.documents.document_text(document_id)
    for question in questions:
        assert question.section_id in sections
        assert text[question.sentence_start : question.sentence_end] == question.sentence
        assert question.origin == "generated" and question.enabled and not question.edited


def test_members_get_sentence_spans_but_never_the_answer_keys(service: Service) -> None:
    document_id = _import(service)
    enabled = service.bank.list_questions(document_id=document_id, enabled=True)
    member = service.members.add_member(MemberDraft(full_name="Lê Văn Bình"))
    service.accounts.sign_in_member(member.id)
    spans = service.bank.fact_sentence_spans(document_id)
    assert spans == sorted({(question.sentence_start, question.sentence_end) for question in enabled})
    with pytest.raises(AccessDenied):
        service.bank.list_questions(document_id=document_id)
    with pytest.raises(AccessDenied):
        service.bank.get(enabled[0].id)


def test_regeneration_keeps_ids_edits_and_disabled_flags(service: Service) -> None:
    document_id = _import(service)
    before = service.bank.list_questions(document_id=document_id)
    edited, disabled = before[0], before[1]
    service.bank.update(edited.id, QuestionEdit(prompt="Câu hỏi đã sửa?", explanation="Giải thích của bí thư"))
    service.bank.set_enabled(disabled.id, False)
    added = service.bank.add(document_id, "truefalse", "Chi bộ họp mỗi tháng một lần.", ("Đúng", "Sai"), (0,))
    count = service.bank.generate_for_document(document_id)
    after = {question.id: question for question in service.bank.list_questions(document_id=document_id)}
    assert count == len(before) - 0 and set(after) == {q.id for q in before} | {added.id}
    assert after[edited.id].prompt == "Câu hỏi đã sửa?" and after[edited.id].edited
    assert not after[disabled.id].enabled
    assert after[added.id].origin == "admin"
    assert len(service.bank.list_questions(document_id=document_id, enabled=True)) == len(after) - 1


def test_bad_edits_are_refused(service: Service) -> None:
    document_id = _import(service)
    question = service.bank.list_questions(document_id=document_id, type="single")[0]
    with pytest.raises(UserError):
        service.bank.update(question.id, QuestionEdit(correct=(9,)))
    with pytest.raises(TypeError):
        QuestionEdit(owner="x")  # type: ignore[call-arg]
    assert service.bank.get(question.id) == question


def test_export_and_import_gift(service: Service, tmp_path: Path) -> None:
    document_id = _import(service)
    enabled = service.bank.list_questions(enabled=True)
    gift, xml = tmp_path / "bank.gift", tmp_path / "bank.xml"
    assert service.bank.export("gift", gift) == len(enabled)
    assert service.bank.export("moodle-xml", xml) == len(enabled)
    assert xml.read_text(encoding="utf-8").count("<question ") == len(enabled)
    imported = service.bank.import_gift(gift, document_id)
    assert imported == len(enabled)
    assert service.bank.import_gift(gift, document_id) == 0
    origins = [question.origin for question in service.bank.list_questions(document_id=document_id)]
    assert origins.count("imported") == len(enabled)


def test_a_bad_gift_file_adds_nothing(service: Service, tmp_path: Path) -> None:
    document_id = _import(service)
    count = len(service.bank.list_questions())
    bad = tmp_path / "bad.gift"
    bad.write_text("Câu một? {=A ~B}\n\nCâu hai không có đáp án\n", encoding="utf-8")
    with pytest.raises(UserError):
        service.bank.import_gift(bad, document_id)
    assert len(service.bank.list_questions()) == count


def _main(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPOSITORY / "main.py"), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPOSITORY,
        check=False,
    )


def test_cli_facts_and_questions_json() -> None:
    facts = json.loads(_main("facts", str(DOCUMENT), "--json").stdout)
    assert {"kind", "answer", "sentence", "section", "start", "end"} <= set(facts[0])
    assert any(fact["kind"] == "person" and fact["titles"] for fact in facts)
    questions = json.loads(_main("questions", str(DOCUMENT), "--json", "--seed", "3").stdout)
    keys = {"id", "type", "prompt", "choices", "correct", "answers", "pairs", "source", "explanation", "difficulty"}
    assert all(keys <= set(question) for question in questions)


def test_cli_bank_export(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    output = tmp_path / "bank.gift"
    result = _main("--db", url, "bank", "export", "--format", "gift", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert output.exists()
