"""Command-line commands of the engine area: the members overview (and, from the study half, demo/progress)."""

from __future__ import annotations

import argparse
import json

from quiz.cli import CommandContext, SubParsers
from quiz.errors import UserError
from quiz.formatting import format_number, format_percent

# The JSON keeps the stable codes; people reading the table get words.
PLEDGE_STATE_NAMES = {"finalised": "đã cam kết", "draft": "bản nháp", "none": "chưa viết"}


def register(commands: SubParsers[argparse.ArgumentParser]) -> None:
    """Add this area's sub-commands."""
    register_members(commands)
    register_demo(commands)
    register_progress(commands)


def register_members(commands: SubParsers[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("members", help="danh sách đảng viên với số lần kiểm tra, điểm cao nhất, cam kết")
    parser.add_argument("--json", action="store_true", help="in dạng JSON")
    parser.set_defaults(handler=show_members)


def show_members(context: CommandContext) -> int:
    """``members [--json]``: every member with unit, chi bộ, submitted exams, best score and pledge state."""
    rows = context.service().members.overview()
    if context.arguments.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Chưa có đảng viên nào.")
        return 0
    for row in rows:
        best = format_percent(row.best_score) if row.best_score is not None else "—"
        pledge = PLEDGE_STATE_NAMES.get(row.pledge_state, row.pledge_state)
        print(f"{row.name}\t{row.chi_bo}\t{row.attempts} lần\t{best}\t{pledge}")
    return 0


def register_demo(commands: SubParsers[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("demo", help="tạo đơn vị minh hoạ: 1 đảng bộ, 3 chi bộ, đảng viên, bài làm, cam kết")
    parser.add_argument("--seed", type=int, default=2025, help="hạt ngẫu nhiên (cùng hạt cho cùng dữ liệu)")
    parser.add_argument("--per-chi-bo", type=int, default=12, help="số đảng viên mỗi chi bộ (mặc định 12)")
    parser.set_defaults(handler=run_demo)


def run_demo(context: CommandContext) -> int:
    """``demo``: fill the database with the demo unit (through the facade, so the data is consistent)."""
    from quiz.cli.demo import FALLBACK_ORIGIN, build_demo

    if not 1 <= context.arguments.per_chi_bo <= 500:
        raise UserError("Số đảng viên mỗi chi bộ phải từ 1 đến 500.")
    summary = build_demo(context.service(), context.arguments.seed, context.arguments.per_chi_bo)
    if summary.fallback_questions:
        print(
            f"Lưu ý: ngân hàng câu hỏi đang trống nên đã tạo {summary.fallback_questions} câu hỏi minh hoạ "
            f"(nguồn '{FALLBACK_ORIGIN}') từ các câu có số liệu của văn bản."
        )
    print(f"Đã tạo dữ liệu minh hoạ cho văn bản: {summary.document_title}")
    print(f"- {summary.chi_bo} chi bộ, {format_number(summary.members)} đảng viên")
    print(f"- {format_number(summary.submitted_attempts)} bài đã nộp, {summary.open_attempts} bài đang làm dở")
    print(f"- {format_number(summary.review_cards)} thẻ ôn tập")
    print(f"- {summary.pledges_finalised} bản cam kết đã hoàn thành, {summary.pledges_draft} bản nháp")
    return 0


def register_progress(commands: SubParsers[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("progress", help="tiến độ học tập theo chi bộ: đã học, đạt, đã cam kết")
    parser.add_argument("--document", metavar="ID", help="mã văn bản (mặc định: văn bản nhập gần nhất)")
    parser.add_argument("--json", action="store_true", help="in dạng JSON")
    parser.set_defaults(handler=show_progress)


def show_progress(context: CommandContext) -> int:
    """``progress [--json]``: per chi bộ and in total: members, studied, took the quiz, passed, pledged."""
    progress = context.service().unit.unit_progress(context.arguments.document)
    if context.arguments.json:
        print(json.dumps(progress.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(progress.document_title)
    for row in (*progress.chi_bo, progress.total):
        print(
            f"{row.name}: {format_number(row.members)} đảng viên; đã học {row.ratio(row.studied)}; "
            f"đã kiểm tra {row.ratio(row.took_quiz)}; đạt {row.ratio(row.passed)}; "
            f"đã cam kết {row.ratio(row.pledged)}"
        )
    return 0
