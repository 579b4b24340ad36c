"""Assessment clauses ("còn một số hạn chế …. A chưa …; B còn …") read as structure groups with their label."""

from __future__ import annotations

from quiz.facts import Fact, extract_facts
from quiz.importing.pipeline import parse_text
from quiz.questions.generate import generate_from_facts

# Written for this test: an assessment with its weaknesses announced, then a sentence of shortfalls on its own,
# then clauses that are achievements (no shortfall list).
ASSESSMENT = "\n\n".join(
    [
        "NGHỊ QUYẾT về phát triển nông nghiệp xanh của huyện Tân Thành",
        "I- TÌNH HÌNH VÀ NGUYÊN NHÂN",
        "Sau 5 năm thực hiện, sản xuất nông nghiệp của huyện có bước phát triển khá, đời sống được cải thiện.",
        "Tuy nhiên, việc thực hiện vẫn còn một số hạn chế, yếu kém, chưa đáp ứng yêu cầu phát triển bền vững.",
        "Việc quy hoạch vùng sản xuất chưa đồng bộ; liên kết giữa doanh nghiệp và nông dân còn lỏng lẻo. "
        "Hạ tầng thủy lợi nội đồng còn thiếu ở nhiều xã vùng cao. "
        "Công tác đào tạo nghề cho lao động nông thôn chậm đổi mới.",
        "II- NHIỆM VỤ",
        "Mặt khác, tốc độ chuyển đổi cơ cấu cây trồng còn chậm; tỉ lệ cơ giới hóa ở khâu thu hoạch chưa cao; "
        "nguồn vốn tín dụng cho hộ nông dân còn hạn hẹp và khó tiếp cận.",
        "Giá trị sản xuất tăng bình quân mỗi năm rõ rệt; thu nhập của hộ nông dân tăng gấp đôi so với trước; "
        "diện tích đạt chuẩn hữu cơ mở rộng ra khắp các xã.",
    ]
)


def _groups(facts: list[Fact]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for fact in facts:
        if fact.kind == "structure" and fact.value and dict(fact.extra).get("lead_kind") == "clauses":
            groups.setdefault(fact.subject, []).append(fact.answer)
    return groups


def test_announced_weaknesses_are_the_clauses_of_the_sentences_after_the_announcement() -> None:
    groups = _groups(extract_facts(parse_text(ASSESSMENT, "tan-thanh")))
    assert groups["hạn chế, yếu kém"] == [
        "Việc quy hoạch vùng sản xuất chưa đồng bộ",
        "liên kết giữa doanh nghiệp và nông dân còn lỏng lẻo",
        "Hạ tầng thủy lợi nội đồng còn thiếu ở nhiều xã vùng cao",
        "Công tác đào tạo nghề cho lao động nông thôn chậm đổi mới",
    ]


def test_a_sentence_of_shortfalls_is_a_list_of_weaknesses_and_achievements_are_not() -> None:
    groups = _groups(extract_facts(parse_text(ASSESSMENT, "tan-thanh")))
    assert [answer[:20] for answer in groups["hạn chế"]] == [
        "tốc độ chuyển đổi cơ",
        "tỉ lệ cơ giới hóa ở ",
        "nguồn vốn tín dụng c",
    ]
    assert not any("Giá trị sản xuất" in answer for answers in groups.values() for answer in answers)


def test_weaknesses_are_asked_as_what_the_document_names_never_counted() -> None:
    document = parse_text(ASSESSMENT, "tan-thanh")
    questions = generate_from_facts(extract_facts(document), document.text)
    asked = [question.prompt for question in questions if "hạn chế" in question.prompt]
    assert asked
    assert all("bao nhiêu" not in prompt and "của Nghị quyết" not in prompt for prompt in asked)
    assert any(prompt.endswith("mà Nghị quyết nêu?") for prompt in asked), asked
