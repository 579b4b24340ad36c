"""Write small .docx packages from raw WordprocessingML, for markup python-docx cannot make."""

from __future__ import annotations

import io
import struct
import zipfile
from xml.sax.saxutils import escape, quoteattr

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_WORD = "http://purl.oclc.org/ooxml/wordprocessingml/main"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
MAIN_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# What Word itself declares on the root: unused prefixes that a reader must tolerate.
_WORD_ROOT_PREFIXES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="w14"'
)


def paragraph(text: str = "", style: str | None = None, outline: int | None = None) -> str:
    """One w:p with one run of ``text`` (escaped), an optional style id and outline level."""
    properties = ""
    if style is not None or outline is not None:
        style_xml = "" if style is None else f"<w:pStyle w:val={quoteattr(style)}/>"
        outline_xml = "" if outline is None else f'<w:outlineLvl w:val="{outline}"/>'
        properties = f"<w:pPr>{style_xml}{outline_xml}</w:pPr>"
    return f"<w:p>{properties}{run(text)}</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def cell(content: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>"


def table(*rows: str) -> str:
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"


def document_xml(body: str, namespace: str = WORD) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{namespace}" '
        f"{_WORD_ROOT_PREFIXES}><w:body>{body}<w:sectPr/></w:body></w:document>"
    )


def styles_xml(*styles: str, namespace: str = WORD) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<w:styles xmlns:w="{namespace}">{"".join(styles)}</w:styles>'


def style(
    style_id: str, name: str | None, *, default: bool = False, based_on: str = "", outline: int | None = None
) -> str:
    default_xml = ' w:default="1"' if default else ""
    name_xml = "" if name is None else f"<w:name w:val={quoteattr(name)}/>"
    based_on_xml = f"<w:basedOn w:val={quoteattr(based_on)}/>" if based_on else ""
    outline_xml = "" if outline is None else f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>'
    return (
        f'<w:style w:type="paragraph"{default_xml} w:styleId={quoteattr(style_id)}>'
        f"{name_xml}{based_on_xml}{outline_xml}</w:style>"
    )


def package(
    document: str,
    styles: str | None = None,
    *,
    main_part: str = "word/document.xml",
    relationships: bool = True,
    content_types: bool = True,
    extra_parts: dict[str, str | bytes] | None = None,
) -> bytes:
    """The zip of a Word package; the main part is found through ``_rels/.rels`` and/or the content types."""
    folder, _, name = main_part.rpartition("/")
    parts: dict[str, str | bytes] = {main_part: document}
    if content_types:
        parts["[Content_Types].xml"] = (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{main_part}" ContentType="{MAIN_CONTENT_TYPE}"/></Types>'
        )
    if relationships:
        parts["_rels/.rels"] = relationships_xml(("rId1", OFFICE_DOCUMENT, main_part))
    if styles is not None:
        parts[f"{folder}/styles.xml" if folder else "styles.xml"] = styles
        parts[f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"] = relationships_xml(
            ("rId1", STYLES, "styles.xml")
        )
    parts.update(extra_parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part_name, content in parts.items():
            archive.writestr(part_name, content)
    return out.getvalue()


def relationships_xml(*relationships: tuple[str, str, str]) -> str:
    """A relationships part: one Relationship per (Id, Type, Target)."""
    items = "".join(
        f'<Relationship Id="{identifier}" Type="{kind}" Target={quoteattr(target)}/>'
        for identifier, kind, target in relationships
    )
    return (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'
    )


def declare_unpacked_size(data: bytes, part_name: str, size: int) -> bytes:
    """The same zip with the central directory claiming ``part_name`` unpacks to ``size`` bytes (a bomb's header)."""
    changed = bytearray(data)
    position = changed.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", changed, position + 28)[0]
        if changed[position + 46 : position + 46 + name_length] == part_name.encode():
            struct.pack_into("<I", changed, position + 24, size)
            return bytes(changed)
        position = changed.find(b"PK\x01\x02", position + 4)
    raise AssertionError(f"{part_name} is not in the zip")
