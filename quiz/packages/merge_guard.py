"""What a package signed with the unit key still may not do: date its edits after its own export."""

from __future__ import annotations

import datetime as dt

from quiz.api.packages import MergeReport
from quiz.formatting import format_number
from quiz.packages.content import PackageContent, Row

# The key proves a package comes from the unit, not that its clock is right (a draft never replacing a finalised
# pledge is checked where pledges merge, quiz.packages.merge_results).
# The times a merge compares to decide which side is newer (attempts never change, so theirs decide nothing).
_COMPARED = {
    "units": "updated_at",
    "members": "updated_at",
    "pledges": "modified_at",
    "review_cards": "updated_at",
    "section_progress": "updated_at",
}


def clamp_times(content: PackageContent, now: dt.datetime, file_name: str, report: MergeReport) -> None:
    """No edit in a package is later than the package's export (nor than now): a row dated 2099 must not win."""
    ceiling = min(content.exported_at, now)
    rows: list[tuple[Row, str]] = [(row, name) for kind, name in _COMPARED.items() for row in getattr(content, kind)]
    rows += [(old, "modified_at") for pledge in content.pledges for old in pledge["history"]]
    clamped = 0
    for row, name in rows:
        if row[name] > ceiling:
            row[name] = ceiling
            clamped += 1
    if clamped:
        report.conflict(
            f"Gói {file_name} ghi {format_number(clamped)} lần sửa muộn hơn lúc xuất gói; các lần sửa đó được tính "
            "như sửa lúc xuất gói (hãy kiểm tra đồng hồ của máy đã xuất gói)."
        )
