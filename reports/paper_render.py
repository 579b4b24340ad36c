"""What the GUI and the CLI call for paper quizzes: create the attempts, print them, print blank forms."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.api.paper import PaperSheet
from quiz.errors import UserError
from reports.render import PDF, require_suffix, write_file

if TYPE_CHECKING:
    from quiz.service import Service
    from reports.paper_quiz import Progress


def chi_bo_member_ids(service: Service, chi_bo: str) -> list[str]:
    """The members of the chi bộ named ``chi_bo`` (without diacritics is fine), in the list's name order."""
    from reports.collect import find_chi_bo

    members = service.members.list_members(find_chi_bo(service, chi_bo).id)
    if not members:
        raise UserError("Chi bộ chưa có đảng viên nào để in bài kiểm tra.")
    return [member.id for member in members]


def render_paper_quiz(
    service: Service,
    member_ids: Sequence[str],
    path: Path,
    document_id: str | None = None,
    question_count: int | None = None,
    choice_only: bool = True,
    progress: Progress | None = None,
    blank_copies: int = 0,
) -> list[PaperSheet]:
    """One paper attempt per member (the draw frozen in the database), then ``blank_copies`` papers without a
    name, printed into one PDF file."""
    from reports.collect import current_document_id
    from reports.paper_quiz import build_paper_quiz

    require_suffix(path, (PDF,))
    document = current_document_id(service, document_id)
    sheets = service.paper.create_papers(document, member_ids, question_count, choice_only, blank_copies)
    write_file(path, build_paper_quiz(sheets, progress))
    return sheets


def render_paper_reprint(service: Service, codes: Sequence[str], path: Path) -> list[PaperSheet]:
    """Print papers again from the database: the same questions and options in the same order."""
    from reports.paper_quiz import build_paper_quiz

    require_suffix(path, (PDF,))
    sheets = [service.paper.sheet(code) for code in codes]
    write_file(path, build_paper_quiz(sheets))
    return sheets


def render_blank_forms(service: Service, member_ids: Sequence[str], path: Path, document_id: str | None = None) -> Path:
    """The bản thu hoạch và cam kết to fill in by hand, one per member, with their results printed."""
    from reports.collect import collect_form, current_document_id
    from reports.paper_form import build_blank_forms

    require_suffix(path, (PDF,))
    if not member_ids:
        raise UserError("Hãy chọn ít nhất một đảng viên để in bản thu hoạch trên giấy.")
    document = current_document_id(service, document_id)
    return write_file(path, build_blank_forms([collect_form(service, member, document) for member in member_ids]))
