"""Every member's form of a chi bộ in one PDF: one form after another, page numbers restarting for each."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from quiz.errors import UserError
from reports.form import form_story
from reports.model import FormData
from reports.styles import PageNumbering, new_document

# Called with (forms started so far, total) while the PDF is laid out; the last call is (total, total).
Progress = Callable[[int, int], None]
# Returns True when the user asked to stop; checked before each form is laid out.
Cancelled = Callable[[], bool]


class BatchCancelled(UserError):
    """The user stopped the batch; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã dừng in hàng loạt theo yêu cầu; chưa có tệp nào được ghi.")


def build_forms_batch(
    forms: Sequence[FormData],
    title: str = "Bản thu hoạch và đăng ký cam kết",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> bytes:
    """All ``forms`` as one PDF; raises BatchCancelled (leaving nothing behind) when ``cancelled()`` turns True."""
    from reportlab.platypus import PageBreak

    if not forms:
        raise UserError("Chi bộ chưa có đảng viên nào để in bản thu hoạch, cam kết.")
    total = len(forms)
    started: set[int] = set()

    def on_start(index: int) -> None:
        # A separate-layout form starts two documents; report and check only once per member.
        if index in started:
            return
        started.add(index)
        if cancelled is not None and cancelled():
            raise BatchCancelled()
        if progress is not None:
            progress(index, total)

    numbering = PageNumbering(on_start)
    story: list[Any] = []
    for index, data in enumerate(forms):
        if index:
            story.append(PageBreak())
        story.extend(form_story(data, numbering, index))
    output = io.BytesIO()
    new_document(output, title, numbering).build(story)
    if progress is not None:
        progress(total, total)
    return output.getvalue()
