"""Test helpers for results packages: PCs with a unit key, a resolution we wrote, quizzes taken, table checksums."""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text

from quiz.api.members import MemberDraft
from quiz.api.pledges import Commitment, ReflectionAnswer
from quiz.service import Service
from quiz.services.context import Actor
from quiz.storage.base import Base
from quiz.storage.models.study import is_search_index_table
from tests.unit.quiz.engine.factories import right_response, wrong_response

PASSPHRASE = "khoá chung của Đảng bộ Khối Thử nghiệm"
# A short resolution written for these tests (not the seed document).
RESOLUTION = """NGHỊ QUYẾT
về phát triển kinh tế số của tỉnh Hoà Bình Xanh giai đoạn 2025 - 2030

I. MỤC TIÊU
1. Mục tiêu tổng quát
Đến năm 2030, kinh tế số chiếm 30 % GRDP của tỉnh. Toàn tỉnh có 12.500 doanh nghiệp công nghệ số.
2. Mục tiêu cụ thể
Phấn đấu 95 % hồ sơ thủ tục hành chính được xử lý trực tuyến. Đào tạo 4.000 cán bộ về chuyển đổi số.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Hoàn thiện thể chế
Ban hành 15 cơ chế, chính sách thúc đẩy kinh tế số. Xây dựng trung tâm dữ liệu của tỉnh trước năm 2027.
2. Phát triển hạ tầng
Phủ sóng 5G tới 100 % xã, phường, thị trấn. Đầu tư 2.300 tỷ đồng cho hạ tầng số.
"""


@dataclass(frozen=True)
class UnitSetup:
    document_id: str
    dang_bo_id: str
    chi_bo_ids: tuple[str, str]
    member_ids: tuple[str, ...]


def open_pc(folder: Path, name: str, with_key: bool = True) -> Service:
    """Another office PC: its own SQLite file, the admin signed in, the unit key set."""
    pc = Service.open(f"sqlite:///{(folder / f'{name}.sqlite3').as_posix()}", actor=Actor.admin())
    if with_key:
        pc.results.set_unit_key(PASSPHRASE)
    return pc


def import_resolution(service: Service) -> str:
    return service.documents.import_text(RESOLUTION, "nghi-quyet-kinh-te-so.txt").id


def setup_unit(service: Service, members_per_chi_bo: int = 2) -> UnitSetup:
    """The secretary's PC: the key, the resolution, a đảng bộ with two chi bộ and their members."""
    service.results.set_unit_key(PASSPHRASE)
    document_id = import_resolution(service)
    dang_bo = service.members.create_unit("Đảng bộ Khối Thử nghiệm", "dang_bo").id
    chi_bo = tuple(service.members.create_unit(name, "chi_bo", dang_bo).id for name in ("Chi bộ Một", "Chi bộ Hai"))
    member_ids = []
    for index, chi_bo_id in enumerate(chi_bo):
        for number in range(members_per_chi_bo):
            draft = MemberDraft(
                full_name=f"Trần Thị {chr(ord('A') + index * members_per_chi_bo + number)}",
                chi_bo_id=chi_bo_id,
                birth_date=dt.date(1980 + number, 1 + index, 15),
            )
            member_ids.append(service.members.add_member(draft).id)
    return UnitSetup(document_id, dang_bo, (chi_bo[0], chi_bo[1]), tuple(member_ids))


def take_exam(service: Service, member_id: str, document_id: str, right: int) -> str:
    """Start an exam, answer the first ``right`` questions right and the rest wrong, and submit."""
    view = service.quizzes.start_attempt(member_id, document_id, "exam", question_count=6)
    for position in range(view.question_count):
        make = right_response if position < right else wrong_response
        service.quizzes.answer(view.id, position, make(service, view.id, position))
    service.quizzes.submit(view.id)
    return view.id


def write_pledge(service: Service, member_id: str, document_id: str, work: str, finalise: bool = False) -> None:
    questions = service.pledges.reflection_questions()
    reflections = [ReflectionAnswer(question, f"Trả lời: {work}") for question in questions]
    service.pledges.save_draft(member_id, document_id, reflections, [Commitment(work, "Hằng tháng", "Quý IV/2025")])
    if finalise:
        service.pledges.finalise(member_id, document_id)


def study_first_section(service: Service, member_id: str, document_id: str) -> None:
    section_id = service.documents.sections(document_id)[0].id
    service.progress.open_section(member_id, section_id)
    service.progress.add_reading_time(member_id, section_id, 95)
    service.progress.mark_studied(member_id, section_id)


def _tables() -> list[str]:
    return [table.name for table in Base.metadata.sorted_tables if not is_search_index_table(table.name)]


def row_counts(service: Service) -> dict[str, int]:
    with service.database.engine.connect() as connection:
        return {
            name: connection.execute(select(func.count()).select_from(Base.metadata.tables[name])).scalar_one()
            for name in _tables()
        }


def table_state(service: Service) -> dict[str, tuple[int, str]]:
    """Per table: the row count and a SHA-256 of every row (ordered by primary key) — any change shows."""
    state: dict[str, tuple[int, str]] = {}
    with service.database.engine.connect() as connection:
        for name in _tables():
            table = Base.metadata.tables[name]
            rows = connection.execute(select(table).order_by(*table.primary_key.columns)).all()
            digest = hashlib.sha256(repr([tuple(row) for row in rows]).encode("utf-8")).hexdigest()
            state[name] = (len(rows), digest)
        # The FTS index (SQLite only) is kept by triggers; its size shows a document added then rolled back.
        if service.database.is_sqlite:
            state["sentences_fts"] = (connection.execute(text("SELECT count(*) FROM sentences_fts")).scalar_one(), "")
    return state


def write_zip_bomb(path: Path, name: str, size: int, declared_size: int | None = None) -> None:
    """A zip whose one entry inflates to ``size`` zero bytes, made in a few MB and well under a second.

    After a full flush deflate forgets its history, so every 1 MB block of zeros compresses to the same bytes:
    the stream is one block repeated. ``declared_size`` lets the header lie about the inflated size.
    """
    block_size = 1024 * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(block_size)) + compressor.flush(zlib.Z_FULL_FLUSH)
    ending = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    stream_length = len(block) * (size // block_size) + len(ending)
    declared = size if declared_size is None else declared_size
    encoded = name.encode()
    # Version 20, no flags, deflate, no time, CRC left 0 (it is never reached: the reader stops at its cap).
    common = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, 0, stream_length, declared)
    with path.open("wb") as output:
        output.write(b"PK\x03\x04" + common + struct.pack("<HH", len(encoded), 0) + encoded)
        for _ in range(size // block_size):
            output.write(block)
        output.write(ending)
        directory_offset = output.tell()
        central = b"PK\x01\x02" + struct.pack("<H", 20) + common
        central += struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, 0) + encoded
        output.write(central)
        output.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), directory_offset, 0))
