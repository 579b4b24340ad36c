"""The question linter: every rule of a good item, checked on a generated question against the document's facts."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from quiz.api.bank import TRUE_FALSE
from quiz.api.enums import QUESTION_TYPES as TYPES
from quiz.facts.model import Fact, folded
from quiz.facts.numbers import NUMBER_TEXT, parse_number
from quiz.facts.roman import roman_to_int
from quiz.facts.scalars import ORDINAL_WORDS
from quiz.questions.context import similar_length
from quiz.questions.distractors import period_term
from quiz.questions.model import BLANK, GeneratedQuestion
from quiz.questions.pools import Pools, build_pools, is_true_title, overlap, value_key
from quiz.text import fold_answer

QUESTION_WORDS = {
    "number": ("bao nhieu", "may"),
    "date": ("ngay nao", "nam nao", "thang nao"),
    "period": ("nhiem ky nao", "giai doan nao", "thoi ky nao", "nam hoc nao"),
    "ordinal": ("lan thu may", "khoa nao", "dai hoi nao"),
    "person": ("ai", "chuc vu nao", "nhung chuc vu nao"),
    "acronym": ("cum tu nao", "la gi"),
    "list": ("noi dung nao", "nhung noi dung nao"),
    "target": ("noi dung nao", "nhung noi dung nao"),
    "reference": ("van ban nao",),
    "structure": ("bao nhieu", "noi dung nao", "nhung noi dung nao", "phan nao"),
    "horizon": ("nam nao",),
    "measure": ("nao sau day",),
}
_NUMERIC_OPTION = re.compile(r"^\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:\s*[-–]\s*\d{1,3}(?:\.\d{3})*(?:,\d+)?)?$")
_NEGATION = re.compile(r"(?<!\w)không(?= (?:phải|thuộc|đúng|nằm|được nêu|là)\b)")
_EMPTY_OPTIONS = re.compile(r"tất cả|không có (?:phương án|ý|đáp án) nào|cả [abcd] và", re.IGNORECASE)
_SORTED_KINDS = ("number", "ordinal", "period", "date")
_QUESTION_WORD_PATTERNS = {
    kind: re.compile("|".join(rf"(?<!\w){word}(?!\w)" for word in words)) for kind, words in QUESTION_WORDS.items()
}
_NUMBER = re.compile(NUMBER_TEXT)
_DIGITS = re.compile(r"\d+")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:\s*/\s*|\s+tháng\s+)(\d{1,2})")
_QUOTE = re.compile(r"“(.*)”")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str


def _contains(haystack: str, needle: str) -> bool:
    """Folded ``needle`` as whole words inside folded ``haystack`` (digit groups ignored)."""
    folded_needle = value_key(needle)
    if not folded_needle:
        return False
    # A plain search with word-boundary checks: a pattern per needle would fill (and thrash) re's cache.
    folded_haystack = value_key(haystack)
    start = folded_haystack.find(folded_needle)
    while start != -1:
        end = start + len(folded_needle)
        if not _word_character(folded_haystack, start - 1) and not _word_character(folded_haystack, end):
            return True
        start = folded_haystack.find(folded_needle, start + 1)
    return False


def _word_character(text: str, index: int) -> bool:
    """What ``\\w`` matches, at ``index`` (False outside the text)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def sort_value(kind: str, option: str) -> float:
    """The value numeric options are ordered by (ordinal rank, number, date as yyyymmdd, first year)."""
    if kind == "ordinal":
        if option in ORDINAL_WORDS:
            return float(ORDINAL_WORDS.index(option) + 1)
        return float(int(option) if option.isdigit() else roman_to_int(option))
    if kind == "number":
        found = _NUMBER.search(option)
        return parse_number(found.group()) if found else 0.0
    parts = [int(part) for part in _DIGITS.findall(option)]
    if kind == "date" and len(parts) >= 2:
        if parts[1] > 31:
            return float(parts[1] * 100 + parts[0])
        year = parts[2] if len(parts) > 2 else 0
        return float(year * 10000 + parts[1] * 100 + parts[0])
    return float(parts[0]) if parts else 0.0


def _at_limit(kind: str, key: str) -> bool:
    """A key with nothing plausible above it (100 %, the last day of a month) may be the largest option."""
    if kind == "number":
        return key in ("100", "100,0")
    found = _DAY_MONTH.match(key)
    if kind == "date" and found and 1 <= int(found.group(2)) <= 12:
        return int(found.group(1)) == calendar.monthrange(2000, int(found.group(2)))[1]
    return False


