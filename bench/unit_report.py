"""Bench: the unit report (PDF, and the XLSX of the same data as its baseline) over a made-up đảng bộ.

Run: ``.venv/bin/python bench/unit_report.py [--members 23000] [--chi-bo 231] [--pending 0.28] [--runs 3]``.
The data is built in memory (no database): names, chi bộ and what each pending member still has to do vary
like a real unit's, so only the report's own layout and drawing are timed. Prints medians and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# NQ_BENCH_SOURCE: time another checkout's code with this script (bench/all.py --before).
sys.path.insert(0, os.environ.get("NQ_BENCH_SOURCE") or str(Path(__file__).resolve().parent.parent))

from reports.model import DocumentHeader, HardQuestion, PendingMember, UnitReportData, UnitRow
from reports.unit_pdf import build_unit_pdf
from reports.unit_xlsx import build_unit_xlsx

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân")
GIVEN = ("An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc")
STEPS = ("chưa làm bài kiểm tra", "làm bài kiểm tra sau hạn", "chưa đạt yêu cầu")
PLEDGE = ("chưa nộp bản cam kết", "chưa đăng ký cam kết")


def unit_data(members: int, chi_bo: int, pending_share: float, seed: int = 7) -> UnitReportData:
    chooser = random.Random(seed)
    names = [f"Chi bộ {kind} số {number + 1}" for number, kind in enumerate(chooser.choices(("thôn", "khu phố",
             "Trường Trung học cơ sở", "Công ty cổ phần"), k=chi_bo))]  # fmt: skip
    sizes = [members // chi_bo + (1 if index < members % chi_bo else 0) for index in range(chi_bo)]
    rows, pending = [], []
    for name, size in zip(names, sizes, strict=True):
        late = [chooser.random() < pending_share for _ in range(size)]
        for _ in range(sum(late)):
            missing: list[str] = []
            if chooser.random() < 0.3:
                missing.append(f"chưa học xong ({chooser.randint(0, 9)}/10 phần)")
            if chooser.random() < 0.6:
                missing.append(chooser.choice(STEPS))
            if not missing or chooser.random() < 0.5:
                missing.append(chooser.choice(PLEDGE))
            person = f"{chooser.choice(FAMILY)} {chooser.choice(MIDDLE)} {chooser.choice(GIVEN)}"
            pending.append(PendingMember(person, name, tuple(missing)))
        done = size - sum(late)
        rows.append(UnitRow(name, size, done + sum(late) // 2, done, done, done, 7.5))
    sums = [sum(getattr(row, key) for row in rows) for key in ("studied", "took_quiz", "passed", "pledged")]
    total = UnitRow("Toàn Đảng bộ", members, sums[0], sums[1], sums[2], sums[3], 7.5)
    hardest = tuple(HardQuestion(f"Câu hỏi số {index} về mục tiêu?", "", 900, 300) for index in range(10))
    header = DocumentHeader("Đảng bộ tỉnh Thử Nghiệm", "", "Thử Nghiệm", dt.date(2025, 12, 1))
    return UnitReportData(header, "Nghị quyết về phát triển bền vững", tuple(rows), total, dt.date(2025, 11, 30),
                          tuple(pending), hardest)  # fmt: skip


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=23_000)
    parser.add_argument("--chi-bo", type=int, default=231)
    parser.add_argument("--pending", type=float, default=0.28, help="share of members not done (6.465 of 23.000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path, help="also write the PDF here, to look at it")
    arguments = parser.parse_args()
    data = unit_data(arguments.members, arguments.chi_bo, arguments.pending)
    pdf = build_unit_pdf(data)
    if arguments.output:
        arguments.output.write_bytes(pdf)
    pdf_seconds = median_seconds(lambda: build_unit_pdf(data), arguments.runs)
    xlsx_seconds = median_seconds(lambda: build_unit_xlsx(data), arguments.runs)
    print(f"unit report over {arguments.members} members, {arguments.chi_bo} chi bộ, {len(data.pending)} pending")
    print(f"PDF  {pdf_seconds:.2f} s ({len(pdf) / 1e6:.1f} MB), median of {arguments.runs}")
    print(f"XLSX {xlsx_seconds:.2f} s (baseline, same data); PDF/XLSX {pdf_seconds / xlsx_seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
