"""The Vietnamese sentences the start-up checks show once: what was found, what was done, what may be lost."""

from __future__ import annotations

from pathlib import Path

from quiz.formatting import format_number
from quiz.storage.backup import Backup, describe_time

IN_USE_AT_START = (
    "Cơ sở dữ liệu đang được máy/chương trình khác dùng và chưa nhả ra sau {seconds} giây chờ; hãy đóng chương "
    "trình kia (hoặc đợi nó xong việc) rồi mở lại ứng dụng."
)
DAMAGE_NOT_FOUND_AGAIN = (
    "Lần dùng trước ứng dụng gặp một chỗ dữ liệu hỏng nhưng lần kiểm tra toàn bộ tệp này không thấy lỗi cấu trúc; "
    "nếu lỗi còn lặp lại, hãy khôi phục từ bản sao lưu gần nhất trong thư mục backups."
)
# Names of the counted tables as the secretary knows them.
TABLE_NAMES = {
    "members": "đảng viên",
    "documents": "văn bản",
    "questions": "câu hỏi",
    "attempts": "lượt làm bài",
    "attempt_items": "câu trong bài làm",
    "answers": "câu trả lời",
    "pledges": "bản cam kết",
}


def lost_file(database_file: Path, was_empty: bool, restored: Backup | None, aside: Path | None) -> str:
    """A database that became 0 bytes, or vanished, while it held data at the last start."""
    what = "bị rỗng (0 byte)" if was_empty else "không còn"
    kept = f" Tệp rỗng được giữ lại tại {aside}." if aside is not None else ""
    if restored is None:
        return (
            f"Tệp cơ sở dữ liệu {database_file} {what} và không có bản sao lưu nào dùng được, nên ứng dụng bắt đầu "
            f"với dữ liệu trống.{kept}"
        )
    return (
        f"Tệp cơ sở dữ liệu {database_file} {what} nên đã được khôi phục từ bản sao lưu "
        f"{describe_time(restored.made_at)} ({restored.path}); những thay đổi sau thời điểm đó đã bị mất.{kept}"
    )


def wal_lost(kind: str, kept: Path | None) -> str:
    """The -wal of a crashed session was deleted, replaced or damaged: its last changes are gone."""
    what = "bị mất hoặc bị thay" if kind == "lost" else "bị hỏng"
    where = f" Tệp nhật ký cũ được giữ lại tại {kept}." if kept is not None else ""
    return (
        f"Tệp nhật ký ghi (-wal) của cơ sở dữ liệu {what} sau một lần tắt đột ngột, nên một số thay đổi gần nhất "
        f"đã không còn; hãy kiểm tra các bài làm mới nhất và so với bản sao lưu nếu cần.{where}"
    )


def fewer_rows(changes: dict[str, tuple[int, int]]) -> str:
    """Row counts went down since the app last started or closed."""
    listed = ", ".join(
        f"{TABLE_NAMES.get(table, table)} {format_number(before)} → {format_number(now)}"
        for table, (before, now) in changes.items()
    )
    return (
        f"Cơ sở dữ liệu có ít bản ghi hơn lần dùng trước ({listed}); nếu không ai xoá các dữ liệu này thì có thể "
        "chúng đã mất sau một sự cố, hãy khôi phục từ bản sao lưu trong thư mục backups."
    )
