"""Command-line commands of the results area: the unit key, .nqpkg packages, and entering paper quizzes."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from quiz.api.packages import KIND_NAMES, MemberMatch
from quiz.cli import CommandContext, SubParsers
from quiz.errors import UserError
from quiz.formatting import format_number, format_percent
from quiz.packages.report import preview_lines, report_lines
from quiz.text import fold, to_nfc


def register(commands: SubParsers[argparse.ArgumentParser]) -> None:
    """Add ``results key|export|preview|import|enter``."""
    parser = commands.add_parser("results", help="gói kết quả .nqpkg giữa các máy: đặt khoá, xuất, xem, gộp")
    actions = parser.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    key = actions.add_parser("key", help="đặt khoá chung của đơn vị (giống nhau trên mọi máy của đơn vị)")
    key.add_argument("passphrase", nargs="?", help="khoá; bỏ trống để nhập mà không hiện trên màn hình")
    key.set_defaults(handler=run_key)
    export = actions.add_parser("export", help="xuất kết quả của một chi bộ hoặc tất cả ra tệp .nqpkg")
    export.add_argument("--chi-bo", metavar="NAME", help="tên chi bộ (mặc định: tất cả đảng viên trên máy)")
    export.add_argument("--include-document", action="store_true", help="kèm toàn văn văn bản (cho máy chưa có)")
    export.add_argument("-o", "--output", required=True, metavar="FILE.nqpkg", help="tệp gói kết quả")
    export.set_defaults(handler=run_export)
    preview = actions.add_parser("preview", help="xem trong gói có ai, có gì, ai cần xác nhận trùng")
    preview.add_argument("file", metavar="FILE.nqpkg")
    preview.set_defaults(handler=run_preview)
    merge = actions.add_parser("import", help="gộp các gói kết quả vào máy này (in báo cáo gộp)")
    merge.add_argument("files", nargs="+", metavar="FILE.nqpkg")
    merge.add_argument(
        "--match", action="append", default=[], metavar="INCOMING:LOCAL", help="xác nhận hai mã là cùng một đảng viên"
    )
    merge.add_argument("--match-all", action="store_true", help="xác nhận mọi cặp trùng họ tên và ngày sinh")
    merge.set_defaults(handler=run_import)
    enter = actions.add_parser("enter", help="nhập câu trả lời của một bài kiểm tra trên giấy và chấm điểm")
    enter.add_argument("--attempt", required=True, metavar="MÃ", help="mã bài làm in trên bài (ví dụ K7M-3PX)")
    enter.add_argument(
        "--answers", required=True, metavar="ĐÁP_ÁN", help='mỗi câu một mục: A–D, Đ/S, "câu điền", - nếu bỏ trống'
    )
    enter.add_argument("--member", metavar="HỌ_TÊN", help="đảng viên đã làm bài (chỉ cho bài in để trống tên)")
    enter.add_argument(
        "--accept", type=int, action="append", default=[], metavar="SỐ_CÂU", help="câu điền được chấm là đúng"
    )
    enter.add_argument(
        "--reject", type=int, action="append", default=[], metavar="SỐ_CÂU", help="câu điền được chấm là sai"
    )
    enter.set_defaults(handler=run_enter)


def run_key(context: CommandContext) -> int:
    passphrase = context.arguments.passphrase
    if passphrase is None:
        passphrase = getpass.getpass("Khoá đơn vị: ")
    key_id = context.service().results.set_unit_key(passphrase)
    print(f"Đã đặt khoá đơn vị (dấu nhận dạng {key_id}; các máy cùng đơn vị phải có cùng dấu này).")
    return 0


def run_export(context: CommandContext) -> int:
    service = context.service()
    chi_bo_id = None
    if context.arguments.chi_bo:
        wanted = fold(" ".join(to_nfc(context.arguments.chi_bo).split()))
        found = [unit for unit in service.members.list_units() if unit.kind == "chi_bo" and fold(unit.name) == wanted]
        if len(found) != 1:
            raise UserError(f"Không tìm thấy đúng một chi bộ tên «{context.arguments.chi_bo}».")
        chi_bo_id = found[0].id
    output = Path(context.arguments.output)
    summary = service.results.export(output, chi_bo_id, context.arguments.include_document)
    print(f"Đã xuất gói kết quả {output} ({summary.source}):")
    for kind, name in KIND_NAMES.items():
        if summary.counts.get(kind):
            print(f"- {name}: {format_number(summary.counts[kind])}")
    if summary.documents_included:
        print(f"- Kèm toàn văn {summary.documents_included} văn bản")
    return 0


def run_preview(context: CommandContext) -> int:
    for line in preview_lines(context.service().results.preview(Path(context.arguments.file))):
        print(line)
    return 0


def run_import(context: CommandContext) -> int:
    """Exit 0 when every package merged, 3 when any package was refused (the others are still merged)."""
    pairs = set()
    for text in context.arguments.match:
        incoming, separator, local = text.partition(":")
        if not separator or not incoming or not local:
            raise UserError(f"Cặp xác nhận «{text}» phải có dạng MÃ_TRONG_GÓI:MÃ_TRÊN_MÁY.")
        pairs.add((incoming.strip(), local.strip()))
    match_all = bool(context.arguments.match_all)

    def confirm(match: MemberMatch) -> bool:
        return match_all or (match.incoming_id, match.local_id) in pairs

    paths = [Path(name) for name in context.arguments.files]
    report = context.service().results.import_packages(paths, confirm_matches=confirm)
    for line in report_lines(report):
        print(line)
    return 3 if report.has_refusals else 0


def run_enter(context: CommandContext) -> int:
    """Score one paper: the tokens in paper order, typed answers decided by --accept/--reject or as on screen."""
    from quiz.api.paper_entry import responses_for

    arguments, service = context.arguments, context.service()
    sheet = service.paper.sheet(arguments.attempt)
    if sheet.submitted_at is not None:
        raise UserError(f"Bài trên giấy của {sheet.member_name} đã được nhập điểm rồi.")
    member_id = None
    if sheet.is_blank:
        if not arguments.member:
            raise UserError("Bài này in để trống tên; hãy cho biết đảng viên đã làm bài bằng --member.")
        found = service.members.search(arguments.member, limit=2)
        if len(found) != 1:
            raise UserError(f"Không tìm thấy đúng một đảng viên “{arguments.member}”; hãy ghi họ tên đầy đủ hơn.")
        member_id = found[0].id
    responses = responses_for(sheet.questions, to_nfc(arguments.answers))
    decisions = {number - 1: True for number in arguments.accept} | {number - 1: False for number in arguments.reject}
    result = service.paper.enter_results(sheet.paper_id, responses, decisions, member_id)
    sheet = service.paper.sheet(sheet.paper_id)
    verdict = "đạt" if result.passed else "chưa đạt"
    print(
        f"{sheet.member_name}: {result.correct_count}/{result.question_count} câu đúng, "
        f"điểm {format_number(result.score_percent / 10, 2)}/10 ({format_percent(result.score_percent)}), {verdict}."
    )
    return 0
