"""Acronym expansions are clean noun phrases, or the sentence gives no acronym fact."""

from __future__ import annotations

import pytest

from quiz.facts.acronyms import extract_acronyms
from quiz.facts.model import SentenceSpan


def _expansions(text: str) -> dict[str, str]:
    return {fact.answer: fact.expansion for fact in extract_acronyms(SentenceSpan(0, "", 0, len(text), text))}


@pytest.mark.parametrize(
    "text",
    [
        "Phấn đấu nâng cao thu nhập của người dân Việt Nam, đóng góp vào chỉ số phát triển con người (HDI).",
        "Kinh tế của tỉnh Bình An, tiếp tục giữ vững chỉ số cải cách hành chính (PAR).",
        "Đời sống người dân Việt Nam đóng góp vào chỉ số phát triển con người (HDI) của cả nước.",
    ],
)
def test_a_clause_before_the_acronym_is_no_expansion(text: str) -> None:
    assert _expansions(text) == {}


def test_a_noun_phrase_before_the_acronym_is_its_expansion() -> None:
    text = "Tỉnh tiếp tục nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Hội đồng nhân dân (HĐND) các cấp."
    assert _expansions(text) == {"PCI": "Chỉ số năng lực cạnh tranh cấp tỉnh", "HĐND": "Hội đồng nhân dân"}
