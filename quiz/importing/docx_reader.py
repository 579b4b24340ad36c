"""Read a .docx's paragraphs and table cells, with heading hints, using only zipfile and ElementTree."""

from __future__ import annotations

import io
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO
from urllib.parse import unquote
from xml.etree import ElementTree

from quiz.importing import refusals
from quiz.importing.model import ImportRefused, SourceBlock

# A long resolution's document.xml is a few MB; more than this inflated from the parts we read is a zip bomb.
MAXIMUM_UNPACKED_BYTES = 200 * 1024 * 1024

_HEADING_STYLE = re.compile(r"^(?:heading|tiêu đề|đề mục)\s*(\d)", re.IGNORECASE)
# Word writes the transitional namespace; "Strict Open XML" files use the second with the same names.
_WORD_NAMESPACES = frozenset(
    {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"}
)
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONTENT_TYPE_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_FALLBACK_MAIN_PART = "word/document.xml"
# Elements whose content is the document's own (content controls, links, smart tags, tracked insertions);
# tracked deletions (w:del, w:moveFrom) are not here, so their text is dropped.
_WRAPPERS = ("sdt", "customXml", "smartTag", "hyperlink", "ins", "moveTo", "fldSimple", "dir", "bdo")
# Tables in cells and wrappers in wrappers nest a few levels in real documents; far deeper is a file made to
# exhaust the stack (the import runs on a worker thread, whose stack is small).
_MAXIMUM_NESTING = 100
# python-docx's text for the run children that are not w:t (a w:br is special-cased: only a line break counts).
_RUN_CHARACTERS = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


def read_docx(data: bytes) -> list[SourceBlock]:
    """Paragraphs and table cells of a .docx in document order; refuse anything that is not a readable one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive)
            main_part = _main_part(package)
            styles = _Styles(package.parse(_styles_part(package, main_part)))
            with package.open(main_part) as stream:
                return _read_body(stream, styles)
    except Exception as error:
        # A bad zip, a missing part, bad XML, a zip bomb or a part that is not Word's: whichever it is, the
        # user can only be told the file is damaged (the cause stays chained for the log).
        raise ImportRefused(refusals.DAMAGED_DOCX) from error


def heading_level(style_name: str | None) -> int | None:
    """The level a style name like "Heading 2" or Vietnamese Word's "Tiêu đề 2" gives; None for any other."""
    if not style_name:
        return None
    match = _HEADING_STYLE.match(unicodedata.normalize("NFC", style_name).strip())
    return int(match.group(1)) if match else None


class _Package:
    """The zip's parts by name (part names ignore case), each checked against one budget before it inflates."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        self._entries = {entry.filename.lower(): entry for entry in archive.infolist()}
        self._budget = MAXIMUM_UNPACKED_BYTES

    def has(self, name: str) -> bool:
        return name.lower() in self._entries

    def open(self, name: str) -> IO[bytes]:
        entry = self._entries[name.lower()]
        # zipfile inflates no more than the declared size, so checking it first stops a bomb before it grows.
        if entry.file_size > self._budget:
            raise ValueError(f"{name} unpacks to {entry.file_size} bytes, over the budget")
        self._budget -= entry.file_size
        return self._archive.open(entry)

    def parse(self, name: str | None) -> ElementTree.Element | None:
        if name is None or not self.has(name):
            return None
        with self.open(name) as stream:
            return ElementTree.parse(stream).getroot()


def _related_parts(package: _Package, source: str, kind: str) -> list[str]:
    """The parts that ``source`` ("" for the package itself) points to by relationships of type ``.../kind``."""
    folder, name = posixpath.split(source)
    relationships = package.parse(posixpath.join(folder, "_rels", name + ".rels"))
    if relationships is None:
        return []
    parts = []
    for relationship in relationships.iter(_RELATIONSHIP):
        target = unquote(relationship.get("Target", ""))
        if relationship.get("TargetMode") == "External" or not target:
            continue
        if relationship.get("Type", "").endswith("/" + kind):
            parts.append(posixpath.normpath(target[1:] if target.startswith("/") else posixpath.join(folder, target)))
    return parts


def _main_part(package: _Package) -> str:
    candidates = _related_parts(package, "", "officeDocument")
    content_types = package.parse("[Content_Types].xml")
    for override in [] if content_types is None else content_types.iter(_CONTENT_TYPE_OVERRIDE):
        # .docx, .docm, .dotx and .dotm main parts (a renamed workbook has no such part).
        content_type = override.get("ContentType", "")
        if content_type.endswith(".main+xml") and ("wordprocessingml" in content_type or "ms-word" in content_type):
            candidates.append(unquote(override.get("PartName", "")).lstrip("/"))
    for name in [*candidates, _FALLBACK_MAIN_PART]:
        if package.has(name):
            return name
    raise KeyError("the package has no main document part")


def _styles_part(package: _Package, main_part: str) -> str | None:
    related = _related_parts(package, main_part, "styles")
    return related[0] if related else posixpath.join(posixpath.dirname(main_part), "styles.xml")


def _word_prefix(element: ElementTree.Element) -> str:
    """``{namespace}`` of a WordprocessingML element; a part of any other vocabulary is not a Word document."""
    namespace = element.tag[1:].partition("}")[0] if element.tag.startswith("{") else ""
    if namespace not in _WORD_NAMESPACES:
        raise ValueError(f"{element.tag} is not a WordprocessingML element")
    return "{" + namespace + "}"


def _outline_value(properties: ElementTree.Element | None, w: str) -> int | None:
    """The raw w:outlineLvl (0-8 heading, 9 body text) set in these properties, None where it is not set."""
    outline = None if properties is None else properties.find(f"{w}outlineLvl")
    value = None if outline is None else outline.get(f"{w}val", "")
    return int(value) if value is not None and value.isdecimal() else None


def _level_of_outline(value: int | None) -> int | None:
    return value + 1 if value is not None and value < 9 else None


class _Styles:
    """Paragraph styles by id: each one's name, outline level and base style; the default one's id."""

    def __init__(self, root: ElementTree.Element | None) -> None:
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._default_id: str | None = None
        if root is None:
            return
        w = _word_prefix(root)
        for style in root.iter(f"{w}style"):
            style_id = style.get(f"{w}styleId")
            if style_id is None or style.get(f"{w}type", "paragraph") != "paragraph":
                continue
            name, based_on = style.find(f"{w}name"), style.find(f"{w}basedOn")
            self._styles[style_id] = (
                None if name is None else name.get(f"{w}val"),
                _outline_value(style.find(f"{w}pPr"), w),
                None if based_on is None else based_on.get(f"{w}val"),
            )
            # As in Word (and python-docx), the last style marked default is the one that counts.
            if style.get(f"{w}default") in ("1", "true", "on"):
                self._default_id = style_id

    def heading_level(self, style_id: str | None, direct_outline: int | None) -> int | None:
        """The style's name decides first; then the paragraph's own outline level, then its style's."""
        if style_id not in self._styles:
            style_id = self._default_id
        by_name = heading_level(self._styles[style_id][0] if style_id is not None else None)
        if by_name is not None:
            return by_name
        if direct_outline is not None:
            return _level_of_outline(direct_outline)
        seen: set[str] = set()
        while style_id is not None and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            _, outline, based_on = self._styles[style_id]
            if outline is not None:
                return _level_of_outline(outline)
            style_id = based_on
        return None


class _BodyReader:
    """Turns the body's paragraphs and tables (and what wraps them) into blocks, in document order."""

    def __init__(self, w: str, styles: _Styles) -> None:
        self._w = w
        self._styles = styles
        self._wrappers = frozenset(w + name for name in _WRAPPERS)
        self._run_characters = {w + name: text for name, text in _RUN_CHARACTERS.items()}

    def blocks(self, element: ElementTree.Element, depth: int = 0) -> Iterator[SourceBlock]:
        w = self._w
        if depth > _MAXIMUM_NESTING:
            raise ValueError("tables or wrappers nested too deep")
        if element.tag == f"{w}p":
            yield self._paragraph(element)
        elif element.tag == f"{w}tbl":
            for row in self._children(element, f"{w}tr", depth):
                for cell in self._children(row, f"{w}tc", depth):
                    if not self._continues_a_merge(cell):
                        for child in cell:
                            yield from self.blocks(child, depth + 1)
        elif element.tag in self._wrappers:
            for child in self._unwrapped(element):
                yield from self.blocks(child, depth + 1)

    def _unwrapped(self, wrapper: ElementTree.Element) -> Iterable[ElementTree.Element]:
        """A content control's content (not its properties); any other wrapper itself."""
        if wrapper.tag != f"{self._w}sdt":
            return wrapper
        # A control still showing its placeholder ("Bấm vào đây để nhập văn bản") holds no text of the author's.
        if wrapper.find(f"{self._w}sdtPr/{self._w}showingPlcHdr") is not None:
            return []
        content = wrapper.find(f"{self._w}sdtContent")
        return [] if content is None else content

    def _children(self, parent: Iterable[ElementTree.Element], tag: str, depth: int) -> Iterator[ElementTree.Element]:
        """Children named ``tag``, also those inside wrappers (a content control around rows or cells)."""
        if depth > _MAXIMUM_NESTING:
            raise ValueError("wrappers nested too deep")
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in self._wrappers:
                yield from self._children(self._unwrapped(child), tag, depth + 1)

    def _continues_a_merge(self, cell: ElementTree.Element) -> bool:
        # The cell a merge starts in holds the text; the cells it continues into are read as that one cell.
        properties = cell.find(f"{self._w}tcPr")
        for tag in ("vMerge", "hMerge"):
            merge = None if properties is None else properties.find(self._w + tag)
            if merge is not None and merge.get(f"{self._w}val", "continue") == "continue":
                return True
        return False

    def _paragraph(self, paragraph: ElementTree.Element) -> SourceBlock:
        w = self._w
        pieces = []
        for run in self._children(paragraph, f"{w}r", 0):
            for child in run:
                if child.tag == f"{w}t":
                    pieces.append(child.text or "")
                elif child.tag == f"{w}br":
                    # As python-docx 1.2: a line break is "\n", a page or column break nothing.
                    pieces.append("\n" if child.get(f"{w}type", "textWrapping") == "textWrapping" else "")
                else:
                    pieces.append(self._run_characters.get(child.tag, ""))
        properties = paragraph.find(f"{w}pPr")
        style = None if properties is None else properties.find(f"{w}pStyle")
        style_id = None if style is None else style.get(f"{w}val")
        level = self._styles.heading_level(style_id, _outline_value(properties, w))
        return SourceBlock("".join(pieces), level)


def _read_body(stream: IO[bytes], styles: _Styles) -> list[SourceBlock]:
    """Read the main part as a stream, letting go of each body element once read: memory stays small."""
    blocks: list[SourceBlock] = []
    reader: _BodyReader | None = None
    prefix = ""
    body: ElementTree.Element | None = None
    depth = 0
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start":
            depth += 1
            if reader is None:
                prefix = _word_prefix(element)
                if element.tag != f"{prefix}document":
                    raise ValueError(f"the main part is {element.tag}, not a Word document")
                reader = _BodyReader(prefix, styles)
            elif depth == 2 and element.tag == f"{prefix}body":
                body = element
            continue
        depth -= 1
        if depth == 2 and body is not None and reader is not None:
            blocks.extend(reader.blocks(element))
            body.remove(element)
        elif depth == 1 and element is body:
            return blocks
    raise ValueError("the main part has no body")
