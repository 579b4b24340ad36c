"""General rules that recognise one line of web-page noise (captions, bylines, menus, timestamps, counters)."""

from __future__ import annotations

import re

from quiz.importing.words import FUNCTION_WORDS
from quiz.text import fold

# Reasons shown to the admin beside each removed line.
CAPTION = "chú thích ảnh"
BYLINE = "dòng tác giả, nguồn tin"
SHARE_FOOTER = "nút chia sẻ, chân trang"
MENU = "thanh điều hướng (menu)"
TIMESTAMP = "thời gian đăng bài"
VIEW_COUNTER = "bộ đếm lượt xem"
TAIL = "tin bài khác sau dòng tác giả"
DUPLICATE = "dòng lặp lại"
DECORATION = "dòng trang trí"
PAGE_NUMBER = "số trang"
SIGNATURE = "chữ ký, nơi nhận"

# All patterns run on quiz.text.fold(line): no marks, đ→d, lower case.
_CAPTION_MARKER = re.compile(r"^(?:chu thich(?: anh)?|anh minh hoa)\s*:?$")
_CAPTION_LINE = re.compile(
    r"^\(?\s*(?:anh|anh minh hoa|nguon anh|photo)\s*:"
    r"|\(\s*(?:anh|nguon anh|anh minh hoa)\s*(?::[^()]*)?\)\s*\.?$"
    r"|[.!?]\s*(?:anh|nguon anh)\s*:\s*[^.!?]{1,60}$"
)
# A photo's caption alone on a line: "Toàn cảnh hội nghị.", "Quang cảnh buổi lễ", "Các đại biểu dự hội nghị."
_CAPTION_SCENE = re.compile(
    r"^(?:toan canh|quang canh|cac dai bieu (?:tham )?du|dai bieu (?:tham )?du|cac dai bieu bieu quyet)\s"
)
_CAPTION_SCENE_WORDS = 12
_BYLINE = re.compile(
    r"^(?:tin|bai|anh|video|clip|phong vien|tac gia)(?:\s*(?:,|va|-|/|&)\s*(?:tin|bai|anh|video|clip))*\s*:\s*\S"
)
_SOURCE = re.compile(r"^(?:theo|nguon)\s*:?\s+\S")
# "Văn Đức (TTXVN)": a few capitalised words and a news agency's acronym or web address in parentheses.
_AGENCY_AT_END = re.compile(r"\((?:[A-ZĐ]{2,8}(?:/[A-ZĐ]{2,8})?|[\w.-]+\.(?:vn|com|net|org))\)\s*$")
_SHARE_MARKERS = (
    "chia se", "share", "binh luan", "gui binh luan", "y kien ban doc", "tags", "tag:", "tu khoa", "chu de:",
    "tin lien quan", "tin cung chuyen muc", "tin khac", "bai lien quan", "bai viet lien quan", "xem them",
    "doc them", "doc tiep", "in bai", "gui bai", "gui email", "quay lai", "tro ve", "len dau trang",
    "ve dau trang", "ban quyen", "copyright", "©", "facebook", "twitter", "zalo", "theo doi chung toi",
    "dang ky nhan tin", "trang chu", "lien he quang cao", "quang cao",
)  # fmt: skip
# Markers after which a web page lists other articles (the tail of the page).
TAIL_MARKERS = ("tin lien quan", "tin cung chuyen muc", "tin khac", "bai lien quan", "bai viet lien quan")
# "T/M BAN CHẤP HÀNH", "K/T BÍ THƯ", "Nơi nhận:": the signature block that ends an official text.
_SIGNATURE = re.compile(r"^(?:t/m|tm\.|k/t|kt\.|thay mat|noi nhan\s*:?)(?:\s|$)")
_WEEKDAY = r"(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|cn)"
_CLOCK = r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?:\s*(?:am|pm))?"
_TIMESTAMP = re.compile(
    rf"^(?:(?:cap nhat|dang|dang luc|ngay dang|xuat ban|thoi gian)\s*(?:luc|ngay)?\s*:?\s*)?"
    rf"(?:{_WEEKDAY}\s*,?\s*)?(?:{_CLOCK}\s*[,|-]?\s*)?"
    rf"(?:ngay\s*)?(?:\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*\d{{2,4}}|\d{{1,2}} thang \d{{1,2}} nam \d{{4}})"
    rf"(?:\s*[,|-]?\s*(?:luc\s*)?{_CLOCK})?(?:\s*\(?\s*gmt\s*[+-]\s*\d{{1,2}}\s*\)?)?\s*$"
)
_WEEKDAY_LINE = re.compile(rf"^{_WEEKDAY}\s*,")
_VIEW_COUNTER = re.compile(r"(?:luot xem|luot doc|luot truy cap|luot thich|luot chia se|so lan xem|\bviews?\b)")
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*/\s*\d{1,3})?$")
# Every kind of noise is a short line; a longer one is running text.
_LONGEST_NOISE_LINE = 300
_MENU_SEPARATORS = re.compile(r"\s[-|»>/·•]\s|\s*\|\s*")
_SENTENCE_PUNCTUATION = re.compile(r"[.,;:!?]")


