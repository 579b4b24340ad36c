"""Titles are short phrases taken from the text, cut at word boundaries, never generic."""

from __future__ import annotations

import pytest

from quiz.importing.titles import fallback_title, make_title


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Về kinh tế: Tốc độ tăng trưởng bình quân 9,5 %/năm.", "Về kinh tế"),
        ("Mục tiêu tổng quát: Xây dựng tỉnh giàu mạnh.", "Mục tiêu tổng quát"),
        ("Về xã hội, tỷ lệ hộ nghèo giảm còn dưới 0,5 %.", "Về xã hội"),
        ("Đối với công tác cán bộ, cần đổi mới mạnh mẽ.", "Công tác cán bộ"),
        (
            "Ngày 5/3, Ban Thường vụ Thành ủy tổ chức hội nghị sơ kết, đánh giá kết quả.",
            "Tổ chức hội nghị sơ kết",
        ),
        (
            "Nghị quyết xác định mục tiêu tổng quát của giai đoạn 2021 - 2025 là xây dựng tỉnh giàu mạnh.",
            "Xác định mục tiêu tổng quát",
        ),
        ("Đồng chí Bí thư nhấn mạnh ba nhiệm vụ trọng tâm trong năm.", "Nhấn mạnh ba nhiệm vụ trọng tâm"),
    ],
)
def test_make_title(sentence: str, title: str) -> None:
    assert make_title(sentence) == title


def test_list_item_prefers_its_opening_clause() -> None:
    sentence = "Quy hoạch vùng sản xuất tập trung, ưu tiên các xã có điều kiện phù hợp."
    assert make_title(sentence, prefer_clause=True) == "Quy hoạch vùng sản xuất tập trung"


def test_long_phrase_is_cut_cleanly() -> None:
    sentence = "Tỉnh tập trung đẩy mạnh cải cách hành chính gắn với chuyển đổi số toàn diện trong các cơ quan nhà nước."
    title = make_title(sentence)
    assert title is not None
    words = title.split()
    assert 2 <= len(words) <= 10
    assert words[-1] not in {"và", "của", "với", "gắn", "trong", "các"}
    assert sentence.lower().find(title.lower()) >= 0


def test_title_never_ends_in_a_dangling_word_or_open_bracket() -> None:
    title = make_title("Hội nghị thống nhất các chỉ số (PCI, PAR Index và SIPAS) của tỉnh năm nay.")
    assert title is not None
    assert "(" not in title or ")" in title
    assert not title.endswith(("các", "của", ","))


def test_fallback_title_uses_the_first_words() -> None:
    # Eight words at most, and the dangling "trong" at the cut is dropped.
    assert fallback_title("Kính gửi các đồng chí đảng viên trong toàn Đảng bộ huyện nhà") == (
        "Kính gửi các đồng chí đảng viên"
    )
