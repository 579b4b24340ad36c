"""Reports built from a real facade: a member's studies, exams and pledge; the unit; the CLI commands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from main import main
from quiz.api.attempts import QuizSettingsData
from quiz.api.members import MemberDraft
from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.errors import UserError
from quiz.service import Service
from reports.collect import collect_form
from reports.collect_unit import collect_unit
from reports.model import FormLayout
from reports.render import render_chi_bo_forms, render_member_form, render_unit_report
from tests.unit.quiz.engine.factories import MadeDocument, add_document, right_response
from tests.unit.reports.pdf_tools import all_text, page_texts

ROWS = (
    Commitment("Gương mẫu đi đầu <b>chuyển đổi số</b> & cải cách", "Học một kỹ năng số mỗi quý", "Quý IV/2025"),
    Commitment("Giữ gìn đoàn kết nội bộ", "Góp ý thẳng thắn", "Thường xuyên", "Tự theo dõi", "Đạo đức, lối sống"),
)


@pytest.fixture
def unit(service: Service) -> dict[str, str]:
    dang_bo = service.members.create_unit("Xã Hồng Phong", "dang_bo")
    chi_bo = service.members.create_unit("Thôn Đông Thành", "chi_bo", dang_bo.id)
    other = service.members.create_unit("Chi bộ Trường Mầm non", "chi_bo", dang_bo.id)
    service.settings.set("place_name", "Hồng Phong")
    return {"chi_bo": chi_bo.id, "other": other.id}


@pytest.fixture
def document(service: Service) -> MadeDocument:
    made = add_document(service, title="Nghị quyết về xây dựng nông thôn mới kiểu mẫu", section_count=3)
    service.quizzes.save_settings(QuizSettingsData(made.document_id, question_count=6, pass_mark_percent=50))
    return made


def member(service: Service, name: str, chi_bo_id: str) -> str:
    draft = MemberDraft(full_name=name, chi_bo_id=chi_bo_id, job_position="Kế toán", workplace="Ủy ban xã")
    return service.members.add_member(draft).id


def finish_member(service: Service, member_id: str, document: MadeDocument) -> None:
    """Study every section, pass an exam and hand in a finalised pledge."""
    for section_id in document.section_ids:
        service.progress.mark_studied(member_id, section_id)
    view = service.quizzes.start_attempt(member_id, document.document_id, "exam")
    for question in view.questions:
        service.quizzes.answer(view.id, question.position, right_response(service, view.id, question.position))
    service.quizzes.submit(view.id)
    questions = service.pledges.reflection_questions()
    answers = [ReflectionAnswer(question, f"Trả lời cho câu: {question}") for question in questions]
    service.pledges.save_draft(member_id, document.document_id, answers, ROWS)
    service.pledges.finalise(member_id, document.document_id)


def test_member_form_shows_profile_studies_exam_and_pledge(
    service: Service, unit: dict[str, str], document: MadeDocument, tmp_path: Path
) -> None:
    member_id = member(service, "Trịnh Thị Hằng", unit["chi_bo"])
    finish_member(service, member_id, document)
    data = collect_form(service, member_id)
    assert data.header.party_committee == "Đảng bộ Xã Hồng Phong"
    assert data.header.chi_bo == "Chi bộ Thôn Đông Thành"
    assert all(section.studied for section in data.sections) and len(data.sections) == 3
    assert sum(section.answered for section in data.sections) == 6
    assert [(attempt.score, attempt.passed) for attempt in data.attempts] == [(10.0, True)]
    path = render_member_form(service, member_id, tmp_path / "form.pdf")
    text = all_text(path.read_bytes())
    for expected in (
        "ĐẢNG BỘ XÃ HỒNG PHONG",
        "CHI BỘ THÔN ĐÔNG THÀNH",
        "Hồng Phong, ngày",
        "Nghị quyết về xây dựng nông thôn mới kiểu mẫu",
        "Họ và tên: Trịnh Thị Hằng",
        "Chức vụ: Kế toán",
        "10,00/10",
        "Gương mẫu đi đầu <b>chuyển đổi số</b> & cải cách",
        "Đạo đức, lối sống",
        "Trả lời cho câu:",
    ):
        assert expected in text


def test_settings_choose_the_separate_layout_and_labels(
    service: Service, unit: dict[str, str], document: MadeDocument
) -> None:
    member_id = member(service, "Lý Văn Toàn", unit["chi_bo"])
    service.settings.set("form_layout", "separate")
    service.settings.set("form_labels", {"title_commitment": "KẾ HOẠCH CÁ NHÂN", "unknown": "bỏ qua"})
    service.settings.set("form_fields", [["full_name", "Đồng chí"], ["card_number", "Số thẻ"]])
    data = collect_form(service, member_id)
    assert data.layout is FormLayout.SEPARATE
    assert data.labels.title_commitment == "KẾ HOẠCH CÁ NHÂN"
    assert [(field.label, field.value) for field in data.identity] == [("Đồng chí", "Lý Văn Toàn"), ("Số thẻ", "")]
    assert data.attempts == () and data.commitments == ()


def test_unit_report_counts_each_chi_bo_and_lists_who_is_not_done(
    service: Service, unit: dict[str, str], document: MadeDocument, tmp_path: Path
) -> None:
    done = member(service, "Trịnh Thị Hằng", unit["chi_bo"])
    member(service, "Đặng Văn Lâm", unit["chi_bo"])
    member(service, "Cao Thị Mai", unit["other"])
    finish_member(service, done, document)
    data = collect_unit(service)
    assert data.total.members == 3 and data.total.passed == 1 and data.total.pledged == 1
    assert {row.name: row.members for row in data.rows} == {"Chi bộ Trường Mầm non": 1, "Thôn Đông Thành": 2}
    assert {member.name for member in data.pending} == {"Đặng Văn Lâm", "Cao Thị Mai"}
    text = all_text(render_unit_report(service, tmp_path / "unit.pdf").read_bytes())
    assert "1/3 (33,33 %)" in text and "Đặng Văn Lâm" in text
    one = collect_unit(service, "dong thanh")
    assert [row.members for row in one.rows] == [2] and one.total.members == 2
    assert {member.name for member in one.pending} == {"Đặng Văn Lâm"}
    workbook = load_workbook(io.BytesIO(render_unit_report(service, tmp_path / "unit.xlsx").read_bytes()))
    assert workbook["Tổng hợp"]["B5"].value == 3


def test_chi_bo_batch_prints_every_member_and_reports_progress(
    service: Service, unit: dict[str, str], document: MadeDocument, tmp_path: Path
) -> None:
    names = ["Trịnh Thị Hằng", "Đặng Văn Lâm"]
    for name in names:
        member(service, name, unit["chi_bo"])
    calls: list[tuple[int, int]] = []
    path = render_chi_bo_forms(service, "Đông Thành", tmp_path / "forms.pdf", lambda *call: calls.append(call))
    pages = page_texts(path.read_bytes())
    assert sum("ĐẢNG CỘNG SẢN VIỆT NAM" in page for page in pages) == 2
    assert all(any(f"Họ và tên: {name}" in page for page in pages) for name in names)
    assert calls[-1] == (4, 4) and calls[0] == (0, 4)


def test_bad_requests_are_refused_in_vietnamese(service: Service, unit: dict[str, str], tmp_path: Path) -> None:
    member_id = member(service, "Trịnh Thị Hằng", unit["chi_bo"])
    with pytest.raises(UserError, match="Chưa có văn bản"):
        render_member_form(service, member_id, tmp_path / "form.pdf")
    add_document(service, title="Nghị quyết thử")
    with pytest.raises(UserError, match=r"kết thúc bằng \.pdf"):
        render_member_form(service, member_id, tmp_path / "form.docx")
    with pytest.raises(UserError, match="Không tìm thấy chi bộ"):
        render_chi_bo_forms(service, "Không có", tmp_path / "forms.pdf")
    with pytest.raises(UserError, match="chưa có đảng viên"):
        render_chi_bo_forms(service, "Mầm non", tmp_path / "forms.pdf")
    with pytest.raises(UserError, match="Không ghi được tệp"):
        render_member_form(service, member_id, tmp_path / "missing-folder" / "form.pdf")
    assert not list(tmp_path.glob("*.tmp")) and not (tmp_path / "form.docx").exists()


def test_cli_report_commands_write_files(
    service: Service, unit: dict[str, str], document: MadeDocument, any_database_url: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    member_id = member(service, "Trịnh Thị Hằng", unit["chi_bo"])
    finish_member(service, member_id, document)
    base = ["--db", any_database_url, "report"]
    assert main([*base, "member", "--member", "trinh thi hang", "-o", str(tmp_path / "m.pdf")]) == 0
    assert main([*base, "unit", "--chi-bo", "Đông Thành", "-o", str(tmp_path / "u.xlsx")]) == 0
    assert main([*base, "forms", "--chi-bo", "dong thanh", "-o", str(tmp_path / "f.pdf")]) == 0
    assert "Họ và tên: Trịnh Thị Hằng" in all_text((tmp_path / "m.pdf").read_bytes())
    assert load_workbook(tmp_path / "u.xlsx").sheetnames[0] == "Tổng hợp"
    assert "Trịnh Thị Hằng" in all_text((tmp_path / "f.pdf").read_bytes())
    assert main([*base, "member", "--member", "Không Ai", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "Lỗi: Không tìm thấy đảng viên" in capsys.readouterr().err
    assert main([*base, "unit", "-o", str(tmp_path / "u.csv")]) == 2
