"""The column-wise check agrees with the row-by-row one: same rows out, same refusals, nothing half-converted."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from quiz.packages.container import PackageRefused, UnitKey, read_package
from quiz.packages.schema import PART_FIELDS
from quiz.packages.validate import MAPPING_DEPTH, _part_validator, validate_part
from quiz.packages.validate_fast import check_rows
from quiz.service import Service
from tests.unit.quiz.packages.helpers import PASSPHRASE, setup_unit, take_exam, write_pledge


@pytest.fixture
def parts(service: Service, tmp_path: Path) -> dict[str, Any]:
    unit = setup_unit(service)
    take_exam(service, unit.member_ids[0], unit.document_id, right=3)
    write_pledge(service, unit.member_ids[1], unit.document_id, "Việc làm", finalise=True)
    package = tmp_path / "p.nqpkg"
    service.results.export(package, include_document=True)
    return read_package(package, UnitKey.from_passphrase(PASSPHRASE))[1]


def test_fast_check_gives_the_rows_the_row_by_row_check_gives(parts: dict[str, Any]) -> None:
    # Unusual but valid: another offset than UTC, and a whole number where a float is expected.
    parts["members.json"][0]["updated_at"] = "2025-03-01T09:00:00+07:00"
    parts["attempts.json"][0]["score"] = 3
    for name in PART_FIELDS:
        data = parts.get(name, [])
        assert validate_part(name, copy.deepcopy(data)) == _part_validator(name)(copy.deepcopy(data)), name
    member = validate_part("members.json", copy.deepcopy(parts["members.json"]))[0]
    assert member["updated_at"].isoformat() == "2025-03-01T02:00:00+00:00"


CHANGES: dict[str, tuple[str, Any]] = {
    "bool-for-int": ("attempts.json", lambda rows: rows[0].update(seed=True)),
    "text-in-ints": ("attempts.json", lambda rows: rows[0]["items"][2].update(option_order=[0, "1"])),
    "infinite": ("attempts.json", lambda rows: rows[0]["items"][1]["answer"].update(credit=float("inf"))),
    "short-date": ("members.json", lambda rows: rows[1].update(birth_date="1980-1-1")),
    "bad-history-row": ("pledges.json", lambda rows: rows[0]["history"].append({"id": "x"})),
    "unknown-choice": ("attempts.json", lambda rows: rows[0].update(mode="thi")),
    "deep": ("attempts.json", lambda rows: rows[0]["items"][0]["answer"].update(response={"a": [[[[[[[[[1]]]]]]]]]})),
}


@pytest.mark.parametrize(("part", "change"), CHANGES.values(), ids=CHANGES.keys())
def test_fast_check_refuses_and_leaves_the_data_as_it_was(parts: dict[str, Any], part: str, change: Any) -> None:
    data = parts[part]
    change(data)
    before = copy.deepcopy(data)
    assert not check_rows(PART_FIELDS[part], data, MAPPING_DEPTH)
    assert data == before  # nothing converted, so the row-by-row check reports the real place
    with pytest.raises(PackageRefused, match="kiểu dữ liệu sai"):
        validate_part(part, data)
