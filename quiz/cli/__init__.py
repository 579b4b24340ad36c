"""Command-line interface: each command module registers sub-commands; ``run`` dispatches and reports errors."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

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


def build_parser(registrars: Sequence[Registrar]) -> argparse.ArgumentParser:
    parser = _global_options_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in registrars:
        register(commands)
    return parser


def _global_options_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Học tập Nghị quyết", add_help=add_help)
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
    arguments = parser.parse_args(argv)
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
