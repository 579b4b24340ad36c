"""Persons with their titles in both orders: "Bí thư Tỉnh ủy Nguyễn Văn A", "đồng chí Nguyễn Văn A, Phó Bí thư …"."""

from __future__ import annotations

import re

from quiz.facts.lexicon import CAPITALISED, COMMON_SURNAMES, lexicon
from quiz.facts.model import Fact, SentenceSpan, fact_at
from quiz.text import fold, unify_tone_placement

_CAPITALISED_RUN = re.compile(rf"(?<!\w){CAPITALISED}(?:\s+{CAPITALISED})+(?!\w)")
_WORD = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_NEXT_TOKEN = re.compile(r" ([^\s,;.:()]+)")
_TITLE_SEPARATOR = re.compile(r"\s*,\s*|\s+kiêm\s+")
# Lower-case words that can sit inside an organisation's name ("Ban Thường vụ Tỉnh ủy", "HĐND tỉnh").
_ORGANISATION_WORDS = frozenset(
    [
        "ủy",
        "uỷ",
        "ban",
        "nhân",
        "dân",
        "thường",
        "trực",
        "vụ",
        "đảng",
        "bộ",
        "trung",
        "ương",
        "chấp",
        "hành",
        "chính",
        "trị",
        "mặt",
        "trận",
        "tổ",
        "quốc",
        "hội",
        "đồng",
        "văn",
        "phòng",
        "công",
        "an",
        "quân",
        "sự",
        "kiểm",
        "tra",
        "tuyên",
        "giáo",
        "vận",
        "chức",
        "đoàn",
        "đại",
        "biểu",
        "thanh",
        "niên",
        "liên",
        "hiệp",
        "phụ",
        "nữ",
        "cựu",
        "chiến",
        "binh",
        "nông",
        "tỉnh",
        "huyện",
        "xã",
        "phường",
        "quận",
        "thị",
        "trấn",
        "thành",
        "phố",
        "khối",
        "cơ",
        "quan",
        "thư",
        "tịch",
        "tướng",
        "trưởng",
        "viên",
        "ký",
        "nhiệm",
        "đốc",
        "án",
        "lệnh",
    ]
)


def _is_organisation_token(token: str) -> bool:
    # Compared exactly (tone style unified), not folded: "quán" must not pass for "quân".
    return token[:1].isupper() or unify_tone_placement(token.lower()) in _ORGANISATION_WORDS


def _name_in_run(run: str, preceded_by_place_word: bool) -> tuple[int, int] | None:
    """Offsets of the person's name inside a run of capitalised words, or None."""
    tokens = [(found.start(), found.group()) for found in re.finditer(r"\S+", run)]
    surnames = lexicon().surnames
    candidates = [index for index, (_, token) in enumerate(tokens) if 2 <= len(tokens) - index <= 4]
    common = [index for index in candidates if tokens[index][1] in COMMON_SURNAMES]
    other = [index for index in candidates if tokens[index][1] in surnames]
    if common:
        start_index = common[-1] if preceded_by_place_word or common[-1] > 0 else common[0]
    elif other and not preceded_by_place_word and other[0] == 0:
        start_index = other[0]
    else:
        return None
    return tokens[start_index][0], len(run)


def _title_chain_before(text: str, name_start: int) -> list[str]:
    """Titles that end right at the name: "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh ⟨name⟩"."""
    window_start = max(0, name_start - 160)
    window = text[window_start:name_start]
    heads = [found for found in lexicon().title_pattern.finditer(window)]
    for head in heads:
        if window[: head.start()].rstrip().endswith(("Ban", "ban")):
            # "Ban Bí thư Trung ương Đoàn …" is a body, not the title of the name after it.
            continue
        chain = window[head.start() :].strip()
        if _is_title_chain(chain):
            return _split_titles(chain)
    return []


def _is_title_chain(chain: str) -> bool:
    parts = _split_titles(chain)
    return bool(parts) and all(
        lexicon().title_pattern.match(part) and all(_is_organisation_token(token) for token in part.split())
        for part in parts
    )


def _split_titles(chain: str) -> list[str]:
    return [_canonical(part.strip()) for part in _TITLE_SEPARATOR.split(chain) if part.strip()]


def _canonical(title: str) -> str:
    """The title with its head spelled as the shipped list spells it ("Bí Thư" → "Bí thư")."""
    head = lexicon().title_pattern.match(title)
    if head is None or head.group() in lexicon().titles:
        return title
    folded = fold(head.group())
    spelled = next((known for known in lexicon().titles if fold(known) == folded), head.group())
    return spelled + title[head.end() :]


def _title_chain_after(text: str, name_end: int) -> list[str]:
    """Titles after ", ": "⟨name⟩, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"."""
    titles: list[str] = []
    position = name_end
    while True:
        separator = re.match(r",\s*|\s+kiêm\s+|\s*-\s*", text[position:])
        if separator is None:
            break
        head = lexicon().title_pattern.match(text, position + separator.end())
        if head is None:
            break
        end = head.end()
        while (token := _NEXT_TOKEN.match(text, end)) and _is_organisation_token(token.group(1)):
            end = token.end()
        titles.append(_canonical(text[head.start() : end]))
        position = end
    return titles


def extract_persons(sentence: SentenceSpan) -> list[Fact]:
    """Named persons that carry at least one title in this sentence."""
    text = sentence.text
    facts: list[Fact] = []
    place_words = tuple(fold(prefix) for prefix in lexicon().admin_prefixes)
    for run in _CAPITALISED_RUN.finditer(text):
        before = fold(text[: run.start()]).rstrip()
        preceded_by_place = before.endswith(place_words) or any(
            fold(run.group()).startswith(word + " ") for word in ("tinh", "huyen", "thanh pho", "xa")
        )
        found = _name_in_run(run.group(), preceded_by_place)
        if found is None:
            continue
        start, end = run.start() + found[0], run.start() + found[1]
        titles = _title_chain_before(text, start) + _title_chain_after(text, end)
        if titles:
            facts.append(fact_at("person", sentence, start, end, titles=tuple(titles)))
    return facts
