"""Folded full-text search helpers: query tokens, the FTS5 match expression and highlight spans."""

from __future__ import annotations

import re

from quiz.text import fold

_TOKEN = re.compile(r"[^\W_]+")


def query_tokens(query: str) -> tuple[str, ...]:
    """The folded words of a search query ("Chuyển đổi số!" → ("chuyen", "doi", "so"))."""
    return tuple(_TOKEN.findall(fold(query)))


def fts_match_expression(tokens: tuple[str, ...]) -> str:
    """An FTS5 MATCH expression: every word required, the last one as a prefix (search as you type)."""
    quoted = [f'"{token}"' for token in tokens]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def _word_pattern(token: str, is_last: bool) -> str:
    # Earlier words match whole words; the last may be unfinished, as in the FTS5 expression.
    return rf"(?<![^\W_]){re.escape(token)}" + ("" if is_last else r"(?![^\W_])")


def matches_all(folded_text: str, tokens: tuple[str, ...]) -> bool:
    """True when every token occurs as a word in ``folded_text`` (the same rule as the FTS5 expression)."""
    return all(
        re.search(_word_pattern(token, index == len(tokens) - 1), folded_text) for index, token in enumerate(tokens)
    )


def highlight_spans(folded_text: str, tokens: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Spans to highlight in the sentence: the whole phrase where it occurs, else each word.

    ``fold`` keeps one character per character, so spans in the folded text are valid in the NFC text.
    """
    if not tokens:
        return ()
    phrase = r"[\W_]+".join(_word_pattern(token, index == len(tokens) - 1) for index, token in enumerate(tokens))
    spans = [match.span() for match in re.finditer(phrase, folded_text)]
    if not spans:
        for index, token in enumerate(tokens):
            pattern = _word_pattern(token, index == len(tokens) - 1)
            spans.extend(match.span() for match in re.finditer(pattern, folded_text))
    return _merge(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def like_pattern(token: str) -> str:
    """A LIKE pattern finding ``token`` anywhere (escaped with backslash); exact word rules are checked after."""
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
