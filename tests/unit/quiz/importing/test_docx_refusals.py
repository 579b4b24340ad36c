"""Broken, hostile or foreign .docx files are refused with one message, and .docx needs no python-docx or lxml."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quiz.importing import ImportRefused, docx_reader, parse_file, refusals
from quiz.importing.docx_reader import read_docx
from quiz.importing.model import SourceBlock
from tests.conftest import REPOSITORY
from tests.unit.quiz.importing import docx_builder as build
from tests.unit.quiz.importing.helpers import IMPORT_DATA

_GOOD_BODY = build.paragraph("Nghị quyết về phát triển kinh tế.")
_GOOD = build.package(build.document_xml(_GOOD_BODY))
_SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _only(name: str, content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, content)
    return out.getvalue()


def _with_doctype(declarations: str, text: str) -> bytes:
    document = build.document_xml(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    head, _, rest = document.partition("\n")
    return build.package(f"{head}\n<!DOCTYPE w:document [{declarations}]>\n{rest}")


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY cuoi0 "ha">'] + [
        f'<!ENTITY cuoi{index} "{f"&cuoi{index - 1};" * 10}">' for index in range(1, 10)
    ]
    return _with_doctype("".join(entities), "&cuoi9;")


def _deeply_nested_tables(depth: int) -> bytes:
    body = "<w:tbl><w:tr><w:tc>" * depth + _GOOD_BODY + "</w:tc></w:tr></w:tbl>" * depth
    return build.package(build.document_xml(body))


BROKEN = {
    "not-a-zip": "Đây không phải tệp Word.".encode(),
    "truncated": _GOOD[: len(_GOOD) // 2],
    "no-main-part": _only("ghi-chu.txt", "Nghị quyết"),
    "bad-document-xml": build.package(build.document_xml(_GOOD_BODY)[:-20]),
    "bad-styles-xml": build.package(build.document_xml(_GOOD_BODY), "<w:styles xmlns:w='x'><w:style>"),
    "workbook-renamed": build.package(
        f'<workbook xmlns="{_SPREADSHEET}"><sheets/></workbook>', main_part="xl/workbook.xml"
    ),
    "main-part-not-a-document": build.package(build.styles_xml(build.style("A", "heading 1"))),
    "document-without-body": build.package(f'<w:document xmlns:w="{build.WORD}"/>'),
    "billion-laughs": _billion_laughs(),
    "external-entity": _with_doctype(f'<!ENTITY bi_mat SYSTEM "{Path(__file__).as_uri()}">', "&bi_mat;"),
    "tables-nested-past-recursion": _deeply_nested_tables(3000),
    # The central directory claims 300 MB for document.xml: refused before anything is inflated.
    "zip-bomb-header": build.declare_unpacked_size(_GOOD, "word/document.xml", 300 * 1024 * 1024),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_docx_is_refused_as_damaged(name: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        read_docx(BROKEN[name])
    assert str(caught.value) == refusals.DAMAGED_DOCX


@pytest.mark.parametrize("name", ["truncated", "zip-bomb-header", "tables-nested-past-recursion"])
def test_broken_docx_is_refused_through_parse_file(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(BROKEN[name])
    with pytest.raises(ImportRefused) as caught:
        parse_file(path)
    assert str(caught.value) == refusals.DAMAGED_DOCX


def test_a_few_nested_tables_are_read() -> None:
    assert read_docx(_deeply_nested_tables(40)) == [SourceBlock("Nghị quyết về phát triển kinh tế.")]


def test_a_declared_size_within_the_budget_is_read() -> None:
    # The same header trick under the budget still reads: the refusal above is the budget, not the header.
    lying = build.declare_unpacked_size(_GOOD, "word/document.xml", 50 * 1024 * 1024)
    assert [block.text for block in read_docx(lying)] == ["Nghị quyết về phát triển kinh tế."]


def test_budget_counts_every_part_read(monkeypatch: pytest.MonkeyPatch) -> None:
    long_text = "Nghị quyết " * 20_000
    data = build.package(build.document_xml(build.paragraph(long_text)), build.styles_xml())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(entry.file_size for entry in archive.infolist())
    monkeypatch.setattr(docx_reader, "MAXIMUM_UNPACKED_BYTES", unpacked)
    assert [block.text for block in read_docx(data)] == [long_text]
    monkeypatch.setattr(docx_reader, "MAXIMUM_UNPACKED_BYTES", unpacked - 100)
    with pytest.raises(ImportRefused):
        read_docx(data)


_WITHOUT_LIBRARIES = """
import json, sys
sys.modules["docx"] = None  # importing python-docx or lxml now raises ImportError
sys.modules["lxml"] = None
from pathlib import Path
from quiz.importing import parse_file
document = parse_file(Path(sys.argv[1]))
loaded = sorted(name for name in sys.modules if name.partition(".")[0] in ("docx", "lxml") and sys.modules[name])
print(json.dumps({"text": document.text, "encoding": document.encoding, "loaded": loaded,
                  "sections": [[section.title, section.level] for section in document.sections]}))
"""


def test_docx_import_runs_without_python_docx_and_lxml() -> None:
    path = IMPORT_DATA / "plan.docx"
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_LIBRARIES, str(path)],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    reference = parse_file(path)
    assert outcome["loaded"] == []
    assert outcome["encoding"] == "docx"
    assert outcome["text"] == reference.text and "Học tập tập trung" in outcome["text"]
    assert outcome["sections"] == [[section.title, section.level] for section in reference.sections]
    assert [level for _, level in outcome["sections"]] == [1, 1, 2, 2, 1]
