"""Find a document's title and the header lines (issuing body, number, place and date) before its body."""

from __future__ import annotations

from quiz.importing.headings import match_heading
from quiz.text import fold

# Document types that head an official Party or state text; alone (or leading) on a line they start its title.
_DOCUMENT_TYPES = (
    "nghi quyet", "chi thi", "ket luan", "quyet dinh", "ke hoach", "bao cao", "huong dan", "chuong trinh",
    "thong bao", "quy dinh", "de an", "to trinh", "thong tri", "quy che", "loi keu goi",
)  # fmt: skip
_HEADER_SEARCH_LINES = 12
_MAXIMUM_TITLE_LINES = 4
_MAXIMUM_TITLE_LINE_WORDS = 25


def find_title(lines: list[str]) -> tuple[str, int]:
    """Return the title and how many leading lines form the header (excluded from the sections).

    An official text has a header block ("ĐẢNG BỘ ...", "Số 01-NQ/TU", place and date) and then a
    document-type line ("NGHỊ QUYẾT") with the subject on the lines after it; a web article has its
    headline as first line.
    """
    if not lines:
        return "", 0
    for index, line in enumerate(lines[:_HEADER_SEARCH_LINES]):
        if _is_document_type_line(line):
            title_lines = [line]
            end = index + 1
            while end < len(lines) and len(title_lines) < _MAXIMUM_TITLE_LINES and _continues_title(lines[end]):
                title_lines.append(lines[end])
                end += 1
            return _join_title(title_lines), end
    if len(lines) == 1 or (match_heading(lines[0]) is not None and not lines[0].isupper()):
        return lines[0].rstrip(" :."), 0
    return lines[0].rstrip(" :."), 1


def _is_document_type_line(line: str) -> bool:
    folded = fold(line).strip(" :.")
    if folded in _DOCUMENT_TYPES:
        return True
    return line.isupper() and folded.startswith(_DOCUMENT_TYPES) and len(line.split()) <= _MAXIMUM_TITLE_LINE_WORDS


def _continues_title(line: str) -> bool:
    """Subject lines of an official title: all capitals, or starting "về ..." / in brackets, never a sentence."""
    heading = match_heading(line)
    # "I- QUAN ĐIỂM" is capitals too, but a numbered heading opens the body, never continues the title.
    if heading is not None and (heading.kind != "caps" or not line.isupper()):
        return False
    if fold(line).strip(" :.") in {"quyet nghi", "quyet dinh"} or line.endswith((".", ";", ":")):
        return False
    if len(line.split()) > _MAXIMUM_TITLE_LINE_WORDS:
        return False
    return line.isupper() or fold(line).startswith(("ve ", "(", "khoa ", "nhiem ky", "giai doan"))


def _join_title(lines: list[str]) -> str:
    first = lines[0].strip(" :.")
    # "NGHỊ QUYẾT" reads as a title word, not a shout; the subject lines keep their case (names).
    if fold(first) in _DOCUMENT_TYPES:
        first = first.capitalize()
    return " ".join([first, *(line.strip(" :.") for line in lines[1:])])
