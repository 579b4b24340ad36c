"""GIFT, Moodle's plain-text question format: export every type, import what trainers write."""

from __future__ import annotations

import re

from quiz.api.bank import TRUE_FALSE
from quiz.errors import UserError
from quiz.questions.exchange import BankItem
from quiz.questions.model import BLANK

_SPECIAL = "~=#{}:\\"
_UNESCAPED_OPEN = re.compile(r"(?<!\\)\{")
_UNESCAPED_CLOSE = re.compile(r"(?<!\\)\}")
_TITLE = re.compile(r"^::(.*?)::", re.DOTALL)
_OPTION = re.compile(r"(?<!\\)([=~])(%-?\d+(?:\.\d+)?%)?")


class GiftError(UserError):
    """A GIFT file this program cannot read."""


def escape(text: str) -> str:
    return "".join("\\" + character if character in _SPECIAL else character for character in text).replace("\n", " ")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def _block(item: BankItem) -> str:
    feedback = f" ####{escape(item.explanation)}" if item.explanation else ""
    if item.type == "truefalse":
        return "{" + ("T" if item.correct == (0,) else "F") + feedback + "}"
    if item.type == "cloze":
        return "{" + " ".join(f"={escape(answer)}" for answer in item.answers) + feedback + "}"
    if item.type == "matching":
        return "{" + " ".join(f"={escape(left)} -> {escape(right)}" for left, right in item.pairs) + feedback + "}"
    if item.type == "multi":
        share = round(100 / max(len(item.correct), 1), 5)
        wrong = round(100 / max(len(item.choices) - len(item.correct), 1), 5)
        options = [
            f"~%{share:g}%{escape(choice)}" if index in item.correct else f"~%-{wrong:g}%{escape(choice)}"
            for index, choice in enumerate(item.choices)
        ]
        return "{" + " ".join(options) + feedback + "}"
    options = [("=" if index in item.correct else "~") + escape(choice) for index, choice in enumerate(item.choices)]
    return "{" + " ".join(options) + feedback + "}"


def export_gift(items: list[BankItem]) -> str:
    """The items as one GIFT text (a blank line between questions)."""
    blocks: list[str] = []
    for item in items:
        title = f"::{escape(item.id)}::"
        if item.type == "cloze" and BLANK in item.prompt:
            before, after = item.prompt.split(BLANK, 1)
            blocks.append(f"{title}{escape(before)}{_block(item)}{escape(after)}")
        else:
            blocks.append(f"{title}{escape(item.prompt)} {_block(item)}")
    return "\n\n".join(blocks) + "\n"


def _split_questions(text: str) -> list[str]:
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if not line.lstrip().startswith("//")]
    return [part.strip() for part in re.split(r"\n\s*\n", "\n".join(lines)) if part.strip()]


def _parse_one(raw: str, number: int) -> BankItem:
    title_match = _TITLE.match(raw)
    title = unescape(title_match.group(1)) if title_match else ""
    body = raw[title_match.end() :] if title_match else raw
    body = re.sub(r"^\[\w+\]", "", body.strip())
    opened = _UNESCAPED_OPEN.search(body)
    closed = _UNESCAPED_CLOSE.search(body, opened.end()) if opened else None
    if opened is None or closed is None:
        raise GiftError(f"Câu hỏi thứ {number} trong tệp GIFT thiếu phần đáp án trong dấu {{ }}.")
    before, inside, after = body[: opened.start()], body[opened.end() : closed.start()], body[closed.end() :]
    inside, _, feedback = inside.partition("####")
    explanation = unescape(feedback)
    in_middle = bool(after.strip())
    prompt = unescape(before + (f" {BLANK} " if in_middle else "") + after)
    prompt = re.sub(r"\s+", " ", prompt).strip()
    answer = inside.strip()
    if answer.upper() in ("T", "TRUE", "F", "FALSE"):
        truth: tuple[int, ...] = (0,) if answer.upper().startswith("T") else (1,)
        return BankItem(title, "truefalse", prompt, TRUE_FALSE, truth, explanation=explanation)
    marks = list(_OPTION.finditer(answer))
    if not marks:
        raise GiftError(f"Câu hỏi thứ {number} trong tệp GIFT không có phương án nào.")
    options: list[tuple[str, str | None, str]] = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(answer)
        options.append((mark.group(1), mark.group(2), answer[mark.end() : end].split("#", 1)[0].strip()))
    if all(sign == "=" for sign, _, _ in options) and all(re.search(r"(?<!\\)->", text) for _, _, text in options):
        pairs = tuple(
            (unescape(left), unescape(right))
            for left, _, right in (re.split(r"(?<!\\)(->)", text, maxsplit=1) for _, _, text in options)
        )
        return BankItem(title, "matching", prompt, tuple(sorted(r for _, r in pairs)), (), (), pairs, explanation)
    if all(sign == "=" for sign, _, _ in options):
        answers = tuple(unescape(text) for _, _, text in options)
        if BLANK not in prompt:
            prompt = f"{prompt} {BLANK}."
        return BankItem(title, "cloze", prompt, (), (), answers, explanation=explanation)
    choices = tuple(unescape(text) for _, _, text in options)
    weighted = any(weight for _, weight, _ in options)
    correct = tuple(
        index
        for index, (sign, weight, _) in enumerate(options)
        if sign == "=" or (weight is not None and not weight.startswith("%-") and weight != "%0%")
    )
    kind = "multi" if weighted and len(correct) > 1 else "single"
    if not correct:
        raise GiftError(f"Câu hỏi thứ {number} trong tệp GIFT không có đáp án đúng.")
    return BankItem(title, kind, prompt, choices, correct, explanation=explanation)


def parse_gift(text: str) -> list[BankItem]:
    """Questions of a GIFT text; a malformed question raises a Vietnamese error naming it."""
    items = [_parse_one(raw, number) for number, raw in enumerate(_split_questions(text), start=1)]
    if not items:
        raise GiftError("Tệp GIFT không có câu hỏi nào.")
    return items
