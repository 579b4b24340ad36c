"""A news page saved from the browser imports as its visible text, whatever its extension says."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.importing import parse_file
from quiz.importing.html_text import html_to_text, looks_like_html

PAGE = (
    "<!DOCTYPE html><html><head><title>Trang tin</title><style>p{color:red}</style></head><body>"
    "<nav><a href='/'>Trang chủ</a> <a href='/tin'>Tin tức</a></nav>"
    "<h1>Chi bộ thôn Đông học tập Nghị quyết</h1>"
    "<p>Ngày 12/3, Chi bộ thôn Đông tổ chức hội nghị với 45 đảng viên tham gia.</p>"
    "<p>Hội nghị thống nhất 3 nhiệm vụ trọng tâm &amp; 2 giải pháp đột phá.</p>"
    "<script>var tracking = 1;</script></body></html>"
)


def test_visible_text_keeps_blocks_and_drops_scripts_styles_and_navigation() -> None:
    text = html_to_text(PAGE)
    assert text.split("\n\n") == [
        "Chi bộ thôn Đông học tập Nghị quyết",
        "Ngày 12/3, Chi bộ thôn Đông tổ chức hội nghị với 45 đảng viên tham gia.",
        "Hội nghị thống nhất 3 nhiệm vụ trọng tâm & 2 giải pháp đột phá.",
    ]


@pytest.mark.parametrize("name", ["trang.html", "trang-doi-ten.txt"])
def test_a_saved_page_imports_without_markup(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    document = parse_file(path)
    assert document.title == "Chi bộ thôn Đông học tập Nghị quyết"
    assert "<" not in document.text and "tracking" not in document.text and "Trang chủ" not in document.text


def test_prose_that_mentions_a_tag_is_not_html() -> None:
    assert not looks_like_html("Văn bản hướng dẫn dùng thẻ <p> trong trang web của Đảng bộ.\nMột dòng khác.")
    assert looks_like_html(PAGE)
