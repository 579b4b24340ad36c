"""The merge report and the package preview as Vietnamese lines (printed by the CLI, shown by the window)."""

from __future__ import annotations

from quiz.api.packages import KIND_NAMES, MergeReport, PackagePreview
from quiz.formatting import format_number, format_short_date


def report_lines(report: MergeReport) -> list[str]:
    """Per package whether it was merged or refused (and why), then per kind of row what happened."""
    lines = []
    for outcome in report.packages:
        if outcome.refused is not None:
            lines.append(f"TỪ CHỐI {outcome.file_name}: {outcome.refused}")
        else:
            again = " (gói này đã được gộp trước đây; không có gì trùng lặp)" if outcome.already_imported else ""
            lines.append(f"Đã gộp {outcome.file_name} – {outcome.source}{again}")
    lines.append("Loại dữ liệu: thêm mới / cập nhật / bỏ qua (đã có) / từ chối")
    for kind, name in KIND_NAMES.items():
        counts = report.counts[kind]
        numbers = (counts.added, counts.updated, counts.skipped, counts.refused)
        if any(numbers):
            lines.append(f"- {name}: " + " / ".join(format_number(number) for number in numbers))
    lines.extend(f"Lưu ý: {note}" for note in report.notes)
    return lines


def preview_lines(preview: PackagePreview) -> list[str]:
    lines = [
        f"Gói kết quả của: {preview.source}, xuất ngày {format_short_date(preview.exported_at.date())}",
        "Nội dung: "
        + "; ".join(
            f"{name.lower()} {format_number(preview.counts[kind])}"
            for kind, name in KIND_NAMES.items()
            if preview.counts.get(kind)
        ),
    ]
    for document in preview.documents:
        where = "đã có trên máy" if document.present else ("kèm trong gói" if document.included else "THIẾU")
        lines.append(f"Văn bản: {document.title} ({where})")
    lines.append(
        f"Đảng viên đã có: {format_number(len(preview.known_members))}; mới: {format_number(len(preview.new_members))}"
    )
    for match in preview.matches:
        lines.append(
            f"Cần xác nhận: {match.incoming_name} ({match.incoming_chi_bo}) trùng họ tên và ngày sinh "
            f"{format_short_date(match.birth_date)} với {match.local_name} ({match.local_chi_bo}) "
            f"– ghép bằng --match {match.incoming_id}:{match.local_id}"
        )
    if preview.already_imported:
        lines.append("Gói này đã được gộp trước đây; gộp lại không thay đổi gì.")
    if preview.problem:
        lines.append(f"Sẽ bị từ chối: {preview.problem}")
    return lines
