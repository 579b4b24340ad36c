"""Find a document's enumerations: numbered child sections, marker lines ("- ", "a)", "(1)"), "Thứ nhất … Thứ hai"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.importing.model import ParsedDocument, ParsedSection

# A list marker at the start of a line or heading; the marker's shape decides which items belong together.
_MARKER = re.compile(
    r"^\s*(?:(?P<roman>[IVXLC]{1,6})\s*[.\-–)]|(?P<nested>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*[.\-–)]?"
    r"|(?P<number>\d{1,2})\s*[.)\-–]|\((?P<paren>\d{1,2}|[a-zđ]|[ivx]{1,4})\)|(?P<letter>[a-zđ])\s*\)"
    r"|(?P<bullet>[-–+•*]))\s+(?=\S)"
)
_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
_COUNTS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
_ORDINAL_OPENER = re.compile(
    rf"(?:(?<=^)|(?<=[\n:;.]\s)|(?<=[\n:]))(?:[Tt]hứ\s+(?P<ordinal>{'|'.join(_ORDINALS)})|"
    rf"(?P<count>{'|'.join(word.capitalize() for word in _COUNTS)})\s+là)(?![^\W\d_])[,:]?\s*(?:là\s+)?",
    re.MULTILINE,
)
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
MINIMUM_ITEMS = 2


@dataclass(frozen=True)
class Item:
    """One listed item: where its words start and where its first paragraph ends (absolute offsets)."""

    start: int
    end: int
    section: int
    rank: int


@dataclass(frozen=True)
class Group:
    """Items read together and the text that announces them (a heading line or a lead-in sentence)."""

    lead_start: int
    lead_end: int
    lead_section: int
    items: tuple[Item, ...]
    # The text itself numbers the items (1., a), Thứ nhất), so "the third one" means something.
    numbered: bool
    # "heading" when the lead is a heading line, "text" a paragraph, "inline" the start of the items' sentence.
    lead_kind: str


def marker_of(line: str) -> tuple[str, int, int] | None:
    """(kind, rank, length) of the list marker opening ``line``; rank is the item's number (bullets: 0)."""
    match = _MARKER.match(line)
    if match is None:
        return None
    kind = next(name for name, value in match.groupdict().items() if value is not None)
    value = match.group(kind)
    rank = 0
    if kind == "roman":
        rank = _roman(value)
    elif kind in ("number", "nested"):
        rank = int(value.split(".")[-1])
        # "1." and "1)" are different levels of one outline.
        kind += line[match.end("number") : match.end()].strip()[:1] if kind == "number" else ""
    elif kind == "letter":
        rank = _LETTERS.find(value) + 1
    elif kind == "paren":
        rank = int(value) if value.isdigit() else _ROMAN_VALUES.get(value, _LETTERS.find(value) + 1)
        kind = "paren-digit" if value.isdigit() else "paren-letter"
    if kind == "nested":
        kind = f"nested{value.count('.')}"
    return kind, rank, match.end()


def _roman(value: str) -> int:
    return _ROMAN_VALUES.get(value.lower(), 0)


def _sequential(ranks: list[int]) -> bool:
    return all(rank == index + 1 for index, rank in enumerate(ranks))


def read_groups(document: ParsedDocument) -> list[Group]:
    """Every enumeration of ``document``: child sections of a heading, marker lines, ordinal sentences."""
    groups = _tree_groups(document)
    for position, section in enumerate(document.sections):
        groups.extend(_line_groups(document.text, position, section))
    groups.extend(_ordinal_groups(document))
    return sorted(groups, key=lambda group: (group.lead_start, group.items[0].start))


def _heading_line(text: str, section: ParsedSection) -> tuple[int, int] | None:
    """The heading line of ``section`` when it stands alone on its line (None for inline headings)."""
    found = text.rfind(section.title, 0, section.start + 1)
    if found == -1 or text[text.rfind("\n", 0, found) + 1 : found].strip():
        return None
    end = found + len(section.title)
    return (found, end) if not text[end : section.start].strip(" \t\n:") else None


