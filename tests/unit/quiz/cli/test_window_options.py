"""Without a command the window opens (no command module is loaded); with one, the command line runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quiz.cli import parse_window_options
from tests.conftest import REPOSITORY


@pytest.mark.parametrize("argv", [[], ["--self-check"], ["--db", "sqlite:///x.db", "--language", "en"]])
def test_global_options_alone_mean_the_window(argv: list[str]) -> None:
    options = parse_window_options(argv)
    assert options is not None
    assert options.language == ("en" if "en" in argv else None)


@pytest.mark.parametrize("argv", [["documents"], ["--db", "sqlite:///x.db", "import", "a.txt"], ["-h"], ["--bogus"]])
def test_anything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert parse_window_options(argv) is None


def test_opening_the_window_path_loads_no_command_module_nor_generator() -> None:
    probe = (
        "import sys, main\n"
        "main.open_window = lambda options: 0\n"
        "main.main(['--self-check'])\n"
        "heavy = ('quiz.cli.', 'reports', 'quiz.facts.', 'quiz.questions.')\n"
        "loaded = [name for name in sys.modules if name.startswith(heavy)]\n"
        "print(loaded)\n"
    )
    output = subprocess.run([sys.executable, "-c", probe], cwd=REPOSITORY, capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"
