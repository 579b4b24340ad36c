"""DocumentService: import, duplicate refusal, hooks after commit, browsing, section edits, seeds, access."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quiz import paths
from quiz.errors import AccessDenied, NotFound, UserError
from quiz.importing import ImportRefused, parse_file
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.models.documents import Document, Section, Sentence
from quiz.text import fold
from tests.unit.quiz.importing.helpers import IMPORT_DATA, NEWS, RESOLUTION


def row_counts(service: Service) -> tuple[int, int, int]:
    with service.context.session() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0 for model in (Document, Section, Sentence)
        )


def test_import_file_stores_document_sections_and_sentences(service: Service) -> None:
    fractions: list[float] = []
    info = service.documents.import_file(RESOLUTION, progress=fractions.append)
    parsed = parse_file(RESOLUTION)
    assert info.title == parsed.title and info.source_name == "resolution.txt"
    assert info.section_count == len(parsed.sections) == 16
    assert info.imported_at.tzinfo is not None
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert service.documents.count() == 1
    assert service.documents.get(info.id) == info
    assert service.documents.list_documents() == [info]
    text = service.documents.document_text(info.id)
    assert text == parsed.text
    sections = service.documents.sections(info.id)
    assert [(s.title, s.level, s.parent_position) for s in sections] == [
        (s.title, s.level, s.parent) for s in parsed.sections
    ]
    for section in sections:
        assert text[section.start : section.end] == section.text
        for sentence in service.documents.sentences(info.id, section.id):
            assert sentence.section_id == section.id
            assert text[sentence.start : sentence.end] == sentence.text
    all_sentences = service.documents.sentences(info.id)
    assert len(all_sentences) == sum(len(s.sentences) for s in parsed.sections)
    assert [sentence.start for sentence in all_sentences] == sorted(sentence.start for sentence in all_sentences)
    with service.context.session() as session:
        stored = session.scalars(select(Sentence)).all()
        assert all(sentence.folded_text == fold(sentence.text) for sentence in stored)


def test_removed_lines_are_kept_for_the_admin(service: Service) -> None:
    info = service.documents.import_file(NEWS)
    removed = service.documents.removed_lines(info.id)
    assert [line.line for line in removed] == [line.line for line in parse_file(NEWS).removed_lines]
    assert all(line.reason for line in removed)


def test_same_document_gets_the_same_ids_in_another_database(tmp_path: Path) -> None:
    ids = []
    for name in ("a", "b"):
        opened = Service.open(f"sqlite:///{(tmp_path / name).as_posix()}.sqlite3", actor=Actor.admin())
        info = opened.documents.import_file(RESOLUTION)
        ids.append((info.id, [s.id for s in opened.documents.sections(info.id)]))
        opened.close()
    assert ids[0] == ids[1]


def test_duplicate_is_refused_with_the_existing_title_and_nothing_written(service: Service, tmp_path: Path) -> None:
    info = service.documents.import_file(RESOLUTION)
    before = row_counts(service)
    # The same text in another encoding and under another name is still the same document.
    copy = tmp_path / "ban-sao.txt"
    shutil.copy(IMPORT_DATA / "resolution-cp1258.txt", copy)
    with pytest.raises(ImportRefused, match="đã có") as caught:
        service.documents.import_file(copy)
    assert info.title in str(caught.value)
    assert row_counts(service) == before


def test_bad_file_writes_nothing(service: Service, tmp_path: Path) -> None:
    service.documents.import_file(NEWS)
    before = row_counts(service)
    bad = tmp_path / "anh.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(ImportRefused):
        service.documents.import_file(bad)
    assert row_counts(service) == before


def test_after_import_hooks_run_after_commit(service: Service) -> None:
    seen: list[tuple[str, int]] = []

    def hook(document_id: str) -> None:
        # A new session must see the committed rows.
        seen.append((document_id, len(service.documents.sections(document_id))))

    service.documents.after_import.append(hook)
    info = service.documents.import_file(RESOLUTION)
    assert seen == [(info.id, info.section_count)]


def test_failing_hook_is_logged_and_the_import_stands(service: Service, caplog: pytest.LogCaptureFixture) -> None:
    def broken(document_id: str) -> None:
        raise RuntimeError("boom")

    service.documents.after_import.append(broken)
    with caplog.at_level(logging.ERROR):
        info = service.documents.import_file(NEWS)
    assert service.documents.get(info.id).title == info.title
    assert "boom" in caplog.text


def test_import_text_and_import_parsed(service: Service) -> None:
    info = service.documents.import_text(NEWS.read_text(encoding="utf-8"), "dan.txt")
    assert info.source_name == "dan.txt" and info.section_count >= 5
    parsed = parse_file(RESOLUTION)
    assert service.documents.import_parsed(parsed).section_count == len(parsed.sections)


def test_members_cannot_import_or_edit(service: Service, any_database_url: str) -> None:
    info = service.documents.import_file(NEWS)
    member = Service.open(any_database_url, actor=Actor.member("someone"))
    try:
        with pytest.raises(AccessDenied):
            member.documents.import_file(RESOLUTION)
        with pytest.raises(AccessDenied):
            member.documents.import_text("Tiêu đề\n\nMột câu.", "x.txt")
        first = member.documents.sections(info.id)[0]
        with pytest.raises(AccessDenied):
            member.documents.rename_section(first.id, "Tên mới")
        with pytest.raises(AccessDenied):
            member.documents.merge_with_next(first.id)
        with pytest.raises(AccessDenied):
            member.documents.delete(info.id)
        # Reading is open to members: they study these sections.
        assert member.documents.list_documents()[0].id == info.id
    finally:
        member.close()


def test_rename_section(service: Service) -> None:
    info = service.documents.import_file(NEWS)
    first = service.documents.sections(info.id)[0]
    service.documents.rename_section(first.id, "  Khai mạc   hội nghị ")
    assert service.documents.sections(info.id)[0].title == "Khai mạc hội nghị"
    with pytest.raises(UserError):
        service.documents.rename_section(first.id, "   ")
    with pytest.raises(NotFound):
        service.documents.rename_section("khong-co", "Tên")


def test_merge_with_next_sibling(service: Service) -> None:
    info = service.documents.import_file(NEWS)
    before = service.documents.sections(info.id)
    first_sentences = service.documents.sentences(info.id, before[0].id)
    second_sentences = service.documents.sentences(info.id, before[1].id)
    service.documents.merge_with_next(before[0].id)
    after = service.documents.sections(info.id)
    text = service.documents.document_text(info.id)
    assert len(after) == len(before) - 1
    assert [section.position for section in after] == list(range(len(after)))
    merged = after[0]
    assert (merged.start, merged.end) == (before[0].start, before[1].end)
    assert merged.text == text[merged.start : merged.end]
    moved = service.documents.sentences(info.id, merged.id)
    assert [s.id for s in moved] == [s.id for s in first_sentences + second_sentences]
    assert [s.position for s in moved] == list(range(len(moved)))
    assert [s.title for s in after[1:]] == [s.title for s in before[2:]]


def test_merge_keeps_the_tree_consistent(service: Service) -> None:
    info = service.documents.import_file(RESOLUTION)
    sections = service.documents.sections(info.id)
    by_title = {section.title.split()[0] + str(section.level): section for section in sections}
    # "I-" has sub-sections: merging it would break the reading order.
    with pytest.raises(UserError, match="mục con"):
        service.documents.merge_with_next(by_title["I-2"].id)
    # The last item of a list has no following sibling.
    last = sections[-1]
    with pytest.raises(UserError):
        service.documents.merge_with_next(last.id)
    # "b) Mục tiêu cụ thể" is the last child of "1. Mục tiêu"; merge "a)" into it instead.
    first_item = next(s for s in sections if s.title == "a) Mục tiêu tổng quát")
    service.documents.merge_with_next(first_item.id)
    after = service.documents.sections(info.id)
    assert len(after) == len(sections) - 1
    text = service.documents.document_text(info.id)
    for section in after:
        assert text[section.start : section.end] == section.text
        if section.parent_position is not None:
            parent = after[section.parent_position]
            assert parent.level == section.level - 1 and parent.position < section.position


def test_delete_removes_everything_of_the_document(service: Service) -> None:
    kept = service.documents.import_file(NEWS)
    deleted = service.documents.import_file(RESOLUTION)
    service.documents.delete(deleted.id)
    assert [document.id for document in service.documents.list_documents()] == [kept.id]
    with pytest.raises(NotFound):
        service.documents.get(deleted.id)
    with service.context.session() as session:
        assert session.scalar(select(func.count()).where(Section.document_id == deleted.id)) == 0
        assert session.scalar(select(func.count()).where(Sentence.document_id == deleted.id)) == 0
    # Deleted documents can be imported again.
    assert service.documents.import_file(RESOLUTION).id == deleted.id


def test_import_seeds_if_empty(service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(RESOLUTION, seeds / "a.txt")
    shutil.copy(IMPORT_DATA / "plan.docx", seeds / "b.docx")
    (seeds / "c.txt").write_bytes(b"")  # a bad seed is skipped
    (seeds / "ghi-chu.md").write_text("không phải văn bản", encoding="utf-8")
    monkeypatch.setattr(paths, "seed_folder", lambda: seeds)
    member = Service(service.database, actor=None)  # no sign-in needed at first start
    assert member.documents.import_seeds_if_empty() == 2
    assert member.documents.count() == 2
    assert member.documents.import_seeds_if_empty() == 0


def test_real_seed_folder_imports(service: Service) -> None:
    assert service.documents.import_seeds_if_empty() >= 1
    for document in service.documents.list_documents():
        assert 5 <= document.section_count <= 10
