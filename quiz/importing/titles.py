"""Short, meaningful section titles taken from the text: the part before a colon, or a verb and its object."""

from __future__ import annotations

import re

from quiz.importing.words import FUNCTION_WORDS, word_set

MAXIMUM_TITLE_WORDS = 8
_MINIMUM_TITLE_WORDS = 2
_STRETCHED_TITLE_WORDS = 10
# Predicates that head the key phrase of an administrative or news sentence ("xác định mục tiêu ...").
_VERBS = tuple(
    verb.split()
    for verb in (
        "tổ chức", "xác định", "thống nhất", "nhấn mạnh", "tập trung", "phấn đấu", "đề nghị", "chỉ đạo",
        "yêu cầu", "triển khai", "quán triệt", "đẩy mạnh", "nâng cao", "phát huy", "tăng cường", "xây dựng",
        "hoàn thành", "thông qua", "ban hành", "đề ra", "khẳng định", "đánh giá", "chỉ rõ", "chú trọng",
        "ưu tiên", "thực hiện", "giữ vững", "bảo đảm", "đảm bảo", "kêu gọi", "biểu dương", "cam kết", "đặt ra",
        "đề xuất", "nêu rõ", "thảo luận", "tán thành", "huy động", "đổi mới", "tiếp tục", "phát động", "hoàn thiện",
        "khắc phục", "rà soát", "kiện toàn", "củng cố", "đạt được", "quyết định", "xác lập", "lãnh đạo",
        "cụ thể hóa", "cụ thể hoá", "bố trí", "hỗ trợ", "khuyến khích", "quy hoạch", "sắp xếp", "chuyển đổi",
    )
)  # fmt: skip
# The phrase stops before these words: what follows is a complement, not the key phrase.
_HARD_STOPS = word_set("là nhằm để với tại trong theo thông nhưng mà khi vì do nên thì")
# Where a too-long phrase may be cut and still read well ("mục tiêu tổng quát | của giai đoạn ...").
_SOFT_STOPS = word_set("của và cho về đến tới từ trên giữa gắn đối")
# Words a title must not end with.
_DANGLING = FUNCTION_WORDS | word_set("các những sự việc gắn giữa phải cần không chưa rất đều luôn - – —")
# A short opening clause that names the topic ("Về xã hội, ...", "Đối với công tác cán bộ, ...").
_TOPIC_OPENERS = ("về ", "đối với ", "trong lĩnh vực ", "trên lĩnh vực ")
_PUNCTUATION = ",;:.!?…"
_LEADING_CLAUSE_WORDS = 5


def make_title(sentence: str, prefer_clause: bool = False) -> str | None:
    """A title of 2–8 words taken from ``sentence``, or None when no clean one can be made.

    ``prefer_clause`` suits list items, which open with their action ("Quy hoạch vùng sản xuất, ..."):
    a short first clause is then taken before looking for a verb.
    """
    topic = _topic(sentence.strip())
    if topic:
        return topic
    text = _drop_leading_clause(sentence.strip())
    clause = _short_first_clause(text) if prefer_clause else None
    for candidate in (_before_colon(text), clause, _verb_phrase(text), _first_clause(text)):
        if candidate:
            return candidate
    return None


def fallback_title(text: str) -> str:
    """The first words of ``text``, cut cleanly (used only when no sentence gives a title)."""
    words = text.split()[:MAXIMUM_TITLE_WORDS]
    return _finish(words) or " ".join(words)[:60]


def _topic(text: str) -> str | None:
    lowered = text.lower()
    opener = next((opener for opener in _TOPIC_OPENERS if lowered.startswith(opener)), None)
    head, comma, _ = text.partition(",")
    if opener is None or not comma or len(head.split()) > MAXIMUM_TITLE_WORDS:
        return None
    # "Về xã hội" reads as a title; "Đối với công tác cán bộ" reads better without its preposition.
    return _finish(head.split() if opener == "về " else head[len(opener) :].split())


