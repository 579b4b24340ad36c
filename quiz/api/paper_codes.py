"""Short attempt codes for paper quizzes: five characters without look-alikes, then a check character.

Of each group that hand-writing or a poor print confuses (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V) at most one
character is kept. The 23 characters are a prime number, and the check character makes the weighted sum of the
six positions (weights 1…6) zero modulo 23: any one wrong character and any swap of two neighbours is caught.
"""

from __future__ import annotations

import random

from quiz.errors import UserError

ALPHABET = "34679ACDEFHJKLMNPRTVWXY"
CODE_LENGTH = 6
_VALUES = {character: value for value, character in enumerate(ALPHABET)}


def _check_character(body: str) -> str:
    total = sum(weight * _VALUES[character] for weight, character in enumerate(body, start=1))
    # weight 6 · check ≡ −total (mod 23); 4 is the inverse of 6 modulo 23 (6 · 4 = 24).
    return ALPHABET[(-total * 4) % len(ALPHABET)]


def new_code(generator: random.Random) -> str:
    """A fresh code: five random characters and their check character."""
    body = "".join(generator.choice(ALPHABET) for _ in range(CODE_LENGTH - 1))
    return body + _check_character(body)


def display_code(code: str) -> str:
    """The code as printed, in two groups of three ("K7M-3PX") so the eye keeps its place."""
    return f"{code[:3]}-{code[3:]}"


def parse_code(typed: str) -> str:
    """The code in ``typed`` (any case, spaces and dashes allowed); a typo is refused with one sentence."""
    cleaned = "".join(character for character in typed.upper() if character not in " -–.\t")
    if not cleaned:
        raise UserError("Hãy nhập mã bài làm in ở góc trên của bài kiểm tra trên giấy.")
    wrong = sorted({character for character in cleaned if character not in _VALUES})
    if wrong:
        raise UserError(
            f"Mã bài làm không có ký tự “{''.join(wrong)}”; mã chỉ gồm các chữ số và chữ cái in trên bài, "
            "hãy đọc lại mã trên giấy."
        )
    if len(cleaned) != CODE_LENGTH:
        raise UserError(f"Mã bài làm có đúng {CODE_LENGTH} ký tự; hãy đọc lại mã trên giấy.")
    if _check_character(cleaned[:-1]) != cleaned[-1]:
        raise UserError("Mã bài làm không đúng (có thể gõ nhầm một ký tự); hãy đọc lại mã trên giấy.")
    return cleaned
