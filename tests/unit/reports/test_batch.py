"""Batch printing: one form per member in one PDF, page numbers restarting, progress and cancel."""

from __future__ import annotations

import pytest

from quiz.errors import UserError
from reports.batch import BatchCancelled, build_forms_batch
from reports.model import FormLayout
from tests.unit.reports.pdf_tools import page_texts, top_margin_texts
from tests.unit.reports.samples import long_commitments, sample_form

NAMES = ("Phạm Văn Đồng Một", "Võ Thị Sáu Hai", "Hoàng Quốc Việt Ba")


def test_each_member_gets_a_form_and_page_numbers_restart() -> None:
    forms = [sample_form(long_commitments(30), name=name) for name in NAMES]
    data = build_forms_batch(forms)
    pages = page_texts(data)
    starts = [index for index, page in enumerate(pages) if "ĐẢNG CỘNG SẢN VIỆT NAM" in page]
    assert len(starts) == len(NAMES)
    for start, name in zip(starts, NAMES, strict=True):
        assert f"Họ và tên: {name}" in pages[start]
    numbers = top_margin_texts(data)
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(pages)
        assert end - start >= 2
        assert numbers[start:end] == ["", *(str(number) for number in range(2, end - start + 1))]


def test_progress_is_reported_for_every_member_and_at_the_end() -> None:
    calls: list[tuple[int, int]] = []
    forms = [sample_form(name=name, layout=FormLayout.SEPARATE) for name in NAMES]
    build_forms_batch(forms, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancel_stops_the_batch_with_a_message() -> None:
    checks: list[int] = []

    def cancelled() -> bool:
        checks.append(1)
        return len(checks) >= 2

    forms = [sample_form(name=name) for name in NAMES]
    with pytest.raises(BatchCancelled, match="Đã dừng"):
        build_forms_batch(forms, cancelled=cancelled)
    assert len(checks) == 2


def test_an_empty_chi_bo_is_refused_in_vietnamese() -> None:
    with pytest.raises(UserError, match="chưa có đảng viên"):
        build_forms_batch([])
