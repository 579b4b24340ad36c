"""The unit summary: PDF figures, chart, lists and fonts; the same tables as XLSX sheets."""

from __future__ import annotations

import dataclasses
import io

from openpyxl import load_workbook

from reports.model import PendingMember, UnitRow
from reports.unit_pdf import build_unit_pdf
from reports.unit_xlsx import build_unit_xlsx
from tests.unit.reports.pdf_tools import all_text, base_fonts, page_sizes, page_texts
from tests.unit.reports.samples import sample_unit

LIBERATION = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


def test_pdf_prints_each_chi_bo_and_the_total_in_reporting_format() -> None:
    text = all_text(build_unit_pdf(sample_unit()))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "BÁO CÁO KẾT QUẢ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT" in text
    assert "Toàn Đảng bộ: tổng số 66 đảng viên; đã học 61/66 (92,42 %)" in text
    assert "Chi bộ thôn Đông Hưng 24 20/24 (83,33 %) 18/24 (75,00 %) 15/24 (62,50 %) 12/24 (50,00 %) 7,25/10" in text
    assert "Toàn Đảng bộ 66 61/66 (92,42 %) 58/66 (87,88 %) 54/66 (81,82 %) 49/66 (74,24 %) 8,00/10" in text


def test_pdf_lists_members_not_done_and_the_hardest_questions() -> None:
    text = all_text(build_unit_pdf(sample_unit()))
    assert "hạn hoàn thành: ngày 30 tháng 3 năm 2024" in text
    assert "Chi bộ thôn Đông Hưng: 1 đảng viên chưa hoàn thành" in text
    assert "1 Trần Văn Bình chưa làm bài kiểm tra; chưa đăng ký cam kết" in text
    assert "Lê Thị Hồng" in text
    assert "Mục tiêu tỷ lệ che phủ rừng đến năm 2030 là bao nhiêu?" in text
    assert "21/58 (36,21 %)" in text


def test_pdf_draws_a_chart_with_liberation_fonts_only_on_a4() -> None:
    data = build_unit_pdf(sample_unit())
    text = all_text(data)
    assert "Biểu đồ" in text
    # The legend and the category labels are chart text, drawn in the bundled font.
    for label in ("Đã làm bài", "Đạt yêu cầu", "Chi bộ Trường Tiểu học"):
        assert label in text
    assert base_fonts(data) <= LIBERATION
    assert page_sizes(data) == {(595.3, 841.9)}


def test_many_chi_bo_and_an_empty_unit_still_render() -> None:
    many = tuple(UnitRow(f"Chi bộ số {number} của xã rất dài tên", 10, number % 10, 5, 4, 3) for number in range(40))
    crowded = dataclasses.replace(sample_unit(), rows=many, pending=(), hardest=())
    text = " ".join(page_texts(build_unit_pdf(crowded)))
    assert "Chi bộ số 39 của xã rất dài tên" in text
    assert "Tất cả đảng viên đã hoàn thành." in text
    empty = dataclasses.replace(sample_unit(), rows=(), total=UnitRow("Toàn Đảng bộ", 0, 0, 0, 0, 0), pending=())
    assert "0/0 (0,00 %)" in all_text(build_unit_pdf(empty))


def test_xlsx_has_one_sheet_per_table_with_numbers_as_numbers() -> None:
    workbook = load_workbook(io.BytesIO(build_unit_xlsx(sample_unit())))
    assert workbook.sheetnames == ["Tổng hợp", "Chưa hoàn thành", "Câu hỏi khó"]
    summary = workbook["Tổng hợp"]
    assert summary["A2"].value == "Chi bộ" and summary["D2"].value == "Tỷ lệ đã học"
    assert [cell.value for cell in summary[4]][:3] == ["Chi bộ thôn Đông Hưng", 24, 20]
    assert summary["D4"].value == 20 / 24 and summary["D4"].number_format == "0.00%"
    assert summary["K4"].value == 7.25
    assert [cell.value for cell in summary[6]][:2] == ["Toàn Đảng bộ", 66]
    assert summary["A6"].font.bold
    pending = workbook["Chưa hoàn thành"]
    assert [cell.value for cell in pending[3]] == [
        1, "Trần Văn Bình", "Chi bộ thôn Đông Hưng", "chưa làm bài kiểm tra; chưa đăng ký cam kết",
    ]  # fmt: skip
    hardest = workbook["Câu hỏi khó"]
    assert hardest["B3"].value == "Mục tiêu tỷ lệ che phủ rừng đến năm 2030 là bao nhiêu?"
    assert (hardest["D3"].value, hardest["E3"].value) == (58, 21)


def test_a_long_pending_list_is_split_per_chi_bo_and_keeps_every_member() -> None:
    missing = (("chưa làm bài kiểm tra",), ("chưa học xong (2/5 phần)", "chưa đăng ký cam kết"), ("chưa đạt yêu cầu",))
    pending = tuple(
        PendingMember(f"Đảng viên {chi_bo}-{number}", f"Chi bộ số {chi_bo}", missing[number % 3])
        for chi_bo in range(1, 4)
        for number in range(1, 121)
    )
    pages = page_texts(build_unit_pdf(dataclasses.replace(sample_unit(), pending=pending)))
    text = " ".join(pages)
    for chi_bo in range(1, 4):
        assert f"Chi bộ số {chi_bo}: 120 đảng viên chưa hoàn thành" in text
        for number in range(1, 121):
            steps = "; ".join(missing[number % 3])
            assert f"{number} Đảng viên {chi_bo}-{number} {steps}" in text
    # A chi bộ's list continued on the next page is named again above its header row.
    continued = [page for page in pages if "Đảng viên 2-60 " in page]
    assert continued and all("Chi bộ số 2: 120 đảng viên chưa hoàn thành" in page for page in continued)
    assert sum(page.count("Chi bộ số 2: 120 đảng viên") for page in pages) >= 2