def _tree_groups(document: ParsedDocument) -> list[Group]:
    text = document.text
    children: dict[int, list[int]] = {}
    for position, section in enumerate(document.sections):
        if section.parent is not None:
            children.setdefault(section.parent, []).append(position)
    groups: list[Group] = []
    for parent, members in children.items():
        lead = _heading_line(text, document.sections[parent])
        read = [_section_item(text, document.sections[position], position) for position in members]
        if any(item is None for item in read) or len(read) < MINIMUM_ITEMS:
            continue
        first_kind = read[0][0] if read[0] else ""
        # An outline may mix levels under one heading ("1.", "1)", "2."): the first child's kind is the list.
        items = [found[1] for found in read if found and found[0] == first_kind]
        if len(items) < MINIMUM_ITEMS or not _sequential([item.rank for item in items]):
            continue
        if lead is None:
            parent_section = document.sections[parent]
            lead = (parent_section.start, _first_line_end(text, parent_section.start))
        numbered = _sequential([item.rank for item in items])
        groups.append(Group(lead[0], lead[1], parent, tuple(items), numbered, "heading"))
    return groups + _top_level_groups(document)


def _top_level_groups(document: ParsedDocument) -> list[Group]:
    """Numbered sections without a parent heading, announced by the paragraph before them ("… sau:")."""
    text = document.text
    groups: list[Group] = []
    run: list[Item] = []
    run_kind = ""
    for position, section in enumerate(document.sections):
        read = _section_item(text, section, position) if section.parent is None else None
        if read and run and read[0] == run_kind and read[1].rank == len(run) + 1:
            run.append(read[1])
            continue
        groups.extend(_announced(document, run))
        run, run_kind = ([read[1]], read[0]) if read and read[1].rank == 1 else ([], "")
    groups.extend(_announced(document, run))
    return groups


def _announced(document: ParsedDocument, run: list[Item]) -> list[Group]:
    if len(run) < MINIMUM_ITEMS or run[0].section == 0:
        return []
    before = document.sections[run[0].section - 1]
    if before.level != 1 or not before.text.rstrip().endswith(":"):
        return []
    lead_start = before.start + before.text.rstrip().rfind("\n") + 1
    return [Group(lead_start, before.start + len(before.text.rstrip()), run[0].section - 1, tuple(run), True, "text")]


def _first_line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end != -1 else len(text)


def _section_item(text: str, section: ParsedSection, position: int) -> tuple[str, Item] | None:
    """A numbered child section as an item: its heading's words, or its body when the heading is inline."""
    standalone = _heading_line(text, section)
    line_start = standalone[0] if standalone else text.rfind("\n", 0, section.start) + 1
    marker = marker_of(text[line_start : line_start + 40])
    if marker is None or marker[0] == "bullet":
        return None
    kind, rank, length = marker
    if standalone:
        return kind, Item(line_start + length, standalone[1], position, rank)
    return kind, Item(section.start, _first_line_end(text, section.start), position, rank)