def _shape(question: GeneratedQuestion) -> list[Problem]:
    problems: list[Problem] = []
    kind = question.type
    if kind not in TYPES:
        problems.append(Problem("type", f"unknown type {kind}"))
    if "\n" in question.prompt or not question.prompt.strip():
        problems.append(Problem("prompt", "the prompt must be one non-empty line"))
    correct_in_range = all(0 <= index < len(question.choices) for index in question.correct)
    if kind == "single" and (len(question.choices) != 4 or len(question.correct) != 1 or not correct_in_range):
        problems.append(Problem("options", "single choice needs 4 options and one key"))
    if kind == "multi" and not (len(question.choices) >= 4 and 2 <= len(question.correct) < len(question.choices)):
        problems.append(Problem("options", "multiple choice needs 4+ options, 2+ keys and a wrong option"))
    if kind == "truefalse" and (question.choices != TRUE_FALSE or len(question.correct) != 1):
        problems.append(Problem("options", "true/false has the choices Đúng, Sai and one key"))
    if kind == "cloze" and (question.choices or not question.answers or question.prompt.count(BLANK) != 1):
        problems.append(Problem("cloze", "a cloze has one blank, accepted answers and no options"))
    if kind == "matching":
        rights = sorted(right for _, right in question.pairs)
        if len(question.pairs) < 3 or sorted(question.choices) != rights:
            problems.append(Problem("matching", "matching needs 3+ pairs whose right sides are the choices"))
    if kind in ("single", "multi") and (not question.prompt.endswith("?") or BLANK in question.prompt):
        problems.append(Problem("question-word", "a choice question ends with a question mark"))
    if kind in ("truefalse", "cloze") and question.prompt.endswith("?"):
        problems.append(Problem("statement", "statements and clozes are not questions"))
    if _NEGATION.search(question.prompt) and kind in ("single", "multi"):
        problems.append(Problem("negative", "a negative stem writes KHÔNG in capitals"))
    return problems


def _wording(question: GeneratedQuestion) -> list[Problem]:
    problems: list[Problem] = []
    fact = question.fact
    folded_prompt = folded(question.prompt)
    if question.type in ("single", "multi"):
        words = QUESTION_WORDS.get(fact.kind, ())
        found = _QUESTION_WORD_PATTERNS[fact.kind].search(folded_prompt) if words else None
        if found is None:
            problems.append(Problem("question-word", f"no question word for a {fact.kind} ({', '.join(words)})"))
    qualifier_wanted = fact.qualifier and fact.kind == "number" and question.type in ("single", "cloze")
    qualifier_pattern = rf"{re.escape(folded(fact.qualifier))} (?:bao nhieu|may|___)"
    if qualifier_wanted and not re.search(qualifier_pattern, folded_prompt):
        problems.append(Problem("qualifier", f"the qualifier “{fact.qualifier}” must stay before the blank"))
    for text in _forbidden(question):
        if text and _contains(question.prompt, text):
            problems.append(Problem("giveaway", f"the stem shows the answer “{text}”"))
    # A changed title may contain the true one ("Phó Bí thư …" for "Bí thư …"), so titles are exempt.
    changed_title = fact.kind == "person" and question.key != fact.answer
    false_statement = question.type == "truefalse" and question.correct == (1,)
    if false_statement and not changed_title and _contains(question.prompt, question.key):
        problems.append(Problem("giveaway", "a false statement still shows the true value"))
    both_sides = _contains(question.prompt, fact.answer) and _contains(question.prompt, fact.expansion)
    if fact.kind == "acronym" and question.type not in ("matching", "truefalse") and both_sides:
        problems.append(Problem("giveaway", "acronym and expansion are both in the stem"))
    return problems


def _forbidden(question: GeneratedQuestion) -> list[str]:
    """Texts the stem must not show: the answer (every item, for lists; the surname-free part, for names)."""
    fact = question.fact
    if question.type in ("truefalse", "matching"):
        return []
    if fact.kind in ("list", "target"):
        return list(fact.items)
    if fact.kind == "person" and question.key == fact.answer:
        return [question.key, " ".join(fact.answer.split()[-2:])]
    return [question.key]


