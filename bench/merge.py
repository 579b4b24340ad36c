"""Merge 231 results packages of 100 members each into one database; print the time and check the row counts."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

# NQ_BENCH_SOURCE: time another checkout's code with this script (bench/all.py --before).
sys.path.insert(0, os.environ.get("NQ_BENCH_SOURCE") or str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from quiz.packages.container import UnitKey, write_package
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.base import Base

PASSPHRASE = "khoá chung của đảng bộ (đo thời gian)"
# A short resolution written for this benchmark (not the seed document).
RESOLUTION = """NGHỊ QUYẾT
về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2025 - 2030

I. MỤC TIÊU
Phấn đấu 90 % chi bộ được xếp loại hoàn thành tốt nhiệm vụ. Kết nạp 1.200 đảng viên mới mỗi năm.

II. NHIỆM VỤ
Đổi mới nội dung sinh hoạt chuyên đề hằng quý. Ứng dụng công nghệ số trong quản lý đảng viên.
"""
KINDS = (
    "units",
    "members",
    "attempts",
    "answers",
    "pledges",
    "pledge_versions",
    "review_cards",
    "review_log",
    "section_progress",
)


def ident() -> str:
    return str(uuid.uuid4())


def iso(moment: dt.datetime) -> str:
    return moment.isoformat()


def build_package(index: int, arguments: argparse.Namespace, context: dict[str, Any]) -> dict[str, list[Any]]:
    """One chi bộ's package: members with submitted attempts (answers), a pledge with history, cards, progress."""
    now = dt.datetime(2025, 11, 1, 8, tzinfo=dt.UTC) + dt.timedelta(minutes=index)
    chi_bo = {"id": ident(), "name": f"Chi bộ số {index + 1}", "kind": "chi_bo", "parent_id": context["dang_bo"]["id"]}
    chi_bo["updated_at"] = iso(now)
    members, attempts, pledges, cards, progress = [], [], [], [], []
    for number in range(arguments.members):
        member_id = ident()
        members.append(
            {"id": member_id, "full_name": f"Đảng viên {index}-{number}", "birth_date": "1980-01-01",
             "party_position": "Đảng viên", "job_position": "Chuyên viên", "workplace": "Cơ quan",
             "chi_bo_id": chi_bo["id"], "joined_party_on": None, "card_number": "", "created_at": iso(now),
             "updated_at": iso(now)}
        )  # fmt: skip
        for sitting in range(arguments.attempts):
            attempt_id = ident()
            items = [
                {"id": ident(), "position": position, "question_id": f"q-{position}", "question_type": "single",
                 "section_id": context["section_id"], "fact_key": f"fact-{position}", "fact_kind": "number",
                 "option_order": [0, 1, 2, 3], "flagged": False,
                 "answer": {"id": ident(), "response": {"choice": position % 4}, "is_correct": position % 4 == 0,
                            "credit": 1.0 if position % 4 == 0 else 0.0, "answered_at": iso(now),
                            "time_spent_seconds": 12.5, "changed_count": 0}}
                for position in range(arguments.questions)
            ]  # fmt: skip
            correct = sum(item["answer"]["is_correct"] for item in items)
            attempts.append(
                {"id": attempt_id, "member_id": member_id, "document_id": context["document"]["id"],
                 "mode": "exam", "section_id": None, "seed": sitting, "started_at": iso(now), "deadline_at": None,
                 "submitted_at": iso(now), "auto_submitted": False, "correct_count": correct,
                 "question_count": len(items), "score": float(correct),
                 "score_percent": 100.0 * correct / len(items), "passed": correct * 2 >= len(items),
                 "updated_at": iso(now), "items": items}
            )  # fmt: skip
        content = {
            "reflections": [{"question": "Điểm mới của Nghị quyết?", "answer": "Đổi mới sinh hoạt chi bộ."}],
            "commitments": [{"content": "Tham gia đủ sinh hoạt", "measures": "", "due_text": "Thường xuyên",
                             "note": "", "category": ""}],
        }  # fmt: skip
        history = [{"id": ident(), "version": 1, "state": "draft", "modified_at": iso(now - dt.timedelta(days=1)),
                    "content": {"reflections": [], "commitments": []}, "recorded_at": iso(now)}]  # fmt: skip
        pledges.append(
            {"id": ident(), "member_id": member_id, "document_id": context["document"]["id"], "state": "finalised",
             "version": 2, "created_at": iso(now), "modified_at": iso(now), "finalised_at": iso(now),
             "content": content, "history": history}
        )  # fmt: skip
        for fact in range(2):
            cards.append(
                {"id": ident(), "member_id": member_id, "fact_key": f"fact-{fact}", "question_id": f"q-{fact}",
                 "state": 1, "step": 0, "stability": 1.2, "difficulty": 5.0, "due": iso(now), "last_review": iso(now),
                 "reviews": 1, "lapses": 0, "created_at": iso(now), "updated_at": iso(now),
                 "log": [{"id": ident(), "rating": 1, "reviewed_at": iso(now), "attempt_id": None,
                          "due_before": None, "due_after": iso(now)}]}
            )  # fmt: skip
        progress.append(
            {"id": ident(), "member_id": member_id, "section_id": context["section_id"],
             "document_id": context["document"]["id"], "opened_at": iso(now), "reading_seconds": 120,
             "studied": True, "studied_at": iso(now), "updated_at": iso(now)}
        )  # fmt: skip
    return {
        "units.json": [context["dang_bo"], chi_bo],
        "members.json": members,
        "attempts.json": attempts,
        "pledges.json": pledges,
        "review_cards.json": cards,
        "section_progress.json": progress,
        "documents.json": [context["document"]],
    }


