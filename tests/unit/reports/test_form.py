"""The member's form PDF: Party header, the member's data, commitment rows, fonts, escaping, page flow."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from reports.form import build_member_form
from reports.model import CommitmentRow, FormLabels, FormLayout, IdentityField
from tests.conftest import REPOSITORY
from tests.unit.reports.pdf_tools import all_text, base_fonts, normalise, page_sizes, page_texts, top_margin_texts
from tests.unit.reports.samples import COMMITMENTS, HEADER, RESOLUTION, long_commitments, sample_form

A4 = (595.3, 841.9)
LIBERATION = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


def test_first_page_has_the_party_header_title_and_dateline() -> None:
    first = page_texts(build_member_form(sample_form()))[0]
    for line in (
        "ĐẢNG BỘ XÃ HÒA BÌNH THƯỢNG",
        "CHI BỘ THÔN ĐỒNG TÂM",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hòa Bình, ngày 05 tháng 3 năm 2024",
        "BẢN THU HOẠCH VÀ ĐĂNG KÝ CAM KẾT",
        normalise(RESOLUTION),
    ):
        assert normalise(line) in first
    assert first.index("ĐẢNG CỘNG SẢN VIỆT NAM") < first.index("BẢN THU HOẠCH VÀ ĐĂNG KÝ CAM KẾT")


def test_member_data_and_every_commitment_row_are_printed_with_diacritics_intact() -> None:
    data = sample_form()
    text = all_text(build_member_form(data))
    for field in data.identity:
        assert normalise(f"{field.label}: {field.value}") in text
    for section in data.sections:
        assert normalise(section.title) in text
    for expected in ("20/02/2024", "6,50/10", "Chưa đạt", "27/02/2024", "8,25/10", "9/10 (90,00 %)", "Chưa học"):
        assert expected in text
    for reflection in data.reflections:
        assert normalise(reflection.question) in text
        for line in reflection.answer.splitlines():
            assert normalise(line) in text
    for row in COMMITMENTS:
        for cell in (row.content, row.measures, row.deadline, row.group):
            assert normalise(cell) in text
    assert "Tự kiểm điểm" in text
    assert "Nguyễn Thị Ánh Tuyết" in text


def test_signature_blocks_are_on_one_page() -> None:
    pages = page_texts(build_member_form(sample_form(long_commitments(30))))
    holding = [page for page in pages if "T/M CHI BỘ" in page]
    assert len(holding) == 1
    for label in ("NHẬN XÉT, XÁC NHẬN CỦA CHI BỘ", "BÍ THƯ", "NGƯỜI VIẾT THU HOẠCH VÀ CAM KẾT", "(Ký, ghi rõ họ tên)"):
        assert label in holding[0]


def test_page_is_a4_and_only_liberation_fonts_are_used() -> None:
    data = build_member_form(sample_form(long_commitments()))
    assert page_sizes(data) == {A4}
    fonts = base_fonts(data)
    assert fonts
    assert fonts <= LIBERATION
    assert not any(name.startswith(("Helvetica", "Times", "Courier", "Symbol")) for name in fonts)


def test_markup_typed_by_the_member_prints_literally() -> None:
    typed = "Tôi cam kết <b>đậm</b> & <para>giữ</para> <i>kỷ luật</i> &amp;"
    form = sample_form(commitments=(CommitmentRow(typed, "A & B <br/>", "<font>Quý I</font>"),), answer=typed)
    text = all_text(build_member_form(form))
    assert text.count(normalise(typed)) == 2
    assert "A & B <br/>" in text
    assert "<font>Quý I</font>" in text


def test_a_long_word_wraps_instead_of_running_off_the_page() -> None:
    word = "https://vi-du.vn/" + "tailieu" * 40
    form = sample_form(commitments=(CommitmentRow(word, word, "Năm 2025"),), answer=word)
    text = all_text(build_member_form(form)).replace(" ", "")
    assert text.count(word) == 3


def test_a_three_page_pledge_repeats_the_table_header_and_numbers_pages_from_two() -> None:
    rows = long_commitments()
    data = build_member_form(sample_form(rows))
    pages = page_texts(data)
    spanned = [page for page in pages if any(f"Việc làm số {number}:" in page for number in range(1, len(rows) + 1))]
    assert len(spanned) >= 3
    for page in spanned:
        assert "STT Nội dung việc làm đăng ký Biện pháp thực hiện Thời gian hoàn thành Ghi chú" in page
    text = " ".join(pages)
    for row in rows:
        assert normalise(row.content) in text
    numbers = top_margin_texts(data)
    assert numbers[0] == ""
    assert numbers[1:] == [str(number) for number in range(2, len(pages) + 1)]


def test_separate_layout_prints_two_documents_each_numbered_from_its_own_start() -> None:
    data = build_member_form(sample_form(long_commitments(30), layout=FormLayout.SEPARATE))
    pages = page_texts(data)
    starts = [index for index, page in enumerate(pages) if "ĐẢNG CỘNG SẢN VIỆT NAM" in page]
    assert len(starts) == 2
    assert "BẢN THU HOẠCH" in pages[starts[0]] and "BẢN ĐĂNG KÝ CAM KẾT" in pages[starts[1]]
    assert "BẢN THU HOẠCH VÀ ĐĂNG KÝ CAM KẾT" not in " ".join(pages)
    assert "NGƯỜI VIẾT THU HOẠCH" in " ".join(pages[: starts[1]])
    assert "NGƯỜI CAM KẾT" in " ".join(pages[starts[1] :])
    numbers = top_margin_texts(data)
    assert numbers[starts[1]] == ""
    assert numbers[starts[1] + 1] == "2"


def test_labels_and_identity_fields_come_from_the_data() -> None:
    labels = FormLabels(title_combined="KẾ HOẠCH CÁ NHÂN THỰC HIỆN NGHỊ QUYẾT", chi_bo_secretary="PHÓ BÍ THƯ")
    form = dataclasses.replace(
        sample_form(), labels=labels, identity=(IdentityField("Số thẻ đảng viên", "12.345"), IdentityField("Tổ", ""))
    )
    text = all_text(build_member_form(form))
    assert "KẾ HOẠCH CÁ NHÂN THỰC HIỆN NGHỊ QUYẾT" in text
    assert "PHÓ BÍ THƯ" in text
    assert "Số thẻ đảng viên: 12.345" in text
    assert "Tổ: ……" in text  # an empty field leaves dots to fill in by hand


def test_empty_form_still_prints_with_the_place_holders() -> None:
    form = dataclasses.replace(sample_form(commitments=()), attempts=(), sections=())
    text = all_text(build_member_form(form))
    assert "Chưa làm bài kiểm tra." in text
    assert "Chưa đăng ký nội dung cam kết." in text


def test_same_data_gives_the_same_bytes() -> None:
    assert build_member_form(sample_form()) == build_member_form(sample_form())


def test_header_without_place_leaves_dots_to_write_the_place_in() -> None:
    # A date line never goes without a place: an install whose place is unknown prints dots to fill by hand.
    form = dataclasses.replace(sample_form(), header=dataclasses.replace(HEADER, place=""))
    first_page = page_texts(build_member_form(form))[0]
    assert "……, ngày 05 tháng 3 năm 2024" in first_page.replace("… …", "……")


def test_a_cell_taller_than_a_page_continues_on_further_rows() -> None:
    huge = " ".join(f"từ{number}" for number in range(1500))
    rows = (*long_commitments(3), CommitmentRow(huge, "Biện pháp", "2025", "ghi chú " * 200), *long_commitments(2))
    text = all_text(build_member_form(sample_form(rows)))
    assert all(f"từ{number} " in text for number in range(1500))
    assert text.count("ghi chú") == 200


def test_importing_the_reports_package_does_not_load_reportlab() -> None:
    code = (
        "import sys, reports, reports.cli, reports.model, reports.render, reports.collect, reports.collect_unit;"
        "print(sorted(name for name in sys.modules if name.startswith(('reportlab', 'openpyxl'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPOSITORY)
    assert result.stdout.strip() == "[]"
