"""Each fact kind on short texts written for the rule it tests."""

from __future__ import annotations

from quiz.facts import Fact, extract_facts
from quiz.importing.pipeline import parse_text


def _facts(text: str, kind: str) -> list[Fact]:
    return [fact for fact in extract_facts(parse_text("Tiêu đề thử\n\n" + text)) if fact.kind == kind]


def test_titles_before_and_after_the_name() -> None:
    before = _facts("Bí thư Huyện ủy, Chủ tịch HĐND huyện Trần Văn Bình phát biểu.", "person")
    after = _facts("Đồng chí Lê Thị Mai, Phó Bí thư Thường trực Tỉnh ủy, dự hội nghị.", "person")
    assert [(fact.answer, fact.titles) for fact in before] == [
        ("Trần Văn Bình", ("Bí thư Huyện ủy", "Chủ tịch HĐND huyện"))
    ]
    assert [(fact.answer, fact.titles) for fact in after] == [("Lê Thị Mai", ("Phó Bí thư Thường trực Tỉnh ủy",))]


def test_a_place_before_the_name_stays_in_the_title() -> None:
    found = _facts("Bí thư Tỉnh ủy Hà Nam Đỗ Văn Hùng kết luận hội nghị.", "person")
    assert [(fact.answer, fact.titles) for fact in found] == [("Đỗ Văn Hùng", ("Bí thư Tỉnh ủy Hà Nam",))]


def test_a_name_without_a_title_is_not_a_person_fact() -> None:
    assert _facts("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", "person") == []


def test_acronyms_need_an_expansion_in_the_text() -> None:
    found = _facts("Nâng cao Chỉ số cải cách hành chính (PAR Index) và vai trò của UBND các cấp.", "acronym")
    assert [(fact.answer, fact.expansion) for fact in found] == [("PAR Index", "Chỉ số cải cách hành chính")]


def test_ordinals_in_both_tone_styles_and_periods_with_any_dash() -> None:
    text = "Đại hội khoá XIV, nhiệm kỳ 2020—2025 và khóa XV, nhiệm kỳ 2025 - 2030 đã thành công."
    assert [fact.answer for fact in _facts(text, "ordinal")] == ["XIV", "XV"]
    assert [fact.answer for fact in _facts(text, "period")] == ["2020—2025", "2025 - 2030"]


def test_achieved_target_and_range_numbers() -> None:
    found = _facts("Thu ngân sách đạt 12.350/10.000 tỷ đồng; tăng trưởng đạt 6-7 % mỗi năm.", "number")
    assert [(fact.answer, fact.value, fact.target, fact.high, fact.unit) for fact in found] == [
        ("12.350/10.000", 12350.0, 10000.0, None, "tỷ đồng"),
        ("6-7", 6.0, None, 7.0, "%"),
    ]


def test_references_are_not_numbers() -> None:
    text = "Thực hiện Chỉ thị 35-CT/TW và Nghị quyết số 09-NQ/TU, đơn vị tổ chức 12 hội nghị."
    assert [fact.answer for fact in _facts(text, "reference")] == ["Chỉ thị 35-CT/TW", "Nghị quyết số 09-NQ/TU"]
    assert [fact.answer for fact in _facts(text, "number")] == ["12"]


def test_breakdown_parts_get_their_subjects() -> None:
    text = (
        "Đại hội thông qua 12 chỉ tiêu, trong đó về kinh tế có 5 chỉ tiêu, xã hội 4 chỉ tiêu, 3 chỉ tiêu về môi trường."
    )
    found = _facts(text, "number")
    assert [(fact.answer, fact.subject) for fact in found] == [
        ("12", ""),
        ("5", "kinh tế"),
        ("4", "xã hội"),
        ("3", "môi trường"),
    ]


def test_a_list_count_must_match_its_items() -> None:
    matching = _facts("Đơn vị đề ra 3 nhiệm vụ: làm việc A; làm việc B; làm việc C.", "list")
    wrong = _facts("Đơn vị đề ra 4 nhiệm vụ: làm việc A; làm việc B; làm việc C.", "list")
    assert [(fact.count, fact.items) for fact in matching] == [(3, ("làm việc A", "làm việc B", "làm việc C"))]
    assert wrong == []


def test_a_list_of_clauses_after_a_colon_splits_on_commas() -> None:
    text = "Hội viên có nhiệm vụ: tuyên truyền tới từng hộ, vận động tham gia phong trào, góp ý xây dựng chi bộ."
    found = _facts(text, "list")
    assert [len(fact.items) for fact in found] == [3]


def test_targets() -> None:
    text = "Tỉnh phấn đấu đến năm 2030, trở thành tỉnh công nghiệp; xây dựng Hà Nam trở thành trung tâm du lịch."
    found = _facts(text, "target")
    assert ("Hà Nam", "trung tâm du lịch") in [(fact.subject, fact.answer) for fact in found]


def test_deadlines_keep_their_qualifier() -> None:
    found = _facts("Các chi bộ hoàn thành trước ngày 15/11 và chậm nhất đến năm 2023 báo cáo kết quả.", "date")
    assert [(fact.answer, fact.qualifier) for fact in found] == [("15/11", "trước"), ("2023", "chậm nhất đến")]
