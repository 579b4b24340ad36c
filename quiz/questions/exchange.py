"""The plain question shape exchanged with Moodle (GIFT and Moodle XML), independent of the database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BankItem:
    id: str
    type: str
    prompt: str
    choices: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()
    answers: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    explanation: str = ""