def line_noise(line: str, position: int) -> str | None:
    """The reason ``line`` (at ``position`` among the document's lines) is noise by itself, or None."""
    if len(line) > _LONGEST_NOISE_LINE:
        return None  # a paragraph of running text; folding it would only cost time
    folded = fold(line).strip()
    words = line.split()
    if not any(character.isalnum() for character in line):
        return DECORATION
    if _PAGE_NUMBER.match(folded):
        return PAGE_NUMBER
    has_digit = any(character.isdigit() for character in line)
    if _TIMESTAMP.match(folded) or (_WEEKDAY_LINE.match(folded) and len(words) <= 10 and has_digit):
        return TIMESTAMP
    if _VIEW_COUNTER.search(folded) and len(words) <= 8:
        return VIEW_COUNTER
    if len(line) <= 300 and _CAPTION_LINE.search(folded):
        return CAPTION
    if _CAPTION_SCENE.match(folded) and len(words) <= _CAPTION_SCENE_WORDS and not has_digit:
        return CAPTION
    if _SIGNATURE.match(folded) and len(words) <= 10:
        return SIGNATURE
    if is_byline(line):
        return BYLINE
    if is_share_or_footer(folded, len(words)):
        return SHARE_FOOTER
    if is_menu(line, title_case_rule=position > 0):
        return MENU
    return None


def is_caption_marker(line: str) -> bool:
    """True for a caption marker alone on a line ("Chú thích ảnh"): the next line is the caption."""
    return len(line) <= 20 and bool(_CAPTION_MARKER.match(fold(line).strip()))


def is_byline(line: str) -> bool:
    """True for who wrote the article or where it came from: "Tin, ảnh: …", "Theo …", "Name (AGENCY)"."""
    words = line.split()
    if len(words) > 15:
        return False
    folded = fold(line).strip()
    if _BYLINE.match(folded):
        return True
    if len(words) <= 8 and _SOURCE.match(folded) and "," not in line and not line.rstrip().endswith("."):
        return True
    agency = _AGENCY_AT_END.search(line)
    if agency is None:
        return False
    name_words = line[: agency.start()].strip(" -–,").split()
    return len(name_words) <= 5 and all(word[0].isupper() for word in name_words)


def is_share_or_footer(folded: str, word_count: int) -> bool:
    for marker in _SHARE_MARKERS:
        if folded.startswith(marker):
            rest = folded[len(marker) :].lstrip()
            if word_count <= 6 or rest.startswith(":"):
                return True
    return False


def is_menu(line: str, title_case_rule: bool = True) -> bool:
    """A short run of menu entries: no sentence punctuation, entries split by separators or Title-Cased
    (the Title-Case rule is not used on the first line, which may be a headline)."""
    if _SENTENCE_PUNCTUATION.search(line) or line.isupper():
        return False
    entries = [entry for entry in _MENU_SEPARATORS.split(line) if entry.strip()]
    words = [word for entry in entries for word in entry.split()]
    if len(entries) >= 3 and len(words) <= 24 and len(words) / len(entries) <= 5:
        return True
    if not 2 <= len(words) <= 14:
        return False
    if not title_case_rule:
        return False
    lowered = [word.lower() for word in words]
    # Menu entries are nouns ("Thời sự", "Kinh tế"); a function word or a number means running text.
    if any(word in FUNCTION_WORDS for word in lowered) or any(character.isdigit() for character in line):
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= 4 and capitalised / len(words) >= 0.5
