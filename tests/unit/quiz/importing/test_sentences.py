"""Sentence splitting respects Vietnamese abbreviations, numbers, quotes and parentheses."""

from __future__ import annotations

import pytest

from quiz.importing.sentences import split_sentences


def texts(paragraph: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("TP. Hạ Long có 23.000 đảng viên. Tỷ lệ đạt 9,5 %.", ["TP. Hạ Long có 23.000 đảng viên.", "Tỷ lệ đạt 9,5 %."]),
        ("Ngày 28/10. Hội nghị khai mạc.", ["Ngày 28/10.", "Hội nghị khai mạc."]),
        ("TS. Lê Văn A và ThS. Trần B phát biểu. Hết.", ["TS. Lê Văn A và ThS. Trần B phát biểu.", "Hết."]),
        ("PGS. Nguyễn C, GS. Phạm D dự họp. Xong.", ["PGS. Nguyễn C, GS. Phạm D dự họp.", "Xong."]),
        ("PGS.TS. Đỗ E nói. Th.S. Vũ G nghe.", ["PGS.TS. Đỗ E nói.", "Th.S. Vũ G nghe."]),
        ("Chỉ số PAR Index tăng. PCI giảm.", ["Chỉ số PAR Index tăng.", "PCI giảm."]),
        ("Gồm kinh tế, xã hội, v.v. và môi trường.", ["Gồm kinh tế, xã hội, v.v. và môi trường."]),
        ("Gồm kinh tế, xã hội, v.v. Phần sau bàn về Đảng.", ["Gồm kinh tế, xã hội, v.v.", "Phần sau bàn về Đảng."]),
        ("Còn nhiều việc... nhưng sẽ xong. Chắc chắn.", ["Còn nhiều việc... nhưng sẽ xong.", "Chắc chắn."]),
        ("Còn nhiều việc… Sẽ xong.", ["Còn nhiều việc…", "Sẽ xong."]),
        ("Ông nói: “Phải làm. Làm ngay.” Mọi người đồng ý.", ["Ông nói: “Phải làm. Làm ngay.”", "Mọi người đồng ý."]),
        ("Lý do (giá cao. Vốn ít) đã rõ. Tiếp.", ["Lý do (giá cao. Vốn ít) đã rõ.", "Tiếp."]),
        ('Khẩu hiệu "Dân biết. Dân bàn." được nêu. Tốt.', ['Khẩu hiệu "Dân biết. Dân bàn." được nêu.', "Tốt."]),
        ("Có đúng không? Đúng! Vậy làm.", ["Có đúng không?", "Đúng!", "Vậy làm."]),
        ("Đồng chí Nguyễn V. An phát biểu.", ["Đồng chí Nguyễn V. An phát biểu."]),
        (
            "Thu 48,5 triệu đồng/năm, gấp 1,6 lần. Tăng 4,2 %/năm.",
            ["Thu 48,5 triệu đồng/năm, gấp 1,6 lần.", "Tăng 4,2 %/năm."],
        ),
        ("Lần thứ XV. Đảng viên phải học.", ["Lần thứ XV.", "Đảng viên phải học."]),
        ("Câu lẻ không dấu chấm", ["Câu lẻ không dấu chấm"]),
        ("Một. “Trích dẫn mở đầu câu sau.”", ["Một.", "“Trích dẫn mở đầu câu sau.”"]),
    ],
)
def test_split(paragraph: str, expected: list[str]) -> None:
    assert texts(paragraph) == expected


def test_unbalanced_quote_does_not_glue_the_paragraph() -> None:
    assert texts("Ông nói “phải làm. Rồi đi. Hết.") == ["Ông nói “phải làm.", "Rồi đi.", "Hết."]


def test_offsets_are_shifted_and_exact() -> None:
    paragraph = "  Câu một.   Câu hai!  "
    sentences = split_sentences(paragraph, offset=100)
    assert [(sentence.start, sentence.end) for sentence in sentences] == [(102, 110), (113, 121)]
    for sentence in sentences:
        assert paragraph[sentence.start - 100 : sentence.end - 100] == sentence.text


def test_empty_paragraph_has_no_sentence() -> None:
    assert split_sentences("   ") == []
