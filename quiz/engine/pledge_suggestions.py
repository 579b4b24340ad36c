"""Commitment suggestions from a document's targets, tasks and solutions: short personal lines ("Tham gia …")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quiz.api.pledges import CommitmentSuggestion
from quiz.text import fold

# Folded words that open a task, a target or a solution in Vietnamese resolutions.
TASK_WORDS = ("phan dau", "nhiem vu", "giai phap", "tap trung", "day manh", "nang cao", "thuc hien tot")
MIN_WORDS = 3
# A line of the commitment table: the item's label, not its whole sentence.
LABEL_WORDS = 18
MAX_CHARACTERS = 160

_LEADING_MARKER = re.compile(r"^\s*(?:[-–•*+]|\d+[.)]|[a-zđ][.)]|[IVXLC]+[.\-–])\s*", re.IGNORECASE)
# Folded verbs of an action a member can join (the line then reads "Tham gia ⟨action⟩").
_ACTIONS = (
    "nang cao", "day manh", "tang cuong", "xay dung", "thuc hien", "quan triet", "tuyen truyen", "phat trien",
    "hoan thien", "doi moi", "to chuc", "trien khai", "hoc tap", "cai cach", "phat huy", "cung co", "cham lo",
    "bao dam", "dam bao", "giu vung", "tap trung", "nghien cuu", "ra soat", "kien toan", "dao tao", "thu hut",
    "huy dong", "bao ve", "phong", "chong", "ung dung", "chuyen doi", "ho tro", "khuyen khich", "van dong",
    "lam tot", "nhan rong", "khac phuc", "giam", "tang", "mo rong", "bao ton", "hien dai hoa", "phu song",
)  # fmt: skip
# Who said what ("Bí thư Tỉnh ủy … nhấn mạnh …") is a report, never a commitment.
_REPORTED = re.compile(
    r"(?<!\w)(?:nhan manh|phat bieu|khang dinh|cho biet|neu ro|ghi nhan|bieu duong|chuc mung|dong chi|thay mat"
    r"|chu tri|ket luan hoi nghi|tham du|dai bieu)(?!\w)"
)
# A body's own duty ("Ban Thường vụ Tỉnh ủy chỉ đạo …") is not a member's line either.
_LEADERSHIP = re.compile(r"(?<!\w)(?:chi dao|lanh dao|ban hanh|giao cho|phan cong|chu tri)(?!\w)")
# "Nhiệm vụ trọng tâm là …", "Giải pháp đột phá là …": the item is what follows "là".
_NAMED_ITEM = re.compile(r"^(?:nhiem vu|giai phap|muc tieu|khau dot pha|dot pha|chi tieu)[^,;:]{0,30}? la ")
# "Phấn đấu …", "Quảng Ninh phấn đấu …": the target is what follows.
_TARGET_OPENER = re.compile(r"^(?:[^,;:]{0,40}\s)?(?:phan dau|muc tieu la|chi tieu la)\s+")
# Connectors and lead-ins that are no part of the item ("Trong đó, …", "Cùng với đó, …").
_CONNECTOR = re.compile(r"^(?:trong do|cung voi do|ben canh do|dong thoi|ngoai ra|theo do|tren co so do),?\s+")
# "Chuyển đổi số là nhiệm vụ trọng tâm": a viewpoint defines, it asks no action.
_DEFINITION = re.compile(r"(?<!\w)la (?:nhiem vu|yeu cau|dong luc|nen tang|trung tam|then chot|mot)(?!\w)")
# Subjects a member belongs to ("Các chi bộ …", "Mỗi đảng viên …"): the action after them is theirs too.
_SUBJECT_OPENERS = frozenset(["cac", "moi", "toan", "cap", "chi", "dang", "can", "to", "ban", "nhung"])
# Compared in lower case, not folded: "tử" (điện tử) must not pass for "từ".
_JOINTS = frozenset(["gắn", "và", "để", "nhằm", "theo", "với", "thông", "trên", "trong"])
_DANGLING = frozenset(["và", "của", "cho", "với", "các", "những", "để", "trong", "về", "đến", "từ", "là", "mà"])


@dataclass(frozen=True)
class CandidateSentence:
    text: str
    section_id: str | None
    # From a question about a target or a list (already judged a fact by the generator): ranked first.
    from_question: bool


def has_task_words(text: str) -> bool:
    folded = fold(text)
    return any(re.search(rf"(?<![^\W_]){word}(?![^\W_])", folded) for word in TASK_WORDS)


def _label(item: str) -> str:
    """The item's label: its words up to ``LABEL_WORDS``, cut after a whole clause where it can be."""
    words = item.split()
    if len(words) > LABEL_WORDS:
        cut = max((index for index, word in enumerate(words[:LABEL_WORDS]) if word.endswith((",", ";"))), default=0)
        # Without a comma, stop before a joining word ("… chất lượng cao | gắn với …"), not mid-phrase.
        joint = max((index for index, word in enumerate(words[:LABEL_WORDS]) if word.lower() in _JOINTS), default=0)
        words = words[: cut + 1] if cut >= MIN_WORDS else words[:joint] if joint > MIN_WORDS else words[:LABEL_WORDS]
    while words and words[-1].rstrip(",;:.").lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:.")


