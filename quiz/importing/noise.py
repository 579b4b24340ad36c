"""Drop the web-page noise around a resolution text, recording every dropped line with its reason."""

from __future__ import annotations

from quiz.importing import noise_rules
from quiz.importing.headings import is_caps_heading, is_decision_heading
from quiz.importing.model import RemovedLine
from quiz.text import fold

# A byline in the last part of the page ends the article: what follows it are other articles' teasers.
# Earlier than this share of the text, a byline sits under the title and only that line is dropped.
_TAIL_START_SHARE = 0.5
_MAXIMUM_CAPTION_LENGTH = 300
# Fewer kept lines than this and a capital last line is the body itself, not a signature.
_MINIMUM_BODY_LINES = 3


def strip_noise(lines: list[str], protected: frozenset[int] = frozenset()) -> tuple[list[int], list[RemovedLine]]:
    """Return the indices of the lines to keep and the removed lines with reasons.

    ``lines`` are stripped, non-empty paragraphs in order; ``protected`` indices (headings a .docx marked
    with a style) are never dropped by the line rules.
    """
    total = sum(len(line) for line in lines) or 1
    kept: list[int] = []
    removed: list[tuple[int, RemovedLine]] = []
    characters_before = 0
    caption_follows = False
    tail_reason: str | None = None
    for index, line in enumerate(lines):
        share_before = characters_before / total
        characters_before += len(line)
        if index in protected:
            kept.append(index)
            tail_reason = None
            caption_follows = False
            continue
        if tail_reason is not None and is_decision_heading(line):
            tail_reason = None
        if tail_reason is not None:
            removed.append((index, RemovedLine(line, noise_rules.line_noise(line, index) or tail_reason)))
            continue
        if caption_follows:
            caption_follows = False
            if len(line) <= _MAXIMUM_CAPTION_LENGTH:
                removed.append((index, RemovedLine(line, noise_rules.CAPTION)))
                continue
        if noise_rules.is_caption_marker(line):
            removed.append((index, RemovedLine(line, noise_rules.CAPTION)))
            caption_follows = True
            continue
        reason = noise_rules.line_noise(line, index)
        if reason is None and kept and lines[kept[-1]] == line and len(line) <= _MAXIMUM_CAPTION_LENGTH:
            reason = noise_rules.DUPLICATE
        if reason is None:
            kept.append(index)
            continue
        removed.append((index, RemovedLine(line, reason)))
        if share_before >= _TAIL_START_SHARE:
            tail_reason = _tail_reason(line, reason)
    # Capital lines that end the text with nothing under them are the signing body ("ĐẠI HỘI ĐẢNG BỘ ...").
    while len(kept) > _MINIMUM_BODY_LINES and kept[-1] not in protected and is_caps_heading(lines[kept[-1]]):
        closing = kept.pop()
        removed.append((closing, RemovedLine(lines[closing], noise_rules.SIGNATURE)))
    return kept, [line for _, line in sorted(removed, key=lambda pair: pair[0])]


def _tail_reason(line: str, reason: str) -> str | None:
    """Why the lines after this late noise line are dropped too, or None when they are not."""
    if reason == noise_rules.SIGNATURE:
        return noise_rules.SIGNATURE
    if reason == noise_rules.BYLINE:
        return noise_rules.TAIL
    if reason == noise_rules.SHARE_FOOTER and fold(line).startswith(noise_rules.TAIL_MARKERS):
        return noise_rules.TAIL
    return None
