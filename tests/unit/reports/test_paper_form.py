"""The blank member form to fill in by hand: identity and results printed, questions with lines, empty table."""

from __future__ import annotations

from pathlib import Path

from quiz.api.pledges import ReflectionAnswer
from quiz.service import Service
from reports.collect import collect_form
from reports.paper_render import render_blank_forms
from tests.unit.quiz.engine.factories import add_document, add_member
from tests.unit.reports.pdf_tools import all_text, page_texts


def test_the_blank_form_prints_identity_and_questions_but_no_answers(service: Service, tmp_path: Path) -> None:
    made = add_document(service)
    member = add_member(service, "Đặng Thị Mơ")
    pledge = service.pledges.get(member, made.document_id)
    # A draft typed on screen stays out of the blank: the member writes by hand.
    written = [ReflectionAnswer(item.question, "Câu trả lời đã gõ trên máy") for item in pledge.reflections]
    service.pledges.save_draft(member, made.document_id, written, [])
    path = render_blank_forms(service, [member], tmp_path / "ban-giay.pdf", made.document_id)
    data = path.read_bytes()
    text = all_text(data)
    form = collect_form(service, member, made.document_id)
    assert "Đặng Thị Mơ" in text and "Chi bộ Một" in text
    assert "KẾT QUẢ HỌC TẬP NGHỊ QUYẾT" in text and "Chưa làm bài kiểm tra." in text
    for item in pledge.reflections:
        assert item.question in text
    for column in form.labels.commitment_columns:
        assert column in text
    assert "Chưa đăng ký nội dung cam kết" not in text and "Câu trả lời đã gõ trên máy" not in text
    assert all(f" {number} " in text for number in range(1, 7))
    assert "NGƯỜI VIẾT THU HOẠCH VÀ CAM KẾT" in text
    assert len(page_texts(data)) >= 2
