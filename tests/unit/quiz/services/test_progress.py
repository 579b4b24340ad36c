"""Study progress, bookmarks, notes (each member sees only their own) and diacritic-insensitive search."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from quiz.errors import AccessDenied, NotFound, UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.services.progress import MAX_READING_SECONDS_PER_CALL
from tests.unit.quiz.services.study_factories import make_document, make_member


def test_opening_reading_and_marking_a_section_is_recorded(service: Service) -> None:
    document = make_document(service)
    member_id = make_member(service)
    first, second, _ = document.section_ids

    service.progress.open_section(member_id, first)
    service.progress.add_reading_time(member_id, first, 30)
    service.progress.add_reading_time(member_id, first, 12.4)
    service.progress.mark_studied(member_id, second)

    listed = service.progress.section_progress(member_id, document.document_id)
    assert [info.section_id for info in listed] == list(document.section_ids)
    assert (listed[0].opened, listed[0].reading_seconds, listed[0].studied) == (True, 42, False)
    assert (listed[1].opened, listed[1].studied) == (True, True)
    assert listed[1].studied_at is not None
    assert (listed[2].opened, listed[2].reading_seconds) == (False, 0)

    unmarked = service.progress.mark_studied(member_id, second, studied=False)
    assert not unmarked.studied and unmarked.studied_at is None


def test_reading_time_is_capped_per_call_and_never_negative(service: Service) -> None:
    document = make_document(service)
    member_id = make_member(service)
    info = service.progress.add_reading_time(member_id, document.section_ids[0], 10 * 3600)
    assert info.reading_seconds == MAX_READING_SECONDS_PER_CALL
    with pytest.raises(UserError):
        service.progress.add_reading_time(member_id, document.section_ids[0], -5)


def test_unknown_section_is_refused_clearly(service: Service) -> None:
    member_id = make_member(service)
    with pytest.raises(NotFound, match="Không tìm thấy"):
        service.progress.open_section(member_id, "no-such-section")


def test_bookmarks_and_notes_belong_to_one_member(service: Service, any_database_url: str) -> None:
    document = make_document(service)
    first, second, _ = document.section_ids
    member_a = make_member(service, "Trần Thị Bình")
    member_b = make_member(service, "Lê Văn Cường")

    def bookmarked(member_id: str) -> list[str]:
        rows = service.progress.section_progress(member_id, document.document_id)
        return [row.section_id for row in rows if row.bookmarked]

    def with_notes(member_id: str) -> list[str]:
        rows = service.progress.section_progress(member_id, document.document_id)
        return [row.section_id for row in rows if row.has_note]

    service.progress.set_bookmark(member_a, second)
    service.progress.set_bookmark(member_a, second)  # idempotent
    service.progress.set_bookmark(member_a, first)
    service.progress.save_note(member_a, first, "Ghi nhớ: chuyển đổi số")
    assert bookmarked(member_a) == [first, second]
    assert service.progress.get_note(member_a, first) == "Ghi nhớ: chuyển đổi số"
    assert bookmarked(member_b) == []
    assert service.progress.get_note(member_b, first) == ""

    service.progress.set_bookmark(member_a, first, bookmarked=False)
    service.progress.save_note(member_a, first, "")
    assert bookmarked(member_a) == [second]
    assert with_notes(member_a) == []

    as_member_b = Service.open(any_database_url, actor=Actor.member(member_b))
    try:
        with pytest.raises(AccessDenied):
            as_member_b.progress.get_note(member_a, first)
        with pytest.raises(AccessDenied):
            as_member_b.progress.section_progress(member_a, document.document_id)
        with pytest.raises(AccessDenied):
            as_member_b.progress.mark_studied(member_a, first)
        as_member_b.progress.save_note(member_b, first, "của tôi")
        assert as_member_b.progress.get_note(member_b, first) == "của tôi"
    finally:
        as_member_b.close()


def test_search_ignores_diacritics_and_case(service: Service) -> None:
    document = make_document(service)

    hits = service.progress.search("dang vien")
    assert {hit.text for hit in hits} == {
        "Xây dựng đội ngũ đảng viên vững mạnh về chính trị.",
        "Các chi bộ quán triệt Nghị quyết đến từng Đảng viên.",
    }
    for hit in hits:
        assert all(hit.text[start:end].lower() == "đảng viên" for start, end in hit.highlights)

    (digital,) = service.progress.search("CHUYEN DOI SO")
    assert digital.document_id == document.document_id
    start, end = digital.highlights[0]
    assert digital.text[start:end] == "chuyển đổi số"
    with service.context.session() as session:
        document_text = session.execute(
            text("SELECT text FROM documents WHERE id = :id"), {"id": document.document_id}
        ).scalar_one()
    assert document_text[digital.start + start : digital.start + end] == "chuyển đổi số"


def test_search_with_the_marks_finds_the_same_and_prefix_matches_the_last_word(service: Service) -> None:
    make_document(service)
    assert len(service.progress.search("đảng viên")) == 2
    assert [hit.text for hit in service.progress.search("giai phap dot")] == [
        "Giải pháp đột phá là cải cách thủ tục hành chính."
    ]
    # Every word must occur, in any order; only the last may be unfinished.
    assert len(service.progress.search("vien dang")) == 2
    assert service.progress.search("dan vien") == []
    assert service.progress.search("   ,,, ") == []


def test_search_follows_sentences_changed_or_deleted_after_import(service: Service) -> None:
    document = make_document(service)
    with service.context.session() as session:
        session.execute(
            text("UPDATE sentences SET text = 'Hội nghị số hoá', folded_text = 'hoi nghi so hoa' WHERE id = :id"),
            {"id": document.sentence_ids[1]},
        )
    assert service.progress.search("chuyen doi so") == []
    assert [hit.sentence_id for hit in service.progress.search("so hoa")] == [document.sentence_ids[1]]
    with service.context.session() as session:
        session.execute(text("DELETE FROM documents WHERE id = :id"), {"id": document.document_id})
    assert service.progress.search("so hoa") == []


def test_search_is_limited_to_one_document_on_request(service: Service) -> None:
    first = make_document(service, "Văn bản một")
    second = make_document(service, "Văn bản hai", [("Phần một", ("Đảng viên gương mẫu.",))])
    assert {hit.document_id for hit in service.progress.search("dang vien")} == {first.document_id, second.document_id}
    assert {hit.document_id for hit in service.progress.search("dang vien", second.document_id)} == {second.document_id}


def test_the_fallback_without_an_index_finds_the_same_sentences(service: Service) -> None:
    make_document(service)
    with_index = [hit.sentence_id for hit in service.progress.search("dang vien")]
    with service.context.session() as session:
        if not service.database.is_sqlite:
            pytest.skip("only SQLite has the FTS5 index; other databases always use the fallback")
        session.execute(text("DROP TRIGGER sentences_fts_insert"))
        session.execute(text("DROP TRIGGER sentences_fts_delete"))
        session.execute(text("DROP TRIGGER sentences_fts_update"))
        session.execute(text("DROP TABLE sentences_fts"))
    without_index = [hit.sentence_id for hit in service.progress.search("dang vien")]
    assert sorted(without_index) == sorted(with_index)
    assert [hit.highlights for hit in service.progress.search("chuyen doi so")] == [((9, 22),)]
