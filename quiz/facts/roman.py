"""Roman numerals as Party documents use them (Đại hội XIII, khóa XV)."""

from __future__ import annotations

_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def int_to_roman(value: int) -> str:
    """``15`` → ``"XV"`` (1 ≤ value < 4000)."""
    parts: list[str] = []
    for amount, letters in _VALUES:
        count, value = divmod(value, amount)
        parts.append(letters * count)
    return "".join(parts)


def roman_to_int(text: str) -> int:
    """``"XV"`` → ``15``; 0 when ``text`` is not a well-formed Roman numeral."""
    total = 0
    position = 0
    for amount, letters in _VALUES:
        while text.startswith(letters, position):
            total += amount
            position += len(letters)
    if position != len(text) or not text or int_to_roman(total) != text:
        return 0
    return total
