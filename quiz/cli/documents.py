"""Command-line commands of the documents area: import a file, list documents, preview a file's sections."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quiz.cli import CommandContext, SubParsers
from quiz.importing.pipeline import parse_file


def register(commands: SubParsers[argparse.ArgumentParser]) -> None:
    """Add ``import``, ``documents`` and ``sections``."""
    importing = commands.add_parser("import", help="nhập một văn bản (.txt, .docx, .pdf) vào cơ sở dữ liệu")
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.set_defaults(handler=import_command)

    listing = commands.add_parser("documents", help="liệt kê các văn bản đã nhập")
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.set_defaults(handler=documents_command)

    preview = commands.add_parser("sections", help="tách mục một tệp (không ghi vào cơ sở dữ liệu)")
    preview.add_argument("file", type=Path, metavar="FILE")
    preview.add_argument("--json", action="store_true", help="in dạng JSON")
    preview.set_defaults(handler=sections_command)


def import_command(context: CommandContext) -> int:
    # Parse before opening the database, so a bad file never creates or touches one.
    parsed = parse_file(context.arguments.file)
    document = context.service().documents.import_parsed(parsed)
    write_line(f"Đã nhập “{document.title}”: {document.section_count} mục.")
    return 0


def documents_command(context: CommandContext) -> int:
    documents = context.service().documents.list_documents()
    if context.arguments.json:
        rows: list[dict[str, Any]] = [
            {
                "id": document.id,
                "title": document.title,
                "source_name": document.source_name,
                "imported_at": document.imported_at.isoformat(),
                "content_hash": document.content_hash,
                "section_count": document.section_count,
            }
            for document in documents
        ]
        write_line(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not documents:
        write_line("Chưa có văn bản nào.")
    for document in documents:
        write_line(f"{document.title} ({document.section_count} mục, tệp {document.source_name})")
    return 0


def sections_command(context: CommandContext) -> int:
    parsed = parse_file(context.arguments.file)
    if context.arguments.json:
        rows = [{"title": section.title, "level": section.level, "text": section.text} for section in parsed.sections]
        write_line(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    write_line(parsed.title)
    for section in parsed.sections:
        write_line(f"{'  ' * section.level}{section.title} ({len(section.sentences)} câu)")
    return 0


def write_line(text: str) -> None:
    """Print Vietnamese text even to a console whose code page cannot show it (Windows cp1252 pipes)."""
    try:
        print(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write((text + "\n").encode("utf-8"))
        sys.stdout.flush()
