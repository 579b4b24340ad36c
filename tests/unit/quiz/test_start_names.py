"""The start screen's names read by sqlite3 alone: the same summaries, in the same order, as the facade's search."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quiz.api.members import MemberDraft
from quiz.service import Service
from quiz.services.context import Actor
from quiz.start_names import start_names
from tests.conftest import REPOSITORY

NAMES = ("Nguyễn Văn Ánh", "Trần Thị Anh", "Lê Bình", "Phạm Văn An", "Đỗ Thị Hồng Nhung", "Hoàng 50%_Đặc\\Biệt")


def _filled(tmp_path: Path) -> str:
    url = f"sqlite:///{(tmp_path / 'ten.sqlite3').as_posix()}"
    service = Service.open(url, actor=Actor.admin())
    chi_bo = service.members.create_unit("Chi bộ Thôn Đông", "chi_bo").id
    for index, name in enumerate(NAMES):
        service.members.add_member(MemberDraft(full_name=name, chi_bo_id=chi_bo if index % 2 else None))
    # A PIN and a name still waiting for the secretary: the start screen shows both before the facade is open.
    service.members.add_member(MemberDraft(full_name="Vũ Văn Khóa", chi_bo_id=chi_bo, pin="246810"))
    service.close()
    guest = Service.open(url)
    guest.members.add_member(MemberDraft(full_name="Vũ Văn Chờ", chi_bo_id=None))
    guest.close()
    return url


def test_names_equal_the_facades_search_for_any_query(tmp_path: Path) -> None:
    url = _filled(tmp_path)
    service = Service.open(url, actor=Actor.admin())
    try:
        for query in ("", "van", "THI", "anh", "50%_", "dac\\b", "cho", "không có ai"):
            found = start_names(url, query)
            assert found == service.members.search(query), query
        everyone = start_names(url) or []
        assert any(summary.has_pin for summary in everyone) and any(summary.pending for summary in everyone)
    finally:
        service.close()


def test_no_names_without_a_readable_sqlite_file(tmp_path: Path) -> None:
    assert start_names(f"sqlite:///{(tmp_path / 'chua-co.sqlite3').as_posix()}") is None
    assert not (tmp_path / "chua-co.sqlite3").exists()  # never creates the file
    (tmp_path / "hong.sqlite3").write_bytes(b"not a database at all" * 100)
    assert start_names(f"sqlite:///{(tmp_path / 'hong.sqlite3').as_posix()}") is None
    assert start_names("postgresql://nguoidung@maychu/hoctap") is None


def test_reading_names_never_imports_sqlalchemy(tmp_path: Path) -> None:
    url = _filled(tmp_path)
    probe = "import sys; from quiz.start_names import start_names; n = start_names(sys.argv[1]); "
    probe += "print(len(n), 'sqlalchemy' in sys.modules)"
    command = [sys.executable, "-c", probe, url]
    done = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(len(NAMES) + 2), "False"]
