"""What the GUI and the CLI call: collect through the facade, render, and write the file safely."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.errors import UserError
from reports.batch import BatchCancelled, Cancelled, Progress

if TYPE_CHECKING:
    from quiz.service import Service

PDF, XLSX = ".pdf", ".xlsx"


def write_file(path: Path, data: bytes) -> Path:
    """Write beside the target, then replace it: a failure never leaves half a file behind."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise UserError(f"Không ghi được tệp “{path}”: {reason}.") from error
    return path


def require_suffix(path: Path, allowed: tuple[str, ...]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise UserError(f"Tên tệp phải kết thúc bằng {' hoặc '.join(allowed)}.")
    return suffix


def render_member_form(service: Service, member_id: str, path: Path, document_id: str | None = None) -> Path:
    """One member's form (bản thu hoạch và đăng ký cam kết) as a PDF file."""
    from reports.collect import collect_form
    from reports.form import build_member_form

    require_suffix(path, (PDF,))
    return write_file(path, build_member_form(collect_form(service, member_id, document_id)))


def render_unit_report(service: Service, path: Path, chi_bo: str | None = None, document_id: str | None = None) -> Path:
    """The unit summary as PDF or XLSX (by the file's extension), for the đảng bộ or one chi bộ."""
    from reports.collect_unit import collect_unit

    suffix = require_suffix(path, (PDF, XLSX))
    data = collect_unit(service, chi_bo, document_id)
    if suffix == PDF:
        from reports.unit_pdf import build_unit_pdf

        return write_file(path, build_unit_pdf(data))
    from reports.unit_xlsx import build_unit_xlsx

    return write_file(path, build_unit_xlsx(data))


def render_chi_bo_forms(
    service: Service,
    chi_bo: str,
    path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    document_id: str | None = None,
) -> Path:
    """Every member's form of a chi bộ in one PDF. ``progress(done, total)`` counts reading the data and then
    laying out the pages (total is twice the number of members); ``cancelled()`` stops before writing anything."""
    from reports.batch import build_forms_batch
    from reports.collect import collect_form, current_document_id, find_chi_bo

    require_suffix(path, (PDF,))
    unit = find_chi_bo(service, chi_bo)
    document = current_document_id(service, document_id)
    profiles = service.members.list_members(unit.id)
    if not profiles:
        raise UserError(f"Chi bộ “{unit.name}” chưa có đảng viên nào.")
    total = 2 * len(profiles)
    forms = []
    for index, profile in enumerate(profiles):
        if cancelled is not None and cancelled():
            raise BatchCancelled()
        if progress is not None:
            progress(index, total)
        forms.append(collect_form(service, profile.id, document))

    def layout_progress(done: int, count: int) -> None:
        if progress is not None:
            progress(count + done, total)

    data = build_forms_batch(forms, f"Bản thu hoạch và cam kết - {unit.name}", layout_progress, cancelled)
    return write_file(path, data)
