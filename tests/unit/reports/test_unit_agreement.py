"""The unit progress screen's data, the unit PDF and the XLSX agree on every chi bộ and member of the demo unit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from quiz.api.counting import counted_exam
from quiz.cli.demo import build_demo
from quiz.formatting import format_number, format_ratio
from quiz.service import Service
from reports.render import render_unit_report
from reports.unit_xlsx import PENDING_SHEET, SUMMARY_SHEET
from tests.unit.quiz.services.study_factories import make_document, make_question
from tests.unit.reports.pdf_tools import all_text, normalise

NOW = dt.datetime(2025, 11, 20, 3, 0, tzinfo=dt.UTC)
SECTIONS = (
    ("Mục tiêu", ("Đến năm 2030 có 1.200 doanh nghiệp số.", "Tỷ lệ đô thị hoá đạt 75 % vào năm 2030.")),
    ("Nhiệm vụ", ("Phấn đấu thu hút 350 dự án đầu tư mới.", "Nâng cao năng lực của 4.500 cán bộ cơ sở.")),
)
EXAM_STEPS = ("chưa làm bài kiểm tra", "làm bài kiểm tra sau hạn")


def _demo_unit(service: Service) -> str:
    document = make_document(service, "Nghị quyết minh hoạ", SECTIONS)
    for index, section_id in enumerate(document.section_ids * 4):
        make_question(service, document.document_id, f"fact-{index}", section_id=section_id, correct=(index % 4,))
    build_demo(service, seed=11, per_chi_bo=5, now=NOW)
    return document.document_id


def test_screen_pdf_and_xlsx_agree_on_every_member(service: Service, tmp_path: Path) -> None:
    document_id = _demo_unit(service)
    # What the unit progress page shows (gui/admin/unit_progress_page.py calls exactly these).
    progress = service.unit.unit_progress(document_id)
    late = {member.full_name for member in service.unit.members_not_done(document_id)}
    members = service.unit.member_progress(document_id)
    pdf_text = all_text(render_unit_report(service, tmp_path / "unit.pdf", document_id=document_id).read_bytes())
    workbook = load_workbook(render_unit_report(service, tmp_path / "unit.xlsx", document_id=document_id))
    summary = {row[0]: row[1:] for row in workbook[SUMMARY_SHEET].iter_rows(min_row=3, values_only=True)}
    pending = {row[1]: row[3] for row in workbook[PENDING_SHEET].iter_rows(min_row=3, values_only=True)}
    assert members and late <= {member.full_name for member in members}
    for row in (*progress.chi_bo, progress.total):
        counts = (row.studied, row.took_quiz, row.passed, row.pledged)
        expected = [row.members, *(value for count in counts for value in (count, count / row.members))]
        assert list(summary[row.name][:9]) == expected, row.name
        ratios = (format_ratio(count, row.members) for count in counts)
        cells = " ".join([row.name, format_number(row.members), *ratios])
        assert normalise(cells) in pdf_text, row.name
    for member in members:
        history = service.quizzes.history(member.member_id, document_id)
        counted = counted_exam(history, service.quizzes.get_settings(document_id).counting)
        assert member.counted_score == (counted.score_percent if counted else None), member.full_name
        assert member.passed == (counted.passed if counted else False), member.full_name
        listed = member.full_name in pdf_text
        assert listed == (member.full_name in pending), member.full_name
        assert listed == (member.full_name in late or member.pledge_state != "finalised"), member.full_name
        if member.full_name in late:
            assert any(step in pending[member.full_name] for step in EXAM_STEPS), member.full_name
        elif listed:
            assert not any(step in pending[member.full_name] for step in EXAM_STEPS), member.full_name
