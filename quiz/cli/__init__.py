"""Command-line interface: each command module registers sub-commands; ``run`` dispatches and reports errors.

The parser speaks Vietnamese (here, not in a sub-module: opening the window must load no ``quiz.cli.*`` module).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from quiz.errors import UserError

if TYPE_CHECKING:
    from quiz.service import Service

logger = logging.getLogger(__name__)


class CommandContext:
    """Handed to every command handler: the parsed arguments and a lazily opened facade (as admin)."""

    def __init__(self, arguments: argparse.Namespace) -> None:
        self.arguments = arguments
        self._service: Service | None = None

    def service(self) -> Service:
        if self._service is None:
            from quiz.service import Service
            from quiz.services.context import Actor

            # The command line is the secretary's tool on the PC; it acts with the admin's rights.
            self._service = Service.open(self.arguments.db, actor=Actor.admin())
            if self._service.startup_message:
                print(self._service.startup_message, file=sys.stderr)
            self._service.documents.import_seeds_if_empty()
        return self._service

    def close(self) -> None:
        if self._service is not None:
            self._service.close()


Handler = Callable[[CommandContext], int]


# argparse's sub-command collection; each command module adds its parsers to it.
SubParsers = argparse._SubParsersAction


Registrar = Callable[["SubParsers[argparse.ArgumentParser]"], None]


# argparse in Vietnamese: headings, one-sentence mistakes (never its English usage text), names starting with "-".
_REQUIRED = re.compile(r"^the following arguments are required: (?P<names>.+)$")
_UNRECOGNISED = re.compile(r"^unrecognized arguments: (?P<names>.+)$")
_CHOICE = re.compile(r"^argument (?P<name>\S+): invalid choice: '?(?P<value>[^']*)'? \(choose from (?P<choices>.+)\)$")
_ONE_VALUE = re.compile(r"^argument (?P<name>\S+): expected one argument$")
_BAD_VALUE = re.compile(r"^argument (?P<name>\S+): invalid \S+ value: '?(?P<value>[^']*)'?$")
_NUMBER = re.compile(r"^-\d+(?:[.,]\d+)?$")
_DASH_ADVICE = " Tên tệp bắt đầu bằng dấu “-” thì viết “./” trước tên (ví dụ ./-ten-tep.txt)."


def vietnamese_message(message: str) -> str:
    """One Vietnamese sentence for argparse's English complaint."""
    if found := _REQUIRED.match(message):
        return f"Thiếu {found['names']}."
    if found := _UNRECOGNISED.match(message):
        names = found["names"]
        advice = _DASH_ADVICE if any(word.startswith("-") for word in names.split()) else ""
        return f"Không hiểu {names}.{advice}"
    if found := _CHOICE.match(message):
        choices = found["choices"].replace("'", "")
        return f"“{found['value']}” không dùng được cho {found['name']}; hãy chọn một trong: {choices}."
    if found := _ONE_VALUE.match(message):
        return f"{found['name']} cần một giá trị đi kèm.{_DASH_ADVICE}"
    if found := _BAD_VALUE.match(message):
        return f"“{found['value']}” không dùng được cho {found['name']}."
    return f"Câu lệnh chưa đúng ({message})."


class VietnameseHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any], prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class VietnameseArgumentParser(argparse.ArgumentParser):
    """Its sub-command parsers are of the same class, so every level speaks Vietnamese."""

    def __init__(self, add_help: bool = True, **options: Any) -> None:
        options.setdefault("formatter_class", VietnameseHelpFormatter)
        super().__init__(add_help=False, **options)
        self._positionals.title = "tham số"
        self._optionals.title = "tuỳ chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"Lỗi: {vietnamese_message(message)} Gõ “{self.prog} -h” để xem cách dùng.\n")


def option_strings(parser: argparse.ArgumentParser) -> dict[str, bool]:
    """Every option any level of ``parser`` knows (-h, --json, --db, ...), and whether it takes a value."""
    found: dict[str, bool] = {}
    for action in parser._actions:
        found.update(dict.fromkeys(action.option_strings, action.nargs != 0))
        if isinstance(action, argparse._SubParsersAction):
            for sub_parser in action.choices.values():
                found.update(option_strings(sub_parser))
    return found


def dash_names_as_paths(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """A word like ``-ten-tep.txt`` is a file name, not an option: pass it as ``./-ten-tep.txt`` so argparse takes it.

    Only single-dash words longer than an option letter that no parser knows and that are not the value of the
    option before them (``--answers "- A B"`` keeps its value); ``--`` ends the rewriting.
    """
    options = option_strings(parser)
    rewritten: list[str] = []
    after_separator = False
    value_expected = False
    for word in argv:
        looks_like_name = word.startswith("-") and not word.startswith("--") and len(word) > 2
        looks_like_name = looks_like_name and not _NUMBER.match(word)
        if not after_separator and not value_expected and looks_like_name and word not in options:
            word = os.path.join(".", word)
        after_separator = after_separator or word == "--"
        value_expected = options.get(word, False) and "=" not in word
        rewritten.append(word)
    return rewritten


def build_parser(registrars: Sequence[Registrar]) -> argparse.ArgumentParser:
    parser = _global_options_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in registrars:
        register(commands)
    return parser


def _global_options_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = VietnameseArgumentParser(prog="main.py", description="Học tập Nghị quyết", add_help=add_help)
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy URL của cơ sở dữ liệu (mặc định: SQLite)")
    parser.add_argument("--self-check", action="store_true", help="mở cửa sổ, thoát khi sẵn sàng, in thời gian")
    parser.add_argument("--language", choices=["vi", "en"], help="ngôn ngữ giao diện")
    return parser


def parse_window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` names no command (the window is wanted), else None."""
    arguments, rest = _global_options_parser(add_help=False).parse_known_args(list(argv))
    # Anything left over (a command, -h, or a mistake) goes to the full parser, which explains it.
    return None if rest else arguments


def run(
    argv: Sequence[str] | None, registrars: Sequence[Registrar], open_gui: Callable[[argparse.Namespace], int]
) -> int:
    """Parse ``argv``, run the command (or the GUI when none is given) and turn errors into one line."""
    parser = build_parser(registrars)
    arguments = parser.parse_args(dash_names_as_paths(parser, sys.argv[1:] if argv is None else argv))
    handler: Handler | None = getattr(arguments, "handler", None)
    if handler is None:
        return open_gui(arguments)
    context = CommandContext(arguments)
    try:
        return handler(context)
    except UserError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of our output went away (e.g. "| head"): nothing to say, and nothing was lost.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception:
        logger.exception("unexpected error in command %s", arguments.command)
        print("Lỗi không mong đợi; chi tiết đã được ghi vào nhật ký của ứng dụng.", file=sys.stderr)
        return 1
    finally:
        context.close()
