"""Build the section tree: from headings when the text has them, else from groups of paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.importing.grouping import group_paragraphs
from quiz.importing.headings import HeadingMatch, match_heading
from quiz.importing.model import ParsedSection
from quiz.importing.sentences import split_sentences
from quiz.importing.titles import fallback_title, make_title

# Fewer headings than this and the text is treated as an article without headings.
_MINIMUM_HEADINGS = 2


@dataclass(frozen=True)
class Paragraph:
    """One kept line of the cleaned text, with its offsets and the heading level a .docx style gave it."""

    start: int
    end: int
    text: str
    style_level: int | None = None


@dataclass
class _Draft:
    title: str
    kind: str
    heading_end: int
    spans: list[tuple[int, int]] = field(default_factory=list)


def build_sections(text: str, paragraphs: list[Paragraph]) -> tuple[ParsedSection, ...]:
    """Sections in reading order; every offset is into ``text``."""
    matches = [match_heading(paragraph.text, paragraph.style_level) for paragraph in paragraphs]
    if sum(1 for match in matches if match is not None) < _MINIMUM_HEADINGS:
        return _finish(text, _paragraph_drafts(text, paragraphs), [1] * len(paragraphs))
    first_heading = next(index for index, match in enumerate(matches) if match is not None)
    drafts = _paragraph_drafts(text, paragraphs[:first_heading])
    kinds_of_intro = len(drafts)
    drafts.extend(_heading_drafts(paragraphs[first_heading:], matches[first_heading:]))
    return _finish(text, drafts, [1] * kinds_of_intro + _levels([draft.kind for draft in drafts[kinds_of_intro:]]))


def _paragraph_drafts(text: str, paragraphs: list[Paragraph]) -> list[_Draft]:
    drafts: list[_Draft] = []
    used_titles: set[str] = set()
    for group in group_paragraphs([paragraph.end - paragraph.start for paragraph in paragraphs]):
        members = [paragraphs[index] for index in group]
        title = _title_for(text, members, used_titles)
        used_titles.add(title)
        drafts.append(_Draft(title, "paragraphs", members[0].start, [(p.start, p.end) for p in members]))
    return drafts


def _title_for(text: str, paragraphs: list[Paragraph], used_titles: set[str]) -> str:
    """The first clean title from the group's sentences that no earlier section already has."""
    candidates: list[str] = []
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph.text)[:3]:
            title = make_title(sentence.text)
            if title and title not in used_titles:
                return title
            if title:
                candidates.append(title)
    return candidates[0] if candidates else fallback_title(paragraphs[0].text)


def _heading_drafts(paragraphs: list[Paragraph], matches: list[HeadingMatch | None]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for paragraph, match in zip(paragraphs, matches, strict=True):
        if match is None:
            drafts[-1].spans.append((paragraph.start, paragraph.end))
        elif match.kind == "caps" and drafts and drafts[-1].kind == "caps" and not drafts[-1].spans:
            # Consecutive capital lines are one title block ("CHƯƠNG TRÌNH HÀNH ĐỘNG" / "THỰC HIỆN ...").
            drafts[-1].title += " " + paragraph.text.rstrip(" :")
            drafts[-1].heading_end = paragraph.end
        elif match.inline:
            body_start = paragraph.start + match.words_start
            rest = paragraph.text[match.words_start :]
            first_sentence = split_sentences(rest)
            derived = make_title(first_sentence[0].text, prefer_clause=True) if first_sentence else None
            title = f"{paragraph.text[: match.words_start].strip()} {derived or fallback_title(rest)}"
            drafts.append(_Draft(title, match.kind, body_start, [(body_start, paragraph.end)]))
        else:
            drafts.append(_Draft(paragraph.text.rstrip(" :"), match.kind, paragraph.end))
    return drafts


def _levels(kinds: list[str]) -> list[int]:
    """Nesting by order of first appearance: a new kind of marker goes one level deeper, a known kind returns
    to its level. A capital title block after other headings starts a new top-level part."""
    stack: list[str] = []
    levels: list[int] = []
    for kind in kinds:
        if kind in stack:
            del stack[stack.index(kind) + 1 :]
        elif kind == "caps" or (kind.startswith("style") and _style_shallower(kind, stack)):
            stack = [kind]
        else:
            stack.append(kind)
        levels.append(len(stack))
    return levels


def _style_shallower(kind: str, stack: list[str]) -> bool:
    styles = [int(other[5:]) for other in stack if other.startswith("style")]
    return bool(styles) and int(kind[5:]) < min(styles)


def _finish(text: str, drafts: list[_Draft], levels: list[int]) -> tuple[ParsedSection, ...]:
    sections: list[ParsedSection] = []
    # open_parents[level - 1] is the position of the latest section at that level.
    open_parents: list[int] = []
    for position, (draft, level) in enumerate(zip(drafts, levels, strict=False)):
        del open_parents[level - 1 :]
        parent = open_parents[-1] if open_parents else None
        open_parents.extend([position] * (level - len(open_parents)))
        start, end = (draft.spans[0][0], draft.spans[-1][1]) if draft.spans else (draft.heading_end,) * 2
        sentences = tuple(
            sentence
            for span_start, span_end in draft.spans
            for sentence in split_sentences(text[span_start:span_end], span_start)
        )
        sections.append(ParsedSection(draft.title, level, parent, start, end, text[start:end], sentences))
    return tuple(sections)
