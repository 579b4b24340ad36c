"""Rows merged through the bulk path (driver tuples on SQLite, COPY on PostgreSQL) read back exactly."""

from __future__ import annotations

import gc
from pathlib import Path

from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.service import Service
from tests.unit.quiz.packages.helpers import import_resolution, open_pc, setup_unit

AWKWARD = ("tab\there", "line\nbreak\r\nwindows", "back\\slash \\N \\t", "", '"quoted", comma', "NULL", "Đảng 😀")


def test_awkward_texts_and_empty_values_survive_the_bulk_insert(service: Service, tmp_path: Path) -> None:
    unit = setup_unit(service)
    pc = open_pc(tmp_path, "khac")
    import_resolution(pc)
    setup = tmp_path / "setup.nqpkg"
    service.results.export(setup)
    pc.results.import_packages([setup])
    member = unit.member_ids[0]
    questions = pc.pledges.reflection_questions()
    reflections = [ReflectionAnswer(question, AWKWARD[index % 7]) for index, question in enumerate(questions)]
    # Empty texts go in the optional columns (a commitment without content is dropped when saved).
    commitments = [Commitment(f"Việc {index}: {text}", text, text, note=text) for index, text in enumerate(AWKWARD)]
    pc.pledges.save_draft(member, unit.document_id, reflections, commitments)
    package = tmp_path / "ket-qua.nqpkg"
    pc.results.export(package)

    report = service.results.import_packages([package])
    assert report.counts["pledges"].added == 1
    merged, original = service.pledges.get(member, unit.document_id), pc.pledges.get(member, unit.document_id)
    assert merged.commitments == original.commitments and merged.reflections == original.reflections
    assert [commitment.note for commitment in merged.commitments] == list(AWKWARD)


def test_a_merge_gives_back_the_page_cache_and_the_garbage_collector(service: Service, tmp_path: Path) -> None:
    unit = setup_unit(service)
    package = tmp_path / "p.nqpkg"
    service.results.export(package)
    cache_before = _cache_size(service)
    assert gc.isenabled()
    report = service.results.import_packages([package, tmp_path / "khong-co.nqpkg"])
    assert report.packages[0].refused is None and report.packages[1].refused is not None
    assert gc.isenabled() and _cache_size(service) == cache_before
    assert service.members.get_member(unit.member_ids[0]).full_name


def _cache_size(service: Service) -> int | None:
    if not service.database.is_sqlite:
        return None
    with service.database.engine.connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