def _drop_leading_clause(text: str) -> str:
    """Drop a short opening adverbial ("Ngày 28/10, ", "Sau hội nghị, ", "Cùng với đó, ")."""
    words = text.split()
    for index, word in enumerate(words[:_LEADING_CLAUSE_WORDS]):
        if word.endswith(","):
            rest = words[index + 1 :]
            return " ".join(rest) if len(rest) >= 4 else text
    return text


def _before_colon(text: str) -> str | None:
    head, colon, _ = text.partition(":")
    if not colon or re.search(r"\d$", head):
        return None
    words = head.split()
    if _MINIMUM_TITLE_WORDS <= len(words) <= MAXIMUM_TITLE_WORDS and not any(w[-1] in _PUNCTUATION for w in words):
        return _finish(words)
    return None


def _verb_phrase(text: str) -> str | None:
    words = text.split()
    lowered = [_bare(word).lower() for word in words]
    for index in range(len(words)):
        for verb in _VERBS:
            if lowered[index : index + len(verb)] == verb and words[index + len(verb) - 1][-1] not in _PUNCTUATION:
                phrase = _phrase_from(words, lowered, index, len(verb))
                if phrase:
                    return phrase
    return None


def _phrase_from(words: list[str], lowered: list[str], start: int, verb_length: int) -> str | None:
    phrase: list[str] = []
    for index in range(start, len(words)):
        word = words[index]
        if index >= start + verb_length and (lowered[index] in _HARD_STOPS or word[0] in "(“\"'"):
            break
        phrase.append(word)
        if word[-1] in _PUNCTUATION or word[-1] in ')”"':
            break
    if len(phrase) > MAXIMUM_TITLE_WORDS:
        soft_stops = [
            position
            for position in range(3, min(len(phrase), _STRETCHED_TITLE_WORDS + 1))
            if _bare(phrase[position]).lower() in _SOFT_STOPS
        ]
        # Prefer the last clean cut within the limit; a word or two more beats cutting a compound in half.
        within = [position for position in soft_stops if position <= MAXIMUM_TITLE_WORDS]
        cut = max(within) if within else min(soft_stops, default=_proper_noun_safe_cut(phrase))
        phrase = phrase[:cut]
    if len(phrase) <= verb_length:
        return None
    return _finish(phrase)


def _proper_noun_safe_cut(phrase: list[str]) -> int:
    """Cut at the word limit, but not inside a run of capitalised words ("Ban Thường vụ Huyện ủy")."""
    cut = MAXIMUM_TITLE_WORDS
    if cut < len(phrase) and phrase[cut][0].isupper():
        while cut > 3 and phrase[cut - 1][0].isupper():
            cut -= 1
    return cut


def _short_first_clause(text: str) -> str | None:
    words = text.split()
    for index, word in enumerate(words[:MAXIMUM_TITLE_WORDS]):
        if word[-1] in _PUNCTUATION:
            return _finish(words[: index + 1])
    return None


def _first_clause(text: str) -> str | None:
    words: list[str] = []
    all_words = text.split()
    for word in all_words:
        words.append(word)
        if word[-1] in _PUNCTUATION:
            break
    if len(words) > MAXIMUM_TITLE_WORDS:
        words = words[: _proper_noun_safe_cut(words)]
    return _finish(words)


def _finish(words: list[str]) -> str | None:
    """Strip punctuation and dangling words from the end, drop unbalanced brackets, capitalise."""
    cleaned = [_bare(word) for word in words]
    if "(" in " ".join(cleaned):
        cleaned = [word for word in cleaned if "(" not in word and ")" not in word] if _unbalanced(cleaned) else cleaned
    while cleaned and (not cleaned[-1] or cleaned[-1].lower() in _DANGLING):
        cleaned.pop()
    cleaned = [word for word in cleaned if word]
    if len(cleaned) < _MINIMUM_TITLE_WORDS:
        return None
    title = " ".join(cleaned).replace("“", "").replace("”", "").replace('"', "")
    return title[0].upper() + title[1:]


def _unbalanced(words: list[str]) -> bool:
    joined = " ".join(words)
    return joined.count("(") != joined.count(")")


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION + "“”\"'")
