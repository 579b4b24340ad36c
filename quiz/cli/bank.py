"""Command-line commands of the bank area: facts, questions (no database) and bank export/import/generate."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quiz.cli import CommandContext, SubParsers


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run_facts(context: CommandContext) -> int:
    # The generator is imported only by the commands that use it, so other commands start faster.
    from quiz.facts import extract_facts
    from quiz.importing.pipeline import parse_file

    document = parse_file(Path(context.arguments.file))
    facts = extract_facts(document)
    if context.arguments.json:
        _print_json([fact.to_json() for fact in facts])
    else:
        for fact in facts:
            print(f"{fact.kind:<10} {fact.answer[:70]}")
        print(f"{len(facts)} dữ kiện.")
    return 0


def run_questions(context: CommandContext) -> int:
    from quiz.facts import extract_facts
    from quiz.importing.pipeline import parse_file
    from quiz.questions.generate import generate_questions
    from quiz.questions.linter import lint

    document = parse_file(Path(context.arguments.file))
    questions = generate_questions(document, seed=context.arguments.seed)
    if context.arguments.json:
        _print_json([question.to_json() for question in questions])
        return 0
    facts = extract_facts(document)
    for number, question in enumerate(questions, start=1):
        problems = lint(question, facts, document.text)
        print(f"{number}. [{question.type}] {question.prompt}")
        for index, choice in enumerate(question.choices):
            print(f"   {'*' if index in question.correct else ' '} {choice}")
        if question.answers:
            print(f"   = {' | '.join(question.answers)}")
        for left, right in question.pairs:
            print(f"   {left} → {right}")
        for problem in problems:
            print(f"   ! {problem.rule}: {problem.message}")
    print(f"{len(questions)} câu hỏi.")
    return 0


def run_export(context: CommandContext) -> int:
    count = context.service().bank.export(context.arguments.format, Path(context.arguments.output))
    print(f"Đã xuất {count} câu hỏi ra {context.arguments.output}.")
    return 0


def run_import(context: CommandContext) -> int:
    bank = context.service().bank
    document_id = context.arguments.document or bank.latest_document_id()
    count = bank.import_gift(Path(context.arguments.file), document_id)
    print(f"Đã nhập {count} câu hỏi mới.")
    return 0


def run_generate(context: CommandContext) -> int:
    """Generate the questions of documents: those left without any (an import cut short), one, or every one."""
    service = context.service()
    if context.arguments.document:
        document_ids = [context.arguments.document]
    elif context.arguments.all:
        document_ids = [document.id for document in service.documents.list_documents()]
    else:
        finished = service.documents.finish_incomplete_imports()
        for document in finished:
            print(f"Đã tạo câu hỏi cho văn bản “{document.title}”.")
        print(f"{len(finished)} văn bản được tạo thêm câu hỏi." if finished else "Mọi văn bản đều đã có câu hỏi.")
        return 0
    for document_id in document_ids:
        count = service.bank.generate_for_document(document_id)
        print(f"Văn bản {document_id}: {count} câu hỏi.")
    return 0


def register(commands: SubParsers[argparse.ArgumentParser]) -> None:
    """Add ``facts``, ``questions`` and ``bank export|import|generate``."""
    facts = commands.add_parser("facts", help="liệt kê các dữ kiện trích từ một văn bản (không dùng cơ sở dữ liệu)")
    facts.add_argument("file", help="tệp văn bản")
    facts.add_argument("--json", action="store_true", help="in dạng JSON")
    facts.set_defaults(handler=run_facts)
    questions = commands.add_parser("questions", help="sinh câu hỏi từ một văn bản (không dùng cơ sở dữ liệu)")
    questions.add_argument("file", help="tệp văn bản")
    questions.add_argument("--json", action="store_true", help="in dạng JSON")
    questions.add_argument("--seed", type=int, default=0, help="hạt giống ngẫu nhiên (mặc định 0)")
    questions.set_defaults(handler=run_questions)
    bank = commands.add_parser("bank", help="ngân hàng câu hỏi: xuất/nhập GIFT, Moodle XML")
    actions = bank.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="xuất ngân hàng câu hỏi")
    export.add_argument("--format", choices=["gift", "moodle-xml"], required=True)
    export.add_argument("-o", "--output", required=True, help="tệp kết quả")
    export.set_defaults(handler=run_export)
    imported = actions.add_parser("import", help="nhập câu hỏi từ tệp GIFT")
    imported.add_argument("file", help="tệp .gift")
    imported.add_argument("--document", help="mã văn bản nhận câu hỏi (mặc định: văn bản nhập gần nhất)")
    imported.set_defaults(handler=run_import)
    generate = actions.add_parser("generate", help="tạo câu hỏi cho văn bản chưa có câu hỏi nào (hoặc tạo lại)")
    which = generate.add_mutually_exclusive_group()
    which.add_argument("--document", help="mã văn bản cần tạo lại câu hỏi")
    which.add_argument("--all", action="store_true", help="tạo lại câu hỏi cho mọi văn bản")
    generate.set_defaults(handler=run_generate)
