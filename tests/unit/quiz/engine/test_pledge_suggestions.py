"""Pledge suggestions are short personal lines from task and target items, never a report of who said what."""

from __future__ import annotations

import pytest

from quiz.engine.pledge_suggestions import CandidateSentence, personal_lines, suggest


@pytest.mark.parametrize(
    "sentence",
    [
        "Bí Thư Tỉnh ủy Nguyễn Văn An nhấn mạnh những nội dung trọng tâm cần tập trung thực hiện trong nhiệm kỳ.",
        "Phát biểu chỉ đạo hội nghị, đồng chí Bí thư yêu cầu các cấp ủy nâng cao chất lượng sinh hoạt.",
        "Ban Thường vụ Tỉnh ủy chỉ đạo xây dựng kế hoạch thực hiện Nghị quyết trước ngày 30/9/2022.",
        "Hội nghị có 280 đại biểu tham dự.",
    ],
)
def test_reports_and_a_leaders_duty_give_no_line(sentence: str) -> None:
    assert personal_lines(sentence) == []


def test_each_item_of_a_list_becomes_its_own_short_line() -> None:
    sentence = (
        "Đại hội xác định 3 khâu đột phá: Phát triển hạ tầng giao thông kết nối vùng; Đẩy mạnh cải cách hành "
        "chính; Đào tạo nguồn nhân lực chất lượng cao cho nông nghiệp."
    )
    assert personal_lines(sentence) == [
        "Tham gia phát triển hạ tầng giao thông kết nối vùng",
        "Tham gia đẩy mạnh cải cách hành chính",
        "Tham gia đào tạo nguồn nhân lực chất lượng cao cho nông nghiệp",
    ]


def test_a_long_item_is_cut_to_its_label_and_a_target_names_its_figure() -> None:
    long_item = (
        "1. Nâng cao nhận thức, đổi mới tư duy về chuyển đổi số trong cán bộ, đảng viên, Nhân dân và doanh nghiệp."
    )
    assert personal_lines(long_item) == [
        "Tham gia nâng cao nhận thức, đổi mới tư duy về chuyển đổi số trong cán bộ, đảng viên"
    ]
    no_comma = (
        "Tập trung phát triển nguồn nhân lực chất lượng cao gắn với tăng nhanh quy mô và nâng cao chất lượng dịch vụ."
    )
    assert personal_lines(no_comma) == [
        "Tham gia tập trung phát triển nguồn nhân lực chất lượng cao gắn với tăng nhanh quy mô"
    ]
    assert personal_lines("- Kinh tế số đạt tối thiểu 30% GRDP;") == [
        "Góp phần thực hiện: kinh tế số đạt tối thiểu 30% GRDP"
    ]


def test_suggestions_put_question_items_first_and_skip_reports() -> None:
    suggestions = suggest(
        [
            CandidateSentence("Đồng chí Bí thư nhấn mạnh phải đẩy mạnh chuyển đổi số.", None, False),
            CandidateSentence("Các chi bộ quán triệt Nghị quyết đến từng đảng viên.", None, False),
            CandidateSentence("- Tỷ lệ đảng viên được học tập đạt 100%.", "section", True),
        ]
    )
    assert [suggestion.content for suggestion in suggestions] == [
        "Góp phần thực hiện: tỷ lệ đảng viên được học tập đạt 100%",
        "Tham gia quán triệt Nghị quyết đến từng đảng viên",
    ]
    assert suggestions[0].section_id == "section"
