"""Writing and safely reading the .nqpkg container: size caps, no paths on disk, SHA-256 parts, unit HMAC."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.errors import UserError

FORMAT_NAME = "hoctap-results"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
# Part names are plain words: nothing in a package can name a folder, let alone one outside.
_PART_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}\.json$")
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_PARTS = 32
# Deeper JSON than any part needs (a package nests 5 levels): Python's parser would otherwise recurse until a
# RecursionError, and a value nested ~1,000 deep would still break json.dumps when stored.
MAX_DEPTH = 32
DEPTH_REFUSAL = "Gói kết quả có dữ liệu lồng nhau quá sâu (không phải gói do ứng dụng tạo ra)."


class PackageRefused(UserError):
    """A package that is not imported; the message names the reason."""


@dataclass(frozen=True)
class UnitKey:
    """The secret the PCs of one unit share; only its derived key and a short public id are used."""

    secret: bytes

    @classmethod
    def from_passphrase(cls, passphrase: str) -> UnitKey:
        if not passphrase.strip():
            raise UserError("Khoá đơn vị chưa được đặt; quản trị cần đặt khoá chung cho các máy của đơn vị.")
        return cls(hashlib.sha256(("hoctap-unit-key:" + passphrase.strip()).encode("utf-8")).digest())

    @property
    def key_id(self) -> str:
        """A public fingerprint telling which unit made a package, without revealing the key."""
        return hashlib.sha256(b"id:" + self.secret).hexdigest()[:16]

    def sign(self, payload: bytes) -> str:
        return hmac.new(self.secret, payload, hashlib.sha256).hexdigest()


def _canonical(manifest: dict[str, Any]) -> bytes:
    unsigned = {key: value for key, value in manifest.items() if key != "hmac"}
    return json.dumps(unsigned, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_package(path: Path, parts: dict[str, Any], key: UnitKey, metadata: dict[str, Any]) -> None:
    """Write ``parts`` (name → JSON-able data) and a signed manifest to ``path`` atomically."""
    encoded = {name: _encode(data) for name, data in parts.items()}
    for name in encoded:
        if not _PART_NAME.match(name) or name == MANIFEST_NAME:
            raise ValueError(f"bad part name {name!r}")
    manifest: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "unit_key_id": key.key_id,
        **metadata,
        "parts": {name: {"sha256": _digest(data), "size": len(data)} for name, data in encoded.items()},
    }
    manifest["hmac"] = key.sign(_canonical(manifest))
    temporary = path.with_name(path.name + ".part")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, data in encoded.items():
            archive.writestr(name, data)
    temporary.replace(path)


def read_package(path: Path, key: UnitKey) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (manifest, parts) of a verified package, or raise PackageRefused naming the reason."""
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise PackageRefused("Gói kết quả quá lớn (vượt giới hạn cho phép).")
        raw = path.read_bytes()  # a USB stick pulled out between the two: the same refusal
    except OSError as error:
        raise PackageRefused(f"Không đọc được tệp gói kết quả: {path.name}.") from error
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise PackageRefused("Gói kết quả bị hỏng hoặc bị cắt cụt (không phải tệp .nqpkg hợp lệ).") from error
    with archive:
        contents = _read_members(archive)
    manifest = _parse_manifest(contents.pop(MANIFEST_NAME, None))
    if manifest.get("unit_key_id") != key.key_id:
        raise PackageRefused("Gói kết quả thuộc đơn vị khác (khoá đơn vị không khớp).")
    if not hmac.compare_digest(str(manifest.get("hmac", "")), key.sign(_canonical(manifest))):
        raise PackageRefused("Gói kết quả đã bị sửa đổi (chữ ký không khớp).")
    declared = manifest["parts"]
    if set(declared) != set(contents):
        raise PackageRefused("Gói kết quả thiếu hoặc thừa thành phần so với bản kê khai.")
    parts: dict[str, Any] = {}
    for name, data in contents.items():
        if _digest(data) != declared[name].get("sha256"):
            raise PackageRefused(f"Thành phần {name} của gói kết quả bị hỏng (mã băm không khớp).")
        try:
            parts[name] = parse_json(data, check_depth=False)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise PackageRefused(f"Thành phần {name} của gói kết quả không phải JSON hợp lệ.") from error
    return manifest, parts


def parse_json(data: bytes, check_depth: bool = True) -> Any:
    """``json.loads`` that refuses nesting past MAX_DEPTH instead of recursing into it.

    The scan costs as much as the parse, so big parts skip it (``check_depth=False``): their parser's own
    recursion guard ends in the same refusal, and the part's schema bounds the depth of what is kept.
    """
    if check_depth and too_deep(data):
        raise PackageRefused(DEPTH_REFUSAL)
    try:
        return json.loads(data.decode("utf-8"))
    except RecursionError as error:
        raise PackageRefused(DEPTH_REFUSAL) from error


_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = bytes(range(256)).translate(None, b"[]{}")


def too_deep(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON text ``data`` nests arrays and objects more than ``limit`` deep (strings ignored).

    Each pass deletes the innermost empty pairs, all in C: ordinary parts need as many passes as they are deep.
    """
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKET).replace(b"{", b"[").replace(b"}", b"]")
    for _ in range(limit):
        if not brackets:
            return False
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            return False  # unbalanced: the parser will refuse it
        brackets = shorter
    return bool(brackets)


def _read_members(archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise PackageRefused("Gói kết quả có quá nhiều thành phần.")
    contents: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if not _PART_NAME.match(info.filename):
            raise PackageRefused(f"Gói kết quả chứa đường dẫn không an toàn: {info.filename!r}.")
        if info.filename in contents:
            raise PackageRefused("Gói kết quả chứa một thành phần hai lần.")
        # Only what write_package makes: other methods (bzip2, lzma, encryption) have other failure modes.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            raise PackageRefused("Gói kết quả dùng kiểu nén không được hỗ trợ.")
        if info.file_size > MAX_PART_BYTES:
            raise PackageRefused("Gói kết quả quá lớn khi giải nén (vượt giới hạn cho phép).")
        # The declared size can lie: read at most one byte past the cap and count what really came out.
        try:
            with archive.open(info) as member:
                data = member.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError) as error:
            raise PackageRefused("Gói kết quả bị hỏng hoặc bị cắt cụt (dữ liệu nén lỗi).") from error
        total += len(data)
        if len(data) > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise PackageRefused("Gói kết quả quá lớn khi giải nén (vượt giới hạn cho phép).")
        contents[info.filename] = data
    return contents


def _parse_manifest(data: bytes | None) -> dict[str, Any]:
    if data is None:
        raise PackageRefused("Gói kết quả không có bản kê khai (manifest.json).")
    try:
        manifest = parse_json(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageRefused("Bản kê khai của gói kết quả bị hỏng.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise PackageRefused("Tệp này không phải gói kết quả của ứng dụng Học tập Nghị quyết.")
    if manifest.get("version") != FORMAT_VERSION:
        raise PackageRefused("Gói kết quả được tạo bởi phiên bản khác của ứng dụng; hãy cập nhật ứng dụng.")
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or not all(isinstance(value, dict) for value in parts.values()):
        raise PackageRefused("Bản kê khai của gói kết quả có kiểu dữ liệu sai.")
    return manifest