def personal_lines(sentence: str) -> list[str]:
    """The sentence's items as lines a member can commit to; none for a report of who said what."""
    text = _LEADING_MARKER.sub("", sentence.strip()).rstrip(" .;:")
    folded = fold(text)
    if not text or _REPORTED.search(folded):
        return []
    if ":" in text and ";" in text.split(":", 1)[1]:
        text = text.split(":", 1)[1]
    lines: list[str] = []
    for item in text.split(";"):
        line = _line(_LEADING_MARKER.sub("", item.strip()))
        if line:
            lines.append(line)
    return lines


def _line(item: str) -> str | None:
    folded = fold(item)
    connector = _CONNECTOR.match(folded)
    if connector:
        item, folded = item[connector.end() :], folded[connector.end() :]
    if _DEFINITION.search(folded):
        return None
    named = _NAMED_ITEM.match(folded)
    if named:
        item, folded = item[named.end() :], folded[named.end() :]
    opener = _TARGET_OPENER.match(folded)
    if opener:
        item, folded = item[opener.end() :], folded[opener.end() :]
    words = folded.split()
    # A subject of a few words before the action ("Các chi bộ quán triệt …") is dropped; a leader's duty is
    # skipped.
    for start in range(min(len(words), 6)):
        if any(" ".join(words[start : start + len(action.split())]) == action for action in _ACTIONS):
            if start and (words[0] not in _SUBJECT_OPENERS or words[start - 1] == "duoc"):
                break  # "Tỷ lệ đảng viên được học tập …" is a figure, not an action
            if start and _LEADERSHIP.search(" ".join(words[: start + 3])):
                return None
            action_start = len(" ".join(item.split()[:start])) + (1 if start else 0)
            label = _label(item[action_start:])
            return f"Tham gia {_lowered(label)}" if len(label.split()) >= MIN_WORDS else None
    if _LEADERSHIP.search(folded) or not any(character.isdigit() for character in item):
        return None
    label = _label(item)
    return f"Góp phần thực hiện: {_lowered(label)}" if len(label.split()) >= MIN_WORDS else None


def _lowered(label: str) -> str:
    """The label after "Tham gia": its first letter lowered unless it starts a name ("Quảng Ninh")."""
    words = label.split()
    keeps = (len(words) > 1 and words[1][:1].isupper()) or words[0].isupper()
    return label if keeps else label[:1].lower() + label[1:]


def suggest(candidates: Iterable[CandidateSentence], limit: int = 20) -> list[CommitmentSuggestion]:
    """Question-backed items first, then task sentences, in document order; no near-duplicates."""
    ordered = sorted(enumerate(candidates), key=lambda pair: (not pair[1].from_question, pair[0]))
    seen: set[str] = set()
    suggestions: list[CommitmentSuggestion] = []
    for _, candidate in ordered:
        for content in personal_lines(candidate.text):
            key = " ".join(re.findall(r"[^\W_]+", fold(content)))
            if key in seen or len(content) > MAX_CHARACTERS:
                continue
            seen.add(key)
            suggestions.append(CommitmentSuggestion(content, candidate.text, candidate.section_id))
            if len(suggestions) >= limit:
                return suggestions
    return suggestions
