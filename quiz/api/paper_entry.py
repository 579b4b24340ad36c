"""Reading what a member ticked on paper: one typed token per question into the response the scoring takes.

Tokens: A–D (or 1–4) for options, several letters for a multiple choice ("AC"), Đ/S for true/false, one letter
per numbered item for matching ("BADC"), the written text for a typed answer, and "-" for a blank.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from quiz.api.answers import Answer, ChoiceAnswer, ChoicesAnswer, PairsAnswer, TextAnswer
from quiz.api.paper import PaperQuestion
from quiz.errors import UserError
from quiz.text import fold

BLANK = "-"
LETTERS = "ABCDEFGHIJ"
_TRUE_KEYS = frozenset({"Đ", "D", "1", "A"})
_FALSE_KEYS = frozenset({"S", "2", "B"})


def letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


def option_index(key: str, size: int) -> int | None:
    """The displayed option a key names (A/a or 1 for the first); None for anything else."""
    key = key.strip().upper()
    if len(key) != 1:
        return None
    index = LETTERS.find(key) if key.isalpha() else (int(key) - 1 if key.isdigit() else -1)
    return index if 0 <= index < size else None


def true_false_index(question: PaperQuestion, key: str) -> int | None:
    """Đúng/Sai keys mapped onto the options as this paper shows them."""
    folded = [fold(option).strip() for option in question.options]
    key = key.strip().upper()
    wanted = "dung" if key in _TRUE_KEYS else "sai" if key in _FALSE_KEYS else None
    if wanted is None:
        return None
    return folded.index(wanted) if wanted in folded else option_index(key, len(question.options))


def response_for(question: PaperQuestion, token: str) -> Answer | None:
    """The response for one token (None for a blank); raises UserError naming the question when it cannot be."""
    token = token.strip()
    if token in ("", BLANK):
        return None
    number = question.position + 1
    if question.type == "cloze":
        return TextAnswer(token)
    keys = [key for key in token.upper().replace(",", "").replace(" ", "")]
    if question.type == "truefalse" and len(keys) == 1:
        choice = true_false_index(question, keys[0])
        if choice is not None:
            return ChoiceAnswer(choice)
        raise UserError(f"Câu {number} là câu Đúng/Sai: hãy gõ Đ (hoặc D) cho Đúng, S cho Sai, - nếu bỏ trống.")
    if question.type == "matching":
        picks = [None if key == BLANK else option_index(key, len(question.options)) for key in keys]
        if len(keys) != len(question.left_items) or any(
            pick is None and key != BLANK for pick, key in zip(picks, keys, strict=True)
        ):
            raise UserError(
                f"Câu {number} là câu ghép đôi: hãy gõ {len(question.left_items)} chữ cái theo thứ tự các ý 1, 2, …"
            )
        return PairsAnswer(tuple(picks))
    choices = [option_index(key, len(question.options)) for key in keys]
    valid = [choice for choice in choices if choice is not None]
    if not keys or len(valid) != len(keys) or len(set(valid)) != len(valid):
        last = letter(len(question.options) - 1)
        raise UserError(f"Câu {number}: hãy gõ một chữ cái từ A đến {last} (hoặc số từ 1 đến {len(question.options)}).")
    if question.type == "multi":
        return ChoicesAnswer(tuple(sorted(valid)))
    if len(valid) != 1:
        raise UserError(f"Câu {number} chỉ có một đáp án đúng; hãy gõ đúng một chữ cái.")
    return ChoiceAnswer(valid[0])


def split_tokens(text: str) -> list[str]:
    """Tokens separated by spaces; a typed answer with spaces goes in quotes ("A “Đại hội XIV” B")."""
    normalised = text.replace("“", '"').replace("”", '"')
    try:
        return shlex.split(normalised, posix=True)
    except ValueError:
        raise UserError("Các câu trả lời có một dấu ngoặc kép chưa đóng; hãy kiểm tra lại.") from None


def responses_for(questions: Sequence[PaperQuestion], text: str) -> list[Answer | None]:
    """One response (or None) per question from a line of tokens in paper order."""
    tokens = split_tokens(text)
    if len(tokens) != len(questions):
        raise UserError(
            f"Bài có {len(questions)} câu nhưng đã nhập {len(tokens)} câu trả lời; "
            "mỗi câu một mục, câu bỏ trống gõ dấu -."
        )
    return [response_for(question, token) for question, token in zip(questions, tokens, strict=True)]


def token_for(question: PaperQuestion, response: Answer | None) -> str:
    """The token that gives ``response`` back (the review grid and re-entry show it)."""
    if response is None:
        return BLANK
    if isinstance(response, TextAnswer):
        return response.text
    if isinstance(response, PairsAnswer):
        return "".join(BLANK if pick is None else letter(pick) for pick in response.pairs)
    if isinstance(response, ChoicesAnswer):
        return "".join(letter(index) for index in response.choices)
    if question.type == "truefalse":
        return "Đ" if fold(question.options[response.choice]).strip() == "dung" else "S"
    return letter(response.choice)
