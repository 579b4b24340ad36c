"""Command-line commands of the reports area: ``report member|unit|forms|paper-quiz|paper-form``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.cli import CommandContext, SubParsers
from quiz.errors import NotFound, UserError


def register(commands: SubParsers[argparse.ArgumentParser]) -> None:
    """Add ``report`` with its sub-commands (reportlab is imported only when one runs)."""
    report = commands.add_parser("report", help="in bản thu hoạch, cam kết và báo cáo (PDF, XLSX)")
    kinds = report.add_subparsers(dest="report_kind", metavar="LOẠI", required=True)
    member = kinds.add_parser("member", help="bản thu hoạch và cam kết của một đảng viên (PDF)")
    member.add_argument("--member", required=True, metavar="ID", help="mã hoặc họ tên của đảng viên")
    member.set_defaults(handler=report_member)
    unit = kinds.add_parser("unit", help="báo cáo tổng hợp của đơn vị (PDF hoặc XLSX)")
    unit.add_argument("--chi-bo", metavar="TÊN", help="chỉ một chi bộ (mặc định: toàn đơn vị)")
    unit.set_defaults(handler=report_unit)
    forms = kinds.add_parser("forms", help="bản thu hoạch và cam kết của mọi đảng viên một chi bộ (một tệp PDF)")
    forms.add_argument("--chi-bo", required=True, metavar="TÊN", help="tên chi bộ (không cần dấu)")
    forms.set_defaults(handler=report_forms)
    paper = kinds.add_parser("paper-quiz", help="bài kiểm tra trên giấy cho mọi đảng viên một chi bộ (PDF)")
    paper.add_argument("--chi-bo", required=True, metavar="TÊN", help="tên chi bộ (không cần dấu)")
    paper.add_argument("--questions", type=int, metavar="N", help="số câu hỏi (mặc định: theo cài đặt bài kiểm tra)")
    paper.add_argument("--with-typed", action="store_true", help="có cả câu điền (cần người đọc khi nhập điểm)")
    paper.add_argument("--blank", type=int, default=0, metavar="N", help="thêm N bản để trống tên")
    paper.set_defaults(handler=report_paper_quiz)
    paper_form = kinds.add_parser("paper-form", help="bản thu hoạch và cam kết để viết tay, cả chi bộ (PDF)")
    paper_form.add_argument("--chi-bo", required=True, metavar="TÊN", help="tên chi bộ (không cần dấu)")
    paper_form.set_defaults(handler=report_paper_form)
    for parser in (member, unit, forms, paper, paper_form):
        parser.add_argument("-o", "--output", required=True, metavar="TỆP", type=Path, help="tệp kết quả")
        parser.add_argument("--document", metavar="ID", help="văn bản (mặc định: văn bản nhập gần nhất)")


def member_id_of(context: CommandContext, given: str) -> str:
    """Accept the member's id, or a name matching exactly one member (without diacritics)."""
    service = context.service()
    try:
        return service.members.get_member(given).id
    except NotFound:
        pass
    found = service.members.search(given, limit=2)
    if len(found) == 1:
        return found[0].id
    if found:
        raise UserError(f"Có nhiều đảng viên khớp với “{given}”; hãy dùng mã đảng viên (lệnh members).")
    raise UserError(f"Không tìm thấy đảng viên “{given}”.")


def report_member(context: CommandContext) -> int:
    from reports.render import render_member_form

    arguments = context.arguments
    member_id = member_id_of(context, arguments.member)
    path = render_member_form(context.service(), member_id, arguments.output, arguments.document)
    print(f"Đã ghi bản thu hoạch và cam kết: {path}")
    return 0


def report_unit(context: CommandContext) -> int:
    from reports.render import render_unit_report

    arguments = context.arguments
    path = render_unit_report(context.service(), arguments.output, arguments.chi_bo, arguments.document)
    print(f"Đã ghi báo cáo tổng hợp: {path}")
    return 0


def report_forms(context: CommandContext) -> int:
    from reports.render import render_chi_bo_forms

    arguments = context.arguments

    interactive = sys.stderr.isatty()

    def show(done: int, total: int) -> None:
        if interactive:  # a progress counter only on a terminal, not in redirected logs
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    path = render_chi_bo_forms(context.service(), arguments.chi_bo, arguments.output, show, None, arguments.document)
    if interactive:
        print(file=sys.stderr)
    print(f"Đã ghi bản thu hoạch và cam kết của chi bộ: {path}")
    return 0


def report_paper_quiz(context: CommandContext) -> int:
    """Print the papers and one line per paper, ``CODE<TAB>member name``, for the secretary's list."""
    from quiz.api.paper_codes import display_code
    from reports.paper_render import chi_bo_member_ids, render_paper_quiz

    arguments, service = context.arguments, context.service()
    members = chi_bo_member_ids(service, arguments.chi_bo)
    sheets = render_paper_quiz(
        service,
        members,
        arguments.output,
        arguments.document,
        arguments.questions,
        not arguments.with_typed,
        blank_copies=arguments.blank,
    )
    for sheet in sheets:
        print(f"{display_code(sheet.code)}\t{sheet.member_name or '(để trống)'}")
    print(f"Đã ghi {len(sheets)} bài kiểm tra trên giấy: {arguments.output}", file=sys.stderr)
    return 0


def report_paper_form(context: CommandContext) -> int:
    from reports.paper_render import chi_bo_member_ids, render_blank_forms

    arguments, service = context.arguments, context.service()
    members = chi_bo_member_ids(service, arguments.chi_bo)
    path = render_blank_forms(service, members, arguments.output, arguments.document)
    print(f"Đã ghi bản thu hoạch và cam kết để viết tay: {path}")
    return 0