def row_counts(service: Service) -> dict[str, int]:
    with service.database.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--packages", type=int, default=231)
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--attempts", type=int, default=2, help="submitted attempts per member")
    parser.add_argument("--questions", type=int, default=10, help="answered questions per attempt")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = arguments.db or f"sqlite:///{Path(folder) / 'don-vi.sqlite3'}"
        service = Service.open(url, actor=Actor.admin())
        service.results.set_unit_key(PASSPHRASE)
        info = service.documents.import_text(RESOLUTION, "nghi-quyet-sinh-hoat-chi-bo.txt")
        dang_bo = service.members.create_unit("Đảng bộ Khối Đo thời gian", "dang_bo")
        context = {
            "document": {"id": info.id, "content_hash": info.content_hash, "title": info.title},
            "section_id": service.documents.sections(info.id)[0].id,
            "dang_bo": {"id": dang_bo.id, "name": dang_bo.name, "kind": "dang_bo", "parent_id": None,
                        "updated_at": "2025-01-01T00:00:00+00:00"},
        }  # fmt: skip
        key = UnitKey.from_passphrase(PASSPHRASE)
        started = time.perf_counter()
        paths, sums = [], dict.fromkeys(KINDS, 0)
        for index in range(arguments.packages):
            parts = build_package(index, arguments, context)
            path = Path(folder) / f"chi-bo-{index + 1:03d}.nqpkg"
            write_package(path, parts, key, {"package_id": ident(), "exported_at": iso(dt.datetime.now(dt.UTC)),
                                             "source": f"Chi bộ số {index + 1}"})  # fmt: skip
            paths.append(path)
            sums["units"] += 1
            sums["members"] += len(parts["members.json"])
            sums["attempts"] += len(parts["attempts.json"])
            sums["answers"] += sum(len(attempt["items"]) for attempt in parts["attempts.json"])
            sums["pledges"] += len(parts["pledges.json"])
            sums["pledge_versions"] += sum(len(pledge["history"]) for pledge in parts["pledges.json"])
            sums["review_cards"] += len(parts["review_cards.json"])
            sums["review_log"] += sum(len(card["log"]) for card in parts["review_cards.json"])
            sums["section_progress"] += len(parts["section_progress.json"])
        size = sum(path.stat().st_size for path in paths)
        print(f"made {len(paths)} packages ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
        before = row_counts(service)
        started, cpu_started = time.perf_counter(), time.process_time()
        report = service.results.import_packages(paths)
        merged, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        after = row_counts(service)
        driver = service.database.url.drivername  # e.g. postgresql+pg8000: the driver the URL resolved to
        # CPU seconds of this process alone: what the machine's other load cannot stretch (SQLite runs in it).
        print(f"merged {len(paths)} packages in {merged:.1f} s, {cpu:.1f} s CPU of this process ({driver})")
        ok = not report.has_refusals
        for kind in KINDS:
            added = after[kind] - before[kind]
            ok &= added == sums[kind]
            print(f"  {kind:<17} {after[kind]:>9} rows  (+{added}, expected +{sums[kind]})")
        started = time.perf_counter()
        again = service.results.import_packages(paths[:10])
        unchanged = row_counts(service) == after and not again.has_refusals
        print(f"merged 10 of them again in {time.perf_counter() - started:.1f} s; counts unchanged: {unchanged}")
        service.close()
    print("row counts equal the sums" if ok and unchanged else "MISMATCH")
    return 0 if ok and unchanged else 1


if __name__ == "__main__":
    sys.exit(main())
