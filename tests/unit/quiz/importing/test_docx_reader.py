"""The standard-library .docx reader: document order, wrappers, tracked changes, styles, merged cells, refusals."""

from __future__ import annotations

import io
import unicodedata

import pytest

from quiz.importing import docx_reader
from quiz.importing.docx_reader import read_docx
from quiz.importing.model import SourceBlock
from tests.unit.quiz.importing import docx_builder as build
from tests.unit.quiz.importing.helpers import IMPORT_DATA


def _read_body(body: str, styles: str | None = None) -> list[SourceBlock]:
    return read_docx(build.package(build.document_xml(body), styles))


def _texts(body: str) -> list[str]:
    return [block.text for block in _read_body(body)]


def _python_docx_blocks(data: bytes) -> list[SourceBlock]:
    """What the python-docx reader this module replaced gave (body paragraphs and tables, each cell once)."""
    import docx
    from docx.table import Table

    blocks: list[SourceBlock] = []
    for item in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(item, Table):
            seen: list[object] = []
            for row in item.rows:
                for cell in row.cells:
                    if not any(cell._tc is element for element in seen):
                        seen.append(cell._tc)
                        blocks.extend(SourceBlock(paragraph.text) for paragraph in cell.paragraphs)
            continue
        style_name = item.style.name if item.style else None
        blocks.append(SourceBlock(item.text, docx_reader.heading_level(style_name)))
    return blocks


