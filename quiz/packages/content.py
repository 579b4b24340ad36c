"""A verified package as checked rows: signature, every part's types, and the references between parts."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.packages.container import PackageRefused, UnitKey, read_package
from quiz.packages.prepared import PreparedAttempts
from quiz.packages.schema import OPTIONAL_PARTS, PART_FIELDS, REQUIRED_PARTS, Field
from quiz.packages.validate import validate_object, validate_part

Row = dict[str, Any]
_METADATA = {"package_id": Field("id", max_length=36), "exported_at": Field("datetime"), "source": Field("str")}


@dataclass(frozen=True)
class PackageContent:
    """The rows of one package, typed (dates and times converted), with what the manifest says of it."""

    package_id: str
    exported_at: dt.datetime
    source: str
    units: list[Row]
    members: list[Row]
    attempts: list[Row]
    pledges: list[Row]
    review_cards: list[Row]
    section_progress: list[Row]
    documents: list[Row]
    document_texts: list[Row]
    # The attempts' items and answers as database rows, when the reading process prepared them.
    prepared: PreparedAttempts | None = None


def load_package(path: Path, key: UnitKey) -> PackageContent:
    """Read, verify and check a package; raise PackageRefused naming the first problem found."""
    manifest, parts = read_package(path, key)
    metadata = validate_part_metadata(manifest)
    names = set(parts)
    if not names >= REQUIRED_PARTS or not names <= REQUIRED_PARTS | OPTIONAL_PARTS:
        raise PackageRefused("Gói kết quả thiếu thành phần bắt buộc hoặc có thành phần không xác định.")
    rows: dict[str, Any] = {name: validate_part(name, parts.get(name, [])) for name in PART_FIELDS}
    content = PackageContent(
        package_id=metadata["package_id"],
        exported_at=metadata["exported_at"],
        source=metadata["source"],
        **{name.removesuffix(".json"): value for name, value in rows.items()},
    )
    check_references(content)
    return content


def validate_part_metadata(manifest: dict[str, Any]) -> dict[str, Any]:
    # The manifest is signed, but its fields are still typed data from outside: check them like a part.
    return validate_object({key: manifest.get(key) for key in _METADATA}, _METADATA, "manifest.json")


def check_references(content: PackageContent) -> None:
    """Every row must point at units, members and documents carried in the same package."""
    unit_ids = _unique(content.units, "đơn vị")
    member_ids = _unique(content.members, "đảng viên")
    document_ids = _unique(content.documents, "văn bản")
    for kind, rows in (
        ("bài làm", content.attempts),
        ("bản cam kết", content.pledges),
        ("thẻ ôn tập", content.review_cards),
        ("tiến độ học", content.section_progress),
    ):
        _unique(rows, kind)
    _unique([item for attempt in content.attempts for item in attempt["items"]], "câu của bài làm")
    for unit in content.units:
        _require(unit["parent_id"] in unit_ids | {None}, "đơn vị cấp trên")
    for member in content.members:
        _require(member["chi_bo_id"] in unit_ids | {None}, "chi bộ của đảng viên")
    for rows in (content.attempts, content.pledges, content.review_cards, content.section_progress):
        for row in rows:
            _require(row["member_id"] in member_ids, "đảng viên")
            _require("document_id" not in row or row["document_id"] in document_ids, "văn bản")
    hashes = {row["id"]: row["content_hash"] for row in content.documents}
    for document in content.document_texts:
        _require(hashes.get(document["id"]) == document["content_hash"], "văn bản kèm theo")
        if hashlib.sha256(document["text"].encode("utf-8")).hexdigest() != document["content_hash"]:
            raise PackageRefused(f"Văn bản «{document['title']}» kèm theo gói bị hỏng (mã băm nội dung không khớp).")


def _unique(rows: Iterable[Row], kind: str) -> set[str]:
    identities = [row["id"] for row in rows]
    unique = set(identities)
    if len(unique) != len(identities):
        raise PackageRefused(f"Gói kết quả có hai dòng {kind} cùng mã định danh.")
    return unique


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise PackageRefused(f"Gói kết quả tham chiếu đến {what} không có trong gói (dữ liệu không nhất quán).")
