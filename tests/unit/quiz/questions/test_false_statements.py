"""A false statement never changes a value into one its own sentence already holds (it would read twice)."""

from __future__ import annotations

import re

from quiz.importing.pipeline import parse_text
from quiz.questions.generate import generate_questions

TEXT = "\n\n".join(
    [
        "KẾT LUẬN của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 20-NQ/TW",
        "I- TÌNH HÌNH",
        "Sau 10 năm thực hiện Nghị quyết số 20-NQ/TW, khoa học và công nghệ có bước phát triển quan trọng.",
        "II- NHIỆM VỤ",
        "Tổ chức thực hiện tốt Chiến lược phát triển khoa học đến năm 2030 gắn với Nghị quyết số 29-NQ/TW, "
        "Nghị quyết số 45-NQ/TW và Nghị quyết số 52-NQ/TW của Bộ Chính trị.",
    ]
)


def test_no_statement_names_the_same_reference_twice() -> None:
    statements = [question.prompt for question in generate_questions(parse_text(TEXT, "ket-luan"))]
    for prompt in statements:
        codes = re.findall(r"\d+-NQ/TW", prompt)
        assert len(codes) == len(set(codes)), prompt
