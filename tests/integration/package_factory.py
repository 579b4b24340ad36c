"""Results packages written straight from rows (members with submitted exams), for merges big enough to take time."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from quiz.packages.container import UnitKey, write_package
from quiz.service import Service

PASSPHRASE = "khoá chung của Đảng bộ Khối Thử nghiệm (gộp nhiều gói)"


def _ident() -> str:
    return str(uuid.uuid4())


def write_exam_packages(
    service: Service, document_id: str, folder: Path, count: int, members: int, questions: int
) -> list[Path]:
    """``count`` packages, each a new chi bộ of ``members`` members with two submitted exams of ``questions``.

    Sets the unit key of ``service`` (admin) to the one the packages are signed with.
    """
    service.results.set_unit_key(PASSPHRASE)
    key = UnitKey.from_passphrase(PASSPHRASE)
    document = service.documents.get(document_id)
    section_id = service.documents.sections(document_id)[0].id
    when = dt.datetime(2025, 11, 1, 8, tzinfo=dt.UTC).isoformat()
    dang_bo = {"id": _ident(), "name": "Đảng bộ Khối Gộp Thử", "kind": "dang_bo", "parent_id": None, "updated_at": when}
    paths = []
    for index in range(count):
        chi_bo_id, name = _ident(), f"Chi bộ số {index + 1}"
        chi_bo = {"id": chi_bo_id, "name": name, "kind": "chi_bo", "parent_id": dang_bo["id"], "updated_at": when}
        people = [_member(chi_bo_id, f"Đảng viên {index}-{number}", when) for number in range(members)]
        attempts = [
            _attempt(person["id"], document_id, section_id, sitting, questions, when)
            for person in people
            for sitting in range(2)
        ]
        parts: dict[str, list[Any]] = {
            "units.json": [dang_bo, chi_bo],
            "members.json": people,
            "attempts.json": attempts,
            "pledges.json": [],
            "review_cards.json": [],
            "section_progress.json": [],
            "documents.json": [{"id": document_id, "content_hash": document.content_hash, "title": document.title}],
        }
        path = folder / f"chi-bo-{index + 1:03d}.nqpkg"
        metadata = {"package_id": _ident(), "exported_at": when, "source": name}
        write_package(path, parts, key, metadata)
        paths.append(path)
    return paths


def _member(chi_bo_id: str, name: str, when: str) -> dict[str, Any]:
    return {
        "id": _ident(),
        "full_name": name,
        "birth_date": None,
        "party_position": "Đảng viên",
        "job_position": "",
        "workplace": "",
        "chi_bo_id": chi_bo_id,
        "joined_party_on": None,
        "card_number": "",
        "created_at": when,
        "updated_at": when,
    }


def _attempt(member_id: str, document_id: str, section_id: str, seed: int, questions: int, when: str) -> dict[str, Any]:
    items = [
        {
            "id": _ident(),
            "position": position,
            "question_id": f"cau-{position}",
            "question_type": "single",
            "section_id": section_id,
            "fact_key": f"y-{position}",
            "fact_kind": "number",
            "option_order": [0, 1, 2, 3],
            "flagged": False,
            "answer": {
                "id": _ident(),
                "response": {"choice": position % 4},
                "is_correct": position % 4 == 0,
                "credit": 1.0 if position % 4 == 0 else 0.0,
                "answered_at": when,
                "time_spent_seconds": 9.5,
                "changed_count": 0,
            },
        }
        for position in range(questions)
    ]
    correct = sum(position % 4 == 0 for position in range(questions))
    return {
        "id": _ident(),
        "member_id": member_id,
        "document_id": document_id,
        "mode": "exam",
        "section_id": None,
        "seed": seed,
        "started_at": when,
        "deadline_at": None,
        "submitted_at": when,
        "auto_submitted": False,
        "correct_count": correct,
        "question_count": questions,
        "score": float(correct),
        "score_percent": 100.0 * correct / questions,
        "passed": correct * 2 >= questions,
        "updated_at": when,
        "items": items,
    }
