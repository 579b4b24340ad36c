"""Every kind of bad package is refused with a reason, and the database is left exactly as it was."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.packages.container import FORMAT_NAME, FORMAT_VERSION, MANIFEST_NAME, UnitKey, read_package, write_package
from quiz.service import Service
from tests.unit.quiz.packages.helpers import (
    PASSPHRASE,
    UnitSetup,
    open_pc,
    setup_unit,
    table_state,
    take_exam,
    write_pledge,
    write_zip_bomb,
)


@pytest.fixture
def unit(service: Service) -> UnitSetup:
    return setup_unit(service)


@pytest.fixture
def good_package(service: Service, unit: UnitSetup, tmp_path: Path) -> Path:
    """A package from another PC of the unit with attempts, answers, a pledge and review cards."""
    pc = open_pc(tmp_path, "khac")
    setup = tmp_path / "setup.nqpkg"
    service.results.export(setup, include_document=True)
    pc.results.import_packages([setup])
    take_exam(pc, unit.member_ids[0], unit.document_id, right=2)
    write_pledge(pc, unit.member_ids[0], unit.document_id, "Việc làm thử")
    package = tmp_path / "tot.nqpkg"
    pc.results.export(package)
    pc.close()
    return package


def refused_without_change(service: Service, package: Path, reason: str) -> None:
    state = table_state(service)
    report = service.results.import_packages([package])
    assert report.has_refusals
    assert reason in str(report.packages[0].refused)
    assert table_state(service) == state


def test_the_good_package_itself_merges(service: Service, good_package: Path) -> None:
    report = service.results.import_packages([good_package])
    assert not report.has_refusals and report.counts["attempts"].added == 1


def test_flipped_byte(service: Service, good_package: Path) -> None:
    data = bytearray(good_package.read_bytes())
    with zipfile.ZipFile(good_package) as archive:
        info = archive.getinfo("attempts.json")
    # Inside the compressed attempts: past the local header (30 bytes + name) of that member.
    data[info.header_offset + 30 + len("attempts.json") + info.compress_size // 2] ^= 0x01
    good_package.write_bytes(bytes(data))
    refused_without_change(service, good_package, "hỏng")


def test_truncated(service: Service, good_package: Path) -> None:
    data = good_package.read_bytes()
    good_package.write_bytes(data[: len(data) * 2 // 3])
    refused_without_change(service, good_package, "cắt cụt")


def test_foreign_unit_key(service: Service, good_package: Path) -> None:
    service.results.set_unit_key("khoá của một đảng bộ khác")
    refused_without_change(service, good_package, "đơn vị khác")


def test_path_traversal_entry(service: Service, good_package: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(good_package, "a") as archive:
        archive.writestr("../../ngoai.json", b"[]")
    refused_without_change(service, good_package, "không an toàn")
    assert not (tmp_path.parent / "ngoai.json").exists()


@pytest.mark.parametrize("declared_size", [None, 1000], ids=["honest-header", "lying-header"])
def test_two_gigabyte_member(service: Service, unit: UnitSetup, tmp_path: Path, declared_size: int | None) -> None:
    bomb = tmp_path / "bom.nqpkg"
    write_zip_bomb(bomb, "members.json", 2 * 1024**3, declared_size)
    assert bomb.stat().st_size < 5 * 1024 * 1024
    refused_without_change(service, bomb, "quá lớn" if declared_size is None else "hỏng")


def _resign(package: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite a package with changed parts, validly signed with the unit key (as a buggy or hostile PC could)."""
    key = UnitKey.from_passphrase(PASSPHRASE)
    manifest, parts = read_package(package, key)
    change(parts)
    metadata = {name: manifest[name] for name in ("package_id", "exported_at", "source")}
    write_package(package, parts, key, metadata)


WRONG_TYPES: dict[str, Callable[[dict[str, Any]], None]] = {
    "score-as-text": lambda parts: parts["attempts.json"][0].update(score="mười"),
    "position-as-bool": lambda parts: parts["attempts.json"][0]["items"][0].update(position=True),
    "answer-as-list": lambda parts: parts["attempts.json"][0]["items"][0].update(answer=[1, 2]),
    "missing-field": lambda parts: parts["members.json"][0].pop("full_name"),
    "extra-field": lambda parts: parts["units.json"][0].update(extra="x"),
    "bad-date": lambda parts: parts["members.json"][0].update(birth_date="31/02/1980"),
    "part-not-a-list": lambda parts: parts.update({"pledges.json": {"id": "x"}}),
    "content-as-text": lambda parts: parts["pledges.json"][0].update(content="cam kết"),
    "unknown-kind": lambda parts: parts["units.json"][0].update(kind="to_dan_pho"),
    "huge-integer": lambda parts: parts["attempts.json"][0].update(seed=2**40),
    "response-nested-deep": lambda parts: parts["attempts.json"][0]["items"][0]["answer"].update(
        response={"choice": json.loads("[" * 20 + "]" * 20)}
    ),
}


