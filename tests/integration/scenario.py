"""A small end-to-end scenario for the reliability tests: our own resolution text, a member, a quiz, a form."""

from __future__ import annotations

from pathlib import Path

from quiz.api.answers import Answer, ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer
from quiz.api.members import MemberDraft
from quiz.service import Service

TARGETS = [
    ("thu nhập bình quân đầu người", "đạt 9.500 USD", "năm 2030"),
    ("tỷ lệ hộ nghèo", "giảm còn dưới 1 %", "năm 2028"),
    ("số doanh nghiệp đang hoạt động", "tăng thêm 1.200 doanh nghiệp", "năm 2029"),
    ("tỷ lệ trường học đạt chuẩn quốc gia", "đạt 85 %", "năm 2027"),
    ("độ che phủ rừng", "duy trì ổn định ở mức 54 %", "năm 2030"),
    ("tỷ lệ dân số tham gia bảo hiểm y tế", "đạt 97 %", "năm 2026"),
]


def resolution_text(title: str = "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ THANH BÌNH LẦN THỨ IX") -> str:
    """A resolution-shaped document written for the tests (never the seed document)."""
    lines = ["ĐẢNG BỘ HUYỆN HOÀ AN", "ĐẢNG CỘNG SẢN VIỆT NAM", "", title, "nhiệm kỳ 2025 - 2030", ""]
    for part, heading in enumerate(["MỤC TIÊU TỔNG QUÁT", "CÁC CHỈ TIÊU CHỦ YẾU", "NHIỆM VỤ VÀ GIẢI PHÁP"], 1):
        lines += [f"{'I' * part}. {heading}", ""]
        for number, (subject, goal, year) in enumerate(TARGETS, 1):
            lines.append(
                f"{number}. Phấn đấu đến {year}, {subject} {goal}; Đảng bộ xã tập trung lãnh đạo thực hiện "
                f"quyết liệt, đồng bộ các giải pháp để hoàn thành chỉ tiêu này trong nhiệm kỳ."
            )
        lines.append("")
    return "\n".join(lines)


def write_resolution(folder: Path, name: str = "nghi-quyet-thanh-binh.txt") -> Path:
    path = folder / name
    path.write_text(resolution_text(), encoding="utf-8")
    return path


def add_member(service: Service, name: str = "Nguyễn Thị Hoà") -> str:
    unit = service.members.create_unit("Chi bộ thôn Đông", "chi_bo")
    return service.members.add_member(MemberDraft(full_name=name, chi_bo_id=unit.id)).id


def any_response(question_type: str, option_count: int, left_count: int) -> Answer:
    """A well-formed answer of the given question type (right or wrong does not matter here)."""
    if question_type == "multi":
        return ChoicesAnswer((0,))
    if question_type == "cloze":
        return TextAnswer("9.500")
    if question_type == "matching":
        return PairsAnswer(tuple(range(left_count)))
    return ChoiceAnswer(min(1, option_count - 1))