def _made_by_python_docx(nested_table: bool) -> tuple[bytes, list[SourceBlock]]:
    """A document written with python-docx, and the blocks it must read back as (built alongside)."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    expected: list[SourceBlock] = []
    document.add_paragraph("Kế hoạch học tập", style="Title")
    expected.append(SourceBlock("Kế hoạch học tập"))
    for level, title in ((1, "Mục đích"), (2, "Nội dung"), (3, "Hình thức")):
        document.add_heading(title, level=level)
        expected.append(SourceBlock(title, level))
    paragraph = document.add_paragraph("Dòng một")
    breaking = paragraph.add_run()
    breaking.add_break()
    breaking.add_text("dòng hai")
    breaking.add_tab()
    breaking.add_text("cột")
    paging = paragraph.add_run()
    paging.add_break(WD_BREAK.PAGE)
    paging.add_text(" sau trang")
    expected.append(SourceBlock("Dòng một\ndòng hai\tcột sau trang"))
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp ngang"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Gộp dọc"
    for row, column in ((0, 2), (1, 0), (1, 1), (2, 0), (2, 1)):
        table.cell(row, column).text = f"Ô {row},{column}"
    cells = ["Gộp ngang", "Ô 0,2", "Ô 1,0", "Ô 1,1", "Gộp dọc", "Ô 2,0"]
    if nested_table:
        inner = table.cell(2, 0).add_table(rows=1, cols=2)
        inner.cell(0, 0).text, inner.cell(0, 1).text = "Trong một", "Trong hai"
        # python-docx ends the cell with an empty paragraph after the inner table, as Word requires.
        cells += ["Trong một", "Trong hai", ""]
    expected.extend(SourceBlock(text) for text in [*cells, "Ô 2,1"])
    document.add_paragraph("Kết thúc.")
    expected.append(SourceBlock("Kết thúc."))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), expected


@pytest.mark.parametrize("nested_table", [False, True])
def test_document_written_by_python_docx_reads_back_in_order(nested_table: bool) -> None:
    data, expected = _made_by_python_docx(nested_table)
    assert read_docx(data) == expected


def test_same_blocks_as_python_docx_where_it_read_the_document() -> None:
    data, _ = _made_by_python_docx(nested_table=False)
    assert read_docx(data) == _python_docx_blocks(data)
    plan = (IMPORT_DATA / "plan.docx").read_bytes()
    assert read_docx(plan) == _python_docx_blocks(plan)


# Markup as Word writes it: revision ids, proofing marks, bookmarks, a rendered page break, a text box.
_WORD_LIKE_PARAGRAPH = (
    '<w:p w14:paraId="1A2B3C4D" w:rsidR="00A1" w:rsidRDefault="00B2"><w:pPr><w:jc w:val="both"/></w:pPr>'
    '<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r w:rsidRPr="00C3"><w:rPr><w:b/></w:rPr><w:t>Đại </w:t></w:r>'
    '<w:proofErr w:type="spellStart"/><w:r><w:lastRenderedPageBreak/><w:t>hội</w:t></w:r>'
    '<w:proofErr w:type="spellEnd"/>'
    '<w:bookmarkEnd w:id="0"/><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
    "<mc:Fallback><w:pict><v:textbox xmlns:v='urn:schemas-microsoft-com:vml'><w:txbxContent>"
    "<w:p><w:r><w:t>hộp chữ</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>"
    '<w:t xml:space="preserve"> lần thứ XV</w:t></w:r></w:p>'
)
_RUN_CHARACTERS = (
    "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type='page'/><w:t>d</w:t><w:cr/>"
    "<w:t>e</w:t><w:noBreakHyphen/><w:t>f</w:t><w:softHyphen/><w:sym w:font='Wingdings' w:char='F0E0'/><w:t>g</w:t>"
    "<w:br w:type='column'/><w:br w:type='textWrapping'/><w:ptab w:relativeTo='margin' w:alignment='right'"
    " w:leader='none'/><w:t>h</w:t></w:r></w:p>"
)


def test_run_characters_and_word_markup_give_the_text_python_docx_gave() -> None:
    data = build.package(build.document_xml(_WORD_LIKE_PARAGRAPH + _RUN_CHARACTERS))
    assert [block.text for block in read_docx(data)] == ["Đại hội lần thứ XV", "a\tb\ncd\ne-fg\n\th"]
    assert read_docx(data) == _python_docx_blocks(data)


def test_content_controls_links_and_custom_markup_are_read_in_place() -> None:
    body = (
        build.paragraph("Trước")
        + '<w:sdt><w:sdtPr><w:alias w:val="Trích yếu"/></w:sdtPr><w:sdtContent>'
        + build.paragraph("Trong ô nội dung")
        + "</w:sdtContent></w:sdt>"
        + '<w:customXml w:element="muc">'
        + build.paragraph("Trong thẻ riêng")
        + "</w:customXml>"
        + '<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink r:id="rId9">'
        + build.run("liên kết")
        + '</w:hyperlink><w:smartTag w:element="place">'
        + build.run(" tại Hà Nam")
        + "</w:smartTag><w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>"
        + build.run(" ngày 5")
        + '</w:sdtContent></w:sdt><w:fldSimple w:instr=" PAGE ">'
        + build.run(", trang 3")
        + "</w:fldSimple></w:p>"
        + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + build.paragraph("Bấm vào đây để nhập văn bản.")
        + "</w:sdtContent></w:sdt>"
        + build.paragraph("Sau")
    )
    assert _texts(body) == [
        "Trước",
        "Trong ô nội dung",
        "Trong thẻ riêng",
        "Xem liên kết tại Hà Nam ngày 5, trang 3",
        "Sau",
    ]


def test_tracked_insertions_are_kept_and_deletions_dropped() -> None:
    insertion, deletion = '<w:ins w:id="1" w:author="A">', '<w:del w:id="2" w:author="A">'
    body = (
        f"<w:p>{build.run('Giữ ')}{insertion}{build.run('phần thêm')}</w:ins>{deletion}"
        '<w:r><w:delText xml:space="preserve"> phần xoá</w:delText></w:r></w:del>'
        # Word writes w:delText in a deletion; a w:t there (other writers) is deleted text all the same.
        f"{deletion}{build.run(' chữ bỏ')}</w:del>"
        f'{build.run(".")}</w:p><w:p><w:moveFrom w:id="3" w:author="A"><w:r><w:t>Cũ </w:t></w:r></w:moveFrom>'
        f'<w:moveTo w:id="4" w:author="A">{build.run("Chuyển đến")}</w:moveTo></w:p>'
        "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>"
        f"<w:r><w:fldChar w:fldCharType='separate'/></w:r>{build.run('01/5/2022')}"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
    )
    assert _texts(body) == ["Giữ phần thêm.", "Chuyển đến", "01/5/2022"]


def test_each_real_cell_is_read_once_with_nested_tables_and_wrapped_rows() -> None:
    wrapped_cell = f"<w:sdt><w:sdtContent>{build.cell(build.paragraph('Ô trong điều khiển'))}</w:sdtContent></w:sdt>"
    wrapped_row = f"<w:customXml w:element='hang'><w:tr>{build.cell(build.paragraph('Hàng bọc'))}</w:tr></w:customXml>"
    inner = build.table(build.cell(build.paragraph("Lồng một")) + build.cell(build.paragraph("Lồng hai")))
    outer = build.table(
        build.cell(build.paragraph("Gộp ngang"), '<w:gridSpan w:val="2"/>') + build.cell(build.paragraph("Ba")),
        build.cell(build.paragraph("Đầu cột gộp"), '<w:vMerge w:val="restart"/>')
        + build.cell(build.paragraph("Hai"))
        + build.cell(build.paragraph("Ba hai") + build.paragraph("đoạn sau")),
        # Word keeps a continuation cell's own paragraph; it is not shown, so it must not be read.
        build.cell(build.paragraph("ẩn một"), "<w:vMerge/>")
        + build.cell(build.paragraph("Hai ba"))
        + build.cell(inner + build.paragraph("")),
        build.cell(build.paragraph("ẩn hai"), '<w:vMerge w:val="continue"/>') + wrapped_cell,
    )
    body = outer.removesuffix("</w:tbl>") + wrapped_row + "</w:tbl>"
    assert _texts(body) == [
        "Gộp ngang",
        "Ba",
        "Đầu cột gộp",
        "Hai",
        "Ba hai",
        "đoạn sau",
        "Hai ba",
        "Lồng một",
        "Lồng hai",
        "",
        "Ô trong điều khiển",
        "Hàng bọc",
    ]


_VIETNAMESE_STYLES = build.styles_xml(
    build.style("Binhthng", "Normal", default=True),
    build.style("u1", "heading 2"),
    build.style("TieuDe1", "Tiêu đề 1"),
    build.style("DeMuc3", unicodedata.normalize("NFD", "Đề mục 3")),
    build.style("MucLon", "Mục lớn", outline=1),
    build.style("MucCon", "Mục con", based_on="MucLon"),
    build.style("VongA", "Vòng A", based_on="VongB"),
    build.style("VongB", "Vòng B", based_on="VongA"),
    build.style("KhongTen", None),
)


@pytest.mark.parametrize(
    ("style_id", "outline", "level"),
    [
        ("u1", None, 2),  # Word's built-in name behind a localised style id
        ("TieuDe1", None, 1),
        ("DeMuc3", None, 3),  # a name stored decomposed still matches
        ("Binhthng", None, None),
        (None, None, None),  # no style: the default one, "Normal"
        ("KhongCo", None, None),  # an unknown id falls back to the default style too
        ("KhongTen", None, None),
        ("Binhthng", 0, 1),  # the paragraph's own outline level, 0-based
        ("Binhthng", 8, 9),
        ("Binhthng", 9, None),  # 9 is body text
        ("MucLon", None, 2),  # the style's outline level
        ("MucCon", None, 2),  # inherited from the style it is based on
        ("MucLon", 9, None),  # the paragraph's "body text" overrides its style's level
        ("u1", 0, 2),  # a heading name decides before any outline level
        ("VongA", None, None),  # a loop of base styles ends
    ],
)
def test_heading_level_comes_from_style_name_then_outline_level(
    style_id: str | None, outline: int | None, level: int | None
) -> None:
    blocks = _read_body(build.paragraph("Tiêu đề mục", style_id, outline), _VIETNAMESE_STYLES)
    assert blocks == [SourceBlock("Tiêu đề mục", level)]


def test_default_style_stands_for_a_missing_unknown_or_non_paragraph_style() -> None:
    character_style = '<w:style w:type="character" w:styleId="Nhan"><w:name w:val="heading 3"/></w:style>'
    styles = build.styles_xml(build.style("Thuong", "Văn bản", default=True, outline=1), character_style)
    body = build.paragraph("Một") + build.paragraph("Hai", "KhongCo") + build.paragraph("Ba", "Nhan")
    assert [block.heading_level for block in _read_body(body, styles)] == [2, 2, 2]


def test_without_a_styles_part_only_outline_levels_mark_headings() -> None:
    blocks = _read_body(build.paragraph("Một", "Heading1") + build.paragraph("Hai", "Heading1", outline=1))
    assert [block.heading_level for block in blocks] == [None, 2]


@pytest.mark.parametrize(
    ("main_part", "relationships", "content_types"),
    [
        ("noi-dung/chinh.xml", True, True),
        ("noi-dung/chinh.xml", True, False),
        ("tai-lieu/than.xml", False, True),
        ("word/document.xml", False, False),
    ],
)
def test_main_part_is_found_through_the_package(main_part: str, relationships: bool, content_types: bool) -> None:
    styles = build.styles_xml(build.style("A", "heading 1"))
    document = build.document_xml(build.paragraph("Phần một", "A") + build.paragraph("Nội dung."))
    data = build.package(
        document, styles, main_part=main_part, relationships=relationships, content_types=content_types
    )
    assert read_docx(data) == [SourceBlock("Phần một", 1), SourceBlock("Nội dung.")]


def test_relationship_targets_are_decoded_absolute_and_case_blind() -> None:
    document = build.document_xml(build.paragraph("Đoạn trong phần có dấu.", "K"))
    styles = build.styles_xml(build.style("K", "Tiêu đề 2"))
    target = "/Van%20Ban/T%C3%A0i%20li%E1%BB%87u.XML"
    data = build.package(
        "",
        main_part="bo-qua/trong.xml",
        relationships=False,
        content_types=False,
        extra_parts={
            "_rels/.rels": build.relationships_xml(("rId1", build.OFFICE_DOCUMENT, target)),
            "van ban/tài liệu.xml": document,
            "van ban/_rels/tài liệu.xml.rels": build.relationships_xml(("rId2", build.STYLES, "kieu/kieu-chu.xml")),
            "van ban/kieu/kieu-chu.xml": styles,
        },
    )
    assert read_docx(data) == [SourceBlock("Đoạn trong phần có dấu.", 2)]


def test_strict_open_xml_namespace_reads_the_same() -> None:
    body = build.paragraph("Chương một", "C1") + build.table(build.cell(build.paragraph("Ô")))
    styles = build.styles_xml(build.style("C1", "heading 1"), namespace=build.STRICT_WORD)
    data = build.package(build.document_xml(body, namespace=build.STRICT_WORD), styles)
    assert read_docx(data) == [SourceBlock("Chương một", 1), SourceBlock("Ô")]