@pytest.mark.parametrize("change", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_wrong_json_types(service: Service, good_package: Path, change: Callable[[dict[str, Any]], None]) -> None:
    _resign(good_package, change)
    refused_without_change(service, good_package, "kiểu dữ liệu sai")


def test_reference_to_a_member_not_in_the_package(service: Service, good_package: Path) -> None:
    _resign(good_package, lambda parts: parts["attempts.json"][0].update(member_id="không-có-người-này"))
    refused_without_change(service, good_package, "không có trong gói")


def test_missing_part(service: Service, good_package: Path) -> None:
    _resign(good_package, lambda parts: parts.pop("review_cards.json"))
    refused_without_change(service, good_package, "thiếu thành phần")


def test_manifest_replaced_without_key(service: Service, good_package: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(good_package) as archive, zipfile.ZipFile(tmp_path / "sua.nqpkg", "w") as output:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == MANIFEST_NAME:
                data = data.replace(b'"source": "', b'"source": "X')
            output.writestr(info.filename, data)
    refused_without_change(service, tmp_path / "sua.nqpkg", "sửa đổi")


def test_one_bad_package_does_not_stop_the_good_one(service: Service, good_package: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hong.nqpkg"
    bad.write_bytes(good_package.read_bytes()[:100])
    report = service.results.import_packages([bad, good_package])
    assert [outcome.refused is None for outcome in report.packages] == [False, True]
    assert report.counts["attempts"].added == 1 and report.has_refusals


def _write_raw_signed(path: Path, raw_parts: dict[str, bytes], metadata: dict[str, Any]) -> None:
    """A validly signed package whose parts are the given bytes (write_package cannot encode 100,000 levels)."""
    key = UnitKey.from_passphrase(PASSPHRASE)
    manifest: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "unit_key_id": key.key_id}
    manifest |= metadata
    manifest["parts"] = {name: {"sha256": hashlib.sha256(data).hexdigest()} for name, data in raw_parts.items()}
    unsigned = json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    manifest["hmac"] = key.sign(unsigned)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(manifest))
        for name, data in raw_parts.items():
            archive.writestr(name, data)


def test_json_nested_100000_deep_is_refused_and_the_good_package_still_merges(
    service: Service, good_package: Path, tmp_path: Path
) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    key = UnitKey.from_passphrase(PASSPHRASE)
    manifest, parts = read_package(good_package, key)
    # The manifest is parsed before its signature can be checked: nesting there must be refused too.
    unsigned = tmp_path / "ke-khai-sau.nqpkg"
    with zipfile.ZipFile(good_package) as archive, zipfile.ZipFile(unsigned, "w") as output:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == MANIFEST_NAME:
                data = data[: data.rindex(b"}")] + b', "x": ' + deep + b"}"
            output.writestr(info.filename, data)
    signed = tmp_path / "phan-sau.nqpkg"
    raw = {name: json.dumps(rows).encode("utf-8") for name, rows in parts.items()}
    raw["members.json"] = b'[{"id": ' + deep + b"}]"
    _write_raw_signed(signed, raw, {name: manifest[name] for name in ("package_id", "exported_at", "source")})
    report = service.results.import_packages([unsigned, signed, good_package])
    outcomes = report.packages
    assert [outcome.file_name for outcome in outcomes] == [unsigned.name, signed.name, good_package.name]
    assert "lồng nhau quá sâu" in str(outcomes[0].refused) and "lồng nhau quá sâu" in str(outcomes[1].refused)
    assert outcomes[2].refused is None and report.counts["attempts"].added == 1


def test_a_file_that_cannot_be_read_is_refused_and_the_good_package_still_merges(
    service: Service, good_package: Path, tmp_path: Path
) -> None:
    # Stat works, reading fails: what a USB stick pulled out half-way looks like (here a folder named like a package).
    unreadable = tmp_path / "rut-usb.nqpkg"
    unreadable.mkdir()
    report = service.results.import_packages([unreadable, good_package, good_package])
    outcomes = [package.refused for package in report.packages]
    assert outcomes[0] is not None and "Không đọc được tệp gói kết quả" in outcomes[0]
    assert outcomes[1:] == [None, None] and report.counts["attempts"].added == 1
