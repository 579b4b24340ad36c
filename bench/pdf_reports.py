"""Time one member's form against a bare reportlab page with the same text, and a 100-member batch."""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reports.batch import build_forms_batch
from reports.form import build_member_form
from reports.model import (
    AttemptRow,
    CommitmentRow,
    DocumentHeader,
    FormData,
    IdentityField,
    ReflectionAnswer,
    SectionResult,
)

REPEATS = 21


def identity_values(name: str) -> tuple[tuple[str, str], ...]:
    return (
        ("Họ và tên", name),
        ("Ngày sinh", "01/02/1980"),
        ("Ngày vào Đảng", "03/04/2005"),
        ("Chức vụ", "Tổ trưởng"),
        ("Đơn vị công tác", "Khu phố 3"),
        ("Chi bộ", "Chi bộ khu phố 3"),
    )


def sample(name: str) -> FormData:
    """A typical form: six identity lines, four sections, two attempts, two answers, eight commitments."""
    answer = "Nghị quyết xác định rõ mục tiêu, nhiệm vụ và các giải pháp đột phá cho giai đoạn tới. " * 4
    return FormData(
        header=DocumentHeader("Đảng bộ phường Bình Minh", "Chi bộ khu phố 3", "Bình Minh", dt.date(2024, 5, 6)),
        resolution_title="Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2025 - 2030",
        member_name=name,
        identity=tuple(IdentityField(label, value) for label, value in identity_values(name)),
        sections=tuple(SectionResult(f"Phần thứ {number}", True, 8, 10) for number in range(1, 5)),
        attempts=(AttemptRow(dt.date(2024, 5, 1), 7.5, 10, True), AttemptRow(dt.date(2024, 5, 2), 9, 10, True)),
        reflections=(ReflectionAnswer("Điểm mới của Nghị quyết?", answer), ReflectionAnswer("Vận dụng?", answer)),
        commitments=tuple(
            CommitmentRow(f"Nội dung việc làm số {number}", "Biện pháp thực hiện cụ thể", "Quý IV/2024")
            for number in range(1, 9)
        ),
    )


def form_text(data: FormData) -> list[str]:
    """The same words the form prints, as plain lines."""
    lines = [data.header.party_committee, data.header.chi_bo, "ĐẢNG CỘNG SẢN VIỆT NAM", data.resolution_title]
    lines += [f"{item.label}: {item.value}" for item in data.identity]
    lines += [section.title for section in data.sections]
    lines += [f"{item.question} {item.answer}" for item in data.reflections]
    lines += [f"{row.content} {row.measures} {row.deadline}" for row in data.commitments]
    return lines


def bare_page(lines: list[str]) -> bytes:
    """The same text as plain Liberation Serif paragraphs in a default reportlab document."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from reports.fonts import register_fonts

    style = ParagraphStyle("plain", fontName=register_fonts(), fontSize=14, leading=17.5)
    output = io.BytesIO()
    SimpleDocTemplate(output, invariant=1, initialFontName=style.fontName).build(
        [Paragraph(line, style) for line in lines]
    )
    return output.getvalue()


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    data = sample("Nguyễn Văn Minh")
    lines = form_text(data)
    build_member_form(data)  # warm up: font registration, imports
    bare_page(lines)
    # Interleaved, so a busy machine slows both sides alike; the median of each side is compared.
    form_timings, bare_timings = [], []
    for _ in range(REPEATS):
        form_timings.append(timed(lambda: build_member_form(data)))
        bare_timings.append(timed(lambda: bare_page(lines)))
    form_seconds, bare_seconds = statistics.median(form_timings), statistics.median(bare_timings)
    forms = [sample(f"Đảng viên thứ {number}") for number in range(1, 101)]
    start = time.perf_counter()
    batch = build_forms_batch(forms)
    batch_seconds = time.perf_counter() - start
    print(f"member form:        {form_seconds * 1000:7.1f} ms (median of {REPEATS})")
    print(f"bare reportlab:     {bare_seconds * 1000:7.1f} ms (same text, median of {REPEATS})")
    print(f"ratio:              {form_seconds / bare_seconds:7.2f} (target <= 3)")
    print(f"100-member batch:   {batch_seconds:7.2f} s, {len(batch) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
