"""Paper attempt codes: typed back in any form, every single typo and neighbour swap refused."""

from __future__ import annotations

import random

import pytest

from quiz.api.paper_codes import ALPHABET, CODE_LENGTH, display_code, new_code, parse_code
from quiz.errors import UserError


def test_codes_read_back_in_any_case_with_dashes_and_spaces() -> None:
    generator = random.Random(7)
    for _ in range(200):
        code = new_code(generator)
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
        assert parse_code(code) == parse_code(f" {display_code(code).lower()} ") == code


@pytest.mark.parametrize("look_alikes", ["0OQD", "1IL", "2Z", "5S", "8B", "6G", "UV"])
def test_the_alphabet_keeps_at_most_one_of_each_look_alike_group(look_alikes: str) -> None:
    assert len(set(ALPHABET) & set(look_alikes)) <= 1


def test_every_single_wrong_character_and_neighbour_swap_is_caught() -> None:
    generator = random.Random(11)
    for _ in range(300):
        code = new_code(generator)
        typos = [code[:i] + other + code[i + 1 :] for i in range(CODE_LENGTH) for other in ALPHABET if other != code[i]]
        typos += [
            code[:i] + code[i + 1] + code[i] + code[i + 2 :] for i in range(CODE_LENGTH - 1) if code[i] != code[i + 1]
        ]
        for typo in typos:
            with pytest.raises(UserError):
                parse_code(typo)


@pytest.mark.parametrize("typed", ["", "K7M3P", "K7M3PXX", "K7M-3P0"])
def test_wrong_lengths_and_characters_are_refused_in_vietnamese(typed: str) -> None:
    with pytest.raises(UserError, match=r"[mM]ã"):
        parse_code(typed)
