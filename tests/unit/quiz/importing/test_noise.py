"""Web-page noise is dropped by general rules and every dropped line is kept with its reason."""

from __future__ import annotations

import pytest

from quiz.importing import noise_rules, parse_file, parse_text
from quiz.importing.noise import strip_noise
from tests.unit.quiz.importing.helpers import NEWS, NEWS_NOISE, SEED

BODY = (
    "Hội nghị đã thảo luận và thống nhất các chỉ tiêu phát triển kinh tế - xã hội trong năm tới, với nhiều giải "
    "pháp cụ thể cho từng ngành, từng địa phương."
)


def test_news_article_drops_exactly_its_noise_lines() -> None:
    document = parse_file(NEWS)
    expected = NEWS_NOISE.read_text(encoding="utf-8").splitlines()
    assert sorted(line.line for line in document.removed_lines) == sorted(expected)


def test_no_removed_line_lands_in_any_section() -> None:
    for path in (NEWS, SEED):
        document = parse_file(path)
        assert document.removed_lines
        for removed in document.removed_lines:
            for section in document.sections:
                assert removed.line not in section.text.split("\n\n"), (path.name, removed)
            # Noise never hides inside a kept paragraph either.
            assert removed.line not in document.text.split("\n\n")[1:] or removed.line == document.title


def test_every_kind_of_noise_has_its_reason() -> None:
    reasons = {line.reason for line in parse_file(NEWS).removed_lines}
    assert {
        noise_rules.CAPTION,
        noise_rules.BYLINE,
        noise_rules.TIMESTAMP,
        noise_rules.VIEW_COUNTER,
        noise_rules.SHARE_FOOTER,
        noise_rules.TAIL,
        noise_rules.MENU,
    } <= reasons


def test_news_title_is_the_headline_not_the_menu() -> None:
    document = parse_file(NEWS)
    assert document.title.startswith("Huyện Yên Phong học tập Nghị quyết")
    assert document.text.startswith(document.title)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Thứ Tư, 28/10/2020 15:30", noise_rules.TIMESTAMP),
        ("28/10/2020 15:30", noise_rules.TIMESTAMP),
        ("Chủ nhật, 03/01/2021 - 08:05 (GMT+7)", noise_rules.TIMESTAMP),
        ("Lượt xem: 1.234", noise_rules.VIEW_COUNTER),
        ("2.450 lượt đọc", noise_rules.VIEW_COUNTER),
        ("Ảnh: Thu Trang", noise_rules.CAPTION),
        ("Các đại biểu dự hội nghị. (Ảnh: TTXVN)", noise_rules.CAPTION),
        ("Tin, ảnh: Hoàng Nam (TTXVN)", noise_rules.BYLINE),
        ("Bài và ảnh: Thanh Hà", noise_rules.BYLINE),
        ("Theo Báo Nhân Dân", noise_rules.BYLINE),
        ("Quốc Dũng (VOV)", noise_rules.BYLINE),
        ("Chia sẻ:", noise_rules.SHARE_FOOTER),
        ("Bình luận", noise_rules.SHARE_FOOTER),
        ("Tags: kinh tế, đầu tư", noise_rules.SHARE_FOOTER),
        ("Thời sự - Kinh tế - Văn hóa - Thể thao", noise_rules.MENU),
        ("Trang chủ | Giới thiệu | Liên hệ", noise_rules.MENU),
        ("Pháp luật Giáo dục Sức khỏe Đời sống", noise_rules.MENU),
        ("* * *", noise_rules.DECORATION),
        ("- 3 -", noise_rules.PAGE_NUMBER),
        ("Nơi nhận:", noise_rules.SIGNATURE),
    ],
)
def test_line_rules(line: str, reason: str) -> None:
    assert noise_rules.line_noise(line, position=5) == reason


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Phát triển kinh tế nhanh và bền vững",
        "Về phát triển Khu kinh tế Vân Đồn",
        "Theo kế hoạch, hội nghị sẽ kết thúc vào ngày 30/6.",
        "QUYẾT NGHỊ:",
        "I- MỤC TIÊU VÀ NHIỆM VỤ",
        "Quảng Ninh, ngày 28 tháng 10 năm 2020",
        "Chỉ số cải cách hành chính (PAR Index)",
        "Bình luận viên Nguyễn Văn A cho rằng kinh tế tỉnh tăng trưởng nhanh nhờ thu hút đầu tư.",
    ],
)
def test_body_lines_are_kept(line: str) -> None:
    assert noise_rules.line_noise(line, position=5) is None


