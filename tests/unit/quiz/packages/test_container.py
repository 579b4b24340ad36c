"""The .nqpkg container refuses every kind of bad package with a reason, and round-trips good ones."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from quiz.packages.container import MANIFEST_NAME, PackageRefused, UnitKey, read_package, write_package

KEY = UnitKey.from_passphrase("khoá chung của chi bộ")
PARTS = {"members.json": [{"id": "m1", "full_name": "Nguyễn Văn An"}], "attempts.json": []}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    path = tmp_path / "ket-qua.nqpkg"
    write_package(path, PARTS, KEY, {"unit_name": "Chi bộ Văn phòng"})
    return path


def rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a package, replacing (or dropping, with None) some members without re-signing."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as output:
        for info in archive.infolist():
            data = change.get(info.filename, archive.read(info))
            if data is not None:
                output.writestr(info.filename, data)
        for name, data in change.items():
            if name not in archive.namelist() and data is not None:
                output.writestr(name, data)
    return target


def test_round_trip_keeps_parts_and_metadata(package: Path) -> None:
    manifest, parts = read_package(package, KEY)
    assert parts == PARTS
    assert manifest["unit_name"] == "Chi bộ Văn phòng"


def test_flipped_byte_is_refused(package: Path) -> None:
    data = bytearray(package.read_bytes())
    position = data.index(b"members.json") + len("members.json") + 3  # inside the compressed data
    data[position] ^= 0xFF
    package.write_bytes(bytes(data))
    with pytest.raises(PackageRefused, match=r"hỏng|sửa đổi|cắt cụt"):
        read_package(package, KEY)


def test_truncated_package_is_refused(package: Path) -> None:
    package.write_bytes(package.read_bytes()[:-40])
    with pytest.raises(PackageRefused, match=r"cắt cụt|hỏng"):
        read_package(package, KEY)


def test_wrong_key_is_a_foreign_unit(package: Path) -> None:
    with pytest.raises(PackageRefused, match="đơn vị khác"):
        read_package(package, UnitKey.from_passphrase("khoá khác"))


def test_changed_part_with_its_hash_updated_breaks_the_signature(package: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
    forged = json.dumps([{"id": "m1", "full_name": "Người Khác"}]).encode()
    import hashlib

    manifest["parts"]["members.json"]["sha256"] = hashlib.sha256(forged).hexdigest()
    target = rewrite(
        package, tmp_path / "forged.nqpkg", {"members.json": forged, MANIFEST_NAME: json.dumps(manifest).encode()}
    )
    with pytest.raises(PackageRefused, match="sửa đổi"):
        read_package(target, KEY)


def test_path_traversal_name_is_refused(package: Path, tmp_path: Path) -> None:
    target = rewrite(package, tmp_path / "evil.nqpkg", {"../../evil.json": b"[]"})
    with pytest.raises(PackageRefused, match="không an toàn"):
        read_package(target, KEY)
    assert not (tmp_path.parent / "evil.json").exists()


def test_huge_uncompressed_member_is_refused_without_inflating_it(package: Path, tmp_path: Path) -> None:
    target = tmp_path / "bomb.nqpkg"
    block = b"0" * (1024 * 1024)
    with (
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("members.json", "w", force_zip64=True) as member,
    ):
        for _ in range(150):
            member.write(block)
    with pytest.raises(PackageRefused, match="quá lớn"):
        read_package(target, KEY)


def test_manifest_with_wrong_types_is_refused(package: Path, tmp_path: Path) -> None:
    target = rewrite(
        package,
        tmp_path / "types.nqpkg",
        {MANIFEST_NAME: json.dumps({"format": "hoctap-results", "version": 1, "parts": []}).encode()},
    )
    with pytest.raises(PackageRefused, match="kiểu dữ liệu"):
        read_package(target, KEY)


def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "text.nqpkg"
    path.write_text("xin chào", encoding="utf-8")
    with pytest.raises(PackageRefused):
        read_package(path, KEY)


def test_other_compression_methods_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bzip.nqpkg"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr(MANIFEST_NAME, "{}")
    with pytest.raises(PackageRefused, match="kiểu nén"):
        read_package(path, KEY)


def test_corrupt_deflate_data_is_refused_not_crashed(package: Path) -> None:
    data = bytearray(package.read_bytes())
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo("members.json")
    start = info.header_offset + 30 + len(info.filename)
    for offset in range(start, start + info.compress_size):
        data[offset] = 0xFF
    package.write_bytes(bytes(data))
    with pytest.raises(PackageRefused, match="hỏng"):
        read_package(package, KEY)