def _options(question: GeneratedQuestion, pools: Pools) -> list[Problem]:
    problems: list[Problem] = []
    fact, choices = question.fact, question.choices
    if question.type not in ("single", "multi"):
        return problems
    folded = [fold_answer(choice) for choice in choices]
    if len(set(folded)) != len(folded):
        problems.append(Problem("duplicates", "two options are the same after folding"))
    if any(_EMPTY_OPTIONS.search(choice) for choice in choices):
        problems.append(Problem("options", "no “all/none of the above” options"))
    keys = [choices[index] for index in question.correct]
    reference = sum(len(key) for key in keys) / max(len(keys), 1)
    if not all(similar_length(choice, reference) for choice in choices):
        problems.append(Problem("length", "options differ in length by more than 30 %"))
    wrong = [choice for index, choice in enumerate(choices) if index not in question.correct]
    if fact.kind in _SORTED_KINDS and question.variant == "single":
        values = [sort_value(fact.kind, choice) for choice in choices]
        if values != sorted(values):
            problems.append(Problem("order", "numeric options are sorted ascending"))
        key_value = sort_value(fact.kind, keys[0])
        if key_value > 1 and not (min(values) < key_value < max(values)) and not _at_limit(fact.kind, keys[0]):
            problems.append(Problem("spread", "wrong options lie on both sides of the key"))
    if fact.kind == "number" and not all(_NUMERIC_OPTION.match(choice) for choice in choices):
        problems.append(Problem("units", "number options carry no unit or word"))
    if fact.kind == "period" and question.variant == "single":
        spans = {int(c[-4:]) - int(c[:4]) for c in choices if c[:4].isdigit() and c[-4:].isdigit()}
        starts = sorted(int(c[:4]) for c in choices if c[:4].isdigit())
        term = period_term(0, next(iter(spans))) if len(spans) == 1 else 1
        if len(spans) != 1 or any((start - starts[0]) % term for start in starts):
            problems.append(Problem("period", "periods are shifted by whole terms"))
    true_values = pools.values_by_slot.get(fact.slot, set())
    if fact.kind in _SORTED_KINDS and any(value_key(choice) in true_values for choice in wrong):
        problems.append(Problem("true-distractor", "a wrong option is another true value of the slot"))
    if fact.kind == "person" and question.variant.startswith(("single:title", "multi")):
        titles = pools.titles_by_person.get(fact.answer, [])
        if any(is_true_title(choice, titles) for choice in wrong):
            problems.append(Problem("true-distractor", "a wrong title is one the person holds"))
    near_items = any(overlap(choice, item) > 0.5 for choice in wrong for item in fact.items)
    if fact.kind in ("list", "target") and near_items:
        problems.append(Problem("true-distractor", "a wrong option is (nearly) an item of the list"))
    return problems


def _provenance(question: GeneratedQuestion, facts_text: str | None) -> list[Problem]:
    problems: list[Problem] = []
    fact = question.fact
    if not question.id or not fact.sentence.text:
        problems.append(Problem("provenance", "a question carries its id and source sentence"))
    quote = _QUOTE.search(question.explanation)
    quoted = quote.group(1).strip("…") if quote else ""
    if "\n" in question.explanation or not quoted or quoted not in _SPACES.sub(" ", fact.sentence.text):
        problems.append(Problem("explanation", "the explanation is one line quoting the source sentence"))
    if not 0.0 <= question.difficulty <= 1.0:
        problems.append(Problem("difficulty", "difficulty lies between 0 and 1"))
    if facts_text is not None and facts_text[fact.start : fact.end] != fact.answer:
        problems.append(Problem("provenance", "the answer's offsets do not point at it"))
    return problems


def _ambiguity(question: GeneratedQuestion, pools: Pools) -> list[Problem]:
    fact = question.fact
    if fact.kind not in ("number", "date", "period", "ordinal") or question.context_added:
        return []
    predicate = pools.predicate_by_fact.get(fact.key, "")
    if len(pools.values_by_predicate.get(predicate, set())) > 1:
        return [Problem("ambiguous", "the same slot has another value elsewhere in the document")]
    return []


def lint(question: GeneratedQuestion, facts: list[Fact], text: str | None = None) -> list[Problem]:
    """Every broken rule of ``question`` (empty when it passes)."""
    return lint_with(question, build_pools(facts), text)


def lint_with(question: GeneratedQuestion, pools: Pools, text: str | None = None) -> list[Problem]:
    return [
        *_shape(question),
        *_wording(question),
        *_options(question, pools),
        *_provenance(question, text),
        *_ambiguity(question, pools),
    ]