def _line_groups(text: str, position: int, section: ParsedSection) -> list[Group]:
    """Runs of body lines opening with the same kind of marker ("- ", "a)", "(1)") inside one section."""
    groups: list[Group] = []
    run: list[Item] = []
    run_kind = ""
    previous: tuple[int, int] | None = None
    lead: tuple[int, int] | None = None
    # The last paragraph without a marker inside a numbered run (a new list's lead if the numbering restarts).
    between: tuple[int, int] | None = None
    offset = section.start
    heading = _heading_line(text, section)
    for line in text[section.start : section.end].split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        marker = marker_of(line)
        if marker and line.rstrip().endswith(":"):
            # A marker line that announces sub-items ("- Tư tưởng cốt lõi:") leads them; it is no item.
            groups.extend(_close_run(run, run_kind, lead, heading, position))
            run, run_kind, previous = [], "", (start + marker[2], end)
            continue
        if marker and run and marker[0] == run_kind and marker[1] == 1 and between is not None:
            # Numbering that starts again after a paragraph of its own: that paragraph announces a new list
            # ("Nhiệm vụ trọng tâm:" then "(1) …" after the twelve "(n)" of "Định hướng phát triển:").
            groups.extend(_close_run(run, run_kind, lead, heading, position))
            run, previous = [], between
        if marker and (marker[0] == run_kind or not run):
            if not run:
                lead, run_kind = previous, marker[0]
            run.append(Item(start + marker[2], end, position, marker[1]))
            between = None
            continue
        if run and not marker and run_kind != "bullet":
            # A numbered item may run over several paragraphs ("2.1- …" then its body) until the next number.
            between = (start, end)
            continue
        groups.extend(_close_run(run, run_kind, lead, heading, position))
        run, run_kind, between = [], "", None
        if marker:
            lead, run_kind = previous, marker[0]
            run.append(Item(start + marker[2], end, position, marker[1]))
        previous = (start, end)
    groups.extend(_close_run(run, run_kind, lead, heading, position))
    return groups


def _close_run(
    run: list[Item], kind: str, lead: tuple[int, int] | None, heading: tuple[int, int] | None, position: int
) -> list[Group]:
    if len(run) < MINIMUM_ITEMS:
        return []
    numbered = kind != "bullet" and _sequential([item.rank for item in run])
    if kind != "bullet" and not numbered:
        return []
    if lead is None:
        start, end = heading or (run[0].start, run[0].start)
        return [Group(start, end, position, tuple(run), numbered, "heading")]
    return [Group(lead[0], lead[1], position, tuple(run), numbered, "text")]


def _ordinal_groups(document: ParsedDocument) -> list[Group]:
    """ "Thứ nhất …, Thứ hai …" or "Một là …, Hai là …" in order, each item up to the next opener; the run
    may cross the paragraph groups of an article without headings."""
    text = document.text
    openers = list(_ORDINAL_OPENER.finditer(text))
    groups: list[Group] = []
    index = 0
    while index < len(openers):
        run = [openers[index]]
        while index + len(run) < len(openers) and _ordinal_rank(openers[index + len(run)]) == len(run) + 1:
            run.append(openers[index + len(run)])
        if _ordinal_rank(run[0]) == 1 and len(run) >= MINIMUM_ITEMS:
            items = []
            for number, opener in enumerate(run, start=1):
                stop = _first_line_end(text, opener.end())
                if number < len(run):
                    stop = min(stop, run[number].start())
                section = section_at(document, opener.end())
                if section is not None:
                    items.append(Item(opener.end(), stop, section, number))
            lead_end = run[0].start()
            lead_section = section_at(document, max(lead_end - 1, 0))
            if len(items) == len(run) and lead_section is not None:
                lead_start = max(text.rfind("\n", 0, lead_end) + 1, document.sections[lead_section].start)
                if not text[lead_start:lead_end].strip():
                    # "Thứ nhất" opens its own paragraph: the paragraph before announces the items.
                    lead_end = len(text[:lead_start].rstrip())
                    lead_start = max(text.rfind("\n", 0, lead_end) + 1, document.sections[lead_section].start)
                groups.append(Group(lead_start, lead_end, lead_section, tuple(items), True, "text"))
        index += len(run)
    return groups


def section_at(document: ParsedDocument, offset: int) -> int | None:
    """Position of the section whose body holds ``offset`` (None in headings and removed text)."""
    for position, section in enumerate(document.sections):
        if section.start <= offset < section.end:
            return position
    return None


def _ordinal_rank(match: re.Match[str]) -> int:
    if match.group("ordinal"):
        return _ORDINALS.index(match.group("ordinal")) + 1
    return _COUNTS.index(match.group("count").lower()) + 1
