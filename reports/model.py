"""Plain input data of the reports: what a member's form and a unit report print, independent of the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class FormLayout(StrEnum):
    """One combined form, or the thu hoạch and the cam kết as two documents (settings key ``form_layout``)."""

    COMBINED = "combined"
    SEPARATE = "separate"


@dataclass(frozen=True)
class DocumentHeader:
    """The two-column heading of a Party document: issuing bodies on the left, the dateline on the right."""

    party_committee: str  # "ĐẢNG BỘ …", printed upright
    chi_bo: str  # "CHI BỘ …", printed bold; may be empty for a đảng bộ-wide report
    place: str
    date: dt.date


@dataclass(frozen=True)
class FormLabels:
    """Every fixed wording of the form, so a committee can use its own template."""

    title_combined: str = "BẢN THU HOẠCH VÀ ĐĂNG KÝ CAM KẾT"
    title_reflection: str = "BẢN THU HOẠCH"
    title_commitment: str = "BẢN ĐĂNG KÝ CAM KẾT"
    subtitle_prefix: str = "Học tập, quán triệt"
    commitment_subtitle_prefix: str = "Thực hiện"
    part_results: str = "KẾT QUẢ HỌC TẬP NGHỊ QUYẾT"
    part_reflection: str = "THU HOẠCH"
    part_commitment: str = "ĐĂNG KÝ CAM KẾT THỰC HIỆN NGHỊ QUYẾT"
    sections_heading: str = "Các phần đã học và kết quả theo từng phần"
    attempts_heading: str = "Các lần làm bài kiểm tra"
    no_attempts: str = "Chưa làm bài kiểm tra."
    no_commitments: str = "Chưa đăng ký nội dung cam kết."
    commitment_columns: tuple[str, ...] = (
        "STT",
        "Nội dung việc làm đăng ký",
        "Biện pháp thực hiện",
        "Thời gian hoàn thành",
        "Ghi chú",
    )
    signer_combined: str = "NGƯỜI VIẾT THU HOẠCH VÀ CAM KẾT"
    signer_reflection: str = "NGƯỜI VIẾT THU HOẠCH"
    signer_commitment: str = "NGƯỜI CAM KẾT"
    signer_hint: str = "(Ký, ghi rõ họ tên)"
    chi_bo_combined: str = "NHẬN XÉT, XÁC NHẬN CỦA CHI BỘ"
    chi_bo_reflection: str = "NHẬN XÉT, XẾP LOẠI CỦA CHI BỘ"
    chi_bo_commitment: str = "XÁC NHẬN CỦA CHI BỘ"
    chi_bo_on_behalf: str = "T/M CHI BỘ"
    chi_bo_secretary: str = "BÍ THƯ"


@dataclass(frozen=True)
class IdentityField:
    """One line of the identity block, e.g. ("Họ và tên", "Nguyễn Văn A"); an empty value prints dots."""

    label: str
    value: str


@dataclass(frozen=True)
class SectionResult:
    """One section of the resolution: whether the member studied it and how they answered its questions."""

    title: str
    studied: bool
    correct: int = 0
    answered: int = 0


@dataclass(frozen=True)
class AttemptRow:
    """One quiz attempt: when, the score on ``maximum`` and whether it passed."""

    taken_on: dt.date
    score: float
    maximum: float
    passed: bool


@dataclass(frozen=True)
class ReflectionAnswer:
    question: str
    answer: str


@dataclass(frozen=True)
class CommitmentRow:
    """One row of the commitment table; rows with the same non-empty ``group`` print under one group line."""

    content: str
    measures: str
    deadline: str
    note: str = ""
    group: str = ""


@dataclass(frozen=True)
class FormData:
    """Everything one member's form prints."""

    header: DocumentHeader
    resolution_title: str
    member_name: str
    identity: tuple[IdentityField, ...]
    sections: tuple[SectionResult, ...] = ()
    attempts: tuple[AttemptRow, ...] = ()
    reflections: tuple[ReflectionAnswer, ...] = ()
    commitments: tuple[CommitmentRow, ...] = ()
    layout: FormLayout = FormLayout.COMBINED
    labels: FormLabels = field(default_factory=FormLabels)


@dataclass(frozen=True)
class UnitRow:
    """The counts of one chi bộ (or of the whole unit); ``average_score`` is on ``score_maximum`` or None."""

    name: str
    members: int
    studied: int
    took_quiz: int
    passed: int
    pledged: int
    average_score: float | None = None


@dataclass(frozen=True)
class PendingMember:
    """A member who had not finished by the deadline, and what is still missing."""

    name: str
    chi_bo: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class HardQuestion:
    """A question many members got wrong."""

    text: str
    section: str
    answered: int
    correct: int


@dataclass(frozen=True)
class UnitReportData:
    """Everything the unit summary (PDF and XLSX) prints."""

    header: DocumentHeader
    resolution_title: str
    rows: tuple[UnitRow, ...]
    total: UnitRow
    deadline: dt.date | None = None
    pending: tuple[PendingMember, ...] = ()
    hardest: tuple[HardQuestion, ...] = ()
    score_maximum: float = 10.0
    title: str = "BÁO CÁO KẾT QUẢ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT"