def test_caption_marker_drops_the_caption_line_after_it() -> None:
    lines = ["Tiêu đề bài", BODY, "Chú thích ảnh", "Toàn cảnh hội nghị.", BODY + " Tiếp theo."]
    kept, removed = strip_noise(lines)
    assert kept == [0, 1, 4]
    assert [line.reason for line in removed] == [noise_rules.CAPTION, noise_rules.CAPTION]


def test_byline_under_the_title_drops_only_that_line() -> None:
    lines = ["Tiêu đề bài", "Tin, ảnh: Văn An (TTXVN)", BODY, BODY + " Hai.", BODY + " Ba."]
    kept, removed = strip_noise(lines)
    assert kept == [0, 2, 3, 4]
    assert [line.line for line in removed] == ["Tin, ảnh: Văn An (TTXVN)"]


def test_late_byline_drops_the_teasers_after_it() -> None:
    teaser = "Một bài khác: tỉnh bạn tổ chức hội nghị sơ kết công tác cải cách hành chính năm nay."
    lines = ["Tiêu đề bài", BODY, BODY + " Hai.", "Tin, ảnh: Văn An (TTXVN)", teaser, "Sáu điểm mới"]
    kept, removed = strip_noise(lines)
    assert kept == [0, 1, 2]
    assert [line.reason for line in removed] == [noise_rules.BYLINE, noise_rules.TAIL, noise_rules.TAIL]


def test_resolution_heading_after_a_late_byline_ends_the_tail() -> None:
    lines = ["Tiêu đề", BODY, BODY + " Hai.", "Theo TTXVN", "Tin khác rất ngắn", "QUYẾT NGHỊ:", BODY + " Ba."]
    kept, _ = strip_noise(lines)
    assert kept == [0, 1, 2, 5, 6]


def test_repeated_teaser_headline_is_dropped_once_seen() -> None:
    lines = ["Tiêu đề", "Một dòng tiêu đề lặp", "Một dòng tiêu đề lặp", BODY]
    kept, removed = strip_noise(lines)
    assert kept == [0, 1, 3]
    assert removed[0].reason == noise_rules.DUPLICATE


def test_docx_heading_lines_are_never_dropped() -> None:
    kept, removed = strip_noise(["Tiêu đề", "Kinh Tế Xã Hội Văn Hóa", BODY], protected=frozenset({1}))
    assert kept == [0, 1, 2] and not removed


def test_first_line_headline_in_title_case_is_kept() -> None:
    document = parse_text("Quảng Ninh Đón Chào Năm Mới\n\n" + BODY)
    assert document.title == "Quảng Ninh Đón Chào Năm Mới"
    assert not document.removed_lines


def test_capital_signing_body_at_the_end_is_dropped() -> None:
    signer = "ĐẠI HỘI ĐẢNG BỘ XÃ AN BÌNH"
    text = f"NGHỊ QUYẾT\n{signer}\nQUYẾT NGHỊ:\n1. Mục tiêu\n{BODY}\n2. Nhiệm vụ\n{BODY}\n{signer}"
    document = parse_text(text)
    assert [line.line for line in document.removed_lines] == [signer]
    assert document.removed_lines[0].reason == noise_rules.SIGNATURE
    assert document.sections[-1].title == "2. Nhiệm vụ"


@pytest.mark.parametrize("caption", ["Toàn cảnh hội nghị.", "Quang cảnh buổi lễ", "Các đại biểu dự hội nghị."])
def test_a_photo_caption_line_is_noise_and_never_a_section_title(caption: str) -> None:
    paragraph = BODY + " Đồng chí Bí thư nhấn mạnh nhiệm vụ trọng tâm của năm 2021."
    text = f"Hội nghị Ban Chấp hành Đảng bộ tỉnh\n\n{caption}\n\n{paragraph}\n\n{BODY}\n\n{caption}\n\n{paragraph}"
    document = parse_text(text)
    assert caption in [line.line for line in document.removed_lines]
    assert all(caption.rstrip(".") not in section.title for section in document.sections)
    assert noise_rules.line_noise(caption, 3) == noise_rules.CAPTION


def test_a_sentence_about_the_delegates_is_not_a_caption() -> None:
    line = "Các đại biểu dự hội nghị đã thảo luận sôi nổi về 16 chỉ tiêu chủ yếu của nhiệm kỳ."
    assert noise_rules.line_noise(line, 3) is None
