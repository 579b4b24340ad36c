"""Bad command-line input gets one Vietnamese sentence: odd file names, names starting with "-", mistakes."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import main
from quiz.cli import build_parser, dash_names_as_paths, documents, results
from tests.unit.quiz.importing.helpers import RESOLUTION

ENGLISH = ("usage:", "error:", "Traceback", "Lỗi không mong đợi", "arguments are required", "unrecognized")


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main.main(arguments)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are always Unicode")
def test_a_file_name_that_is_not_utf8_imports_with_a_readable_name(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = os.path.join(os.fsencode(tmp_path), b"ngh\xe9-quyet.txt")  # "é" in Windows-1252, not UTF-8
    shutil.copy(os.fsencode(RESOLUTION), odd)
    code, out, err = run(["--db", database_url, "import", os.fsdecode(odd)], capsys)
    assert code == 0, err
    assert "Đã nhập" in out
    code, out, _ = run(["--db", database_url, "documents", "--json"], capsys)
    assert "ngh\ufffd-quyet.txt" in [row["source_name"] for row in json.loads(out)]


def test_a_file_name_starting_with_a_dash_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(RESOLUTION, tmp_path / "-nghi-quyet.txt")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["sections", "-nghi-quyet.txt", "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)
    code, _, err = run(["sections", "-khong-co.txt"], capsys)
    assert code == 2 and "Không tìm thấy tệp “-khong-co.txt”" in err


def test_an_option_value_starting_with_a_dash_is_kept_as_typed() -> None:
    parser = build_parser([documents.register, results.register])
    argv = ["results", "enter", "--attempt", "K7M3PX", "--answers", "- A Đ", "-nghi-quyet.txt"]
    assert dash_names_as_paths(parser, argv)[-3:] == ["--answers", "- A Đ", os.path.join(".", "-nghi-quyet.txt")]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["sections"], "Thiếu FILE."),
        (["--language", "xx"], "hãy chọn một trong: vi, en"),
        (["documents", "-x"], "Tên tệp bắt đầu bằng dấu “-”"),
        (["documents", "--khong-co"], "Không hiểu --khong-co."),
        (["khong-co-lenh"], "không dùng được"),
    ],
)
def test_mistakes_are_one_vietnamese_sentence(
    arguments: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(arguments, capsys)
    assert code == 2 and out == ""
    assert err.startswith("Lỗi: ") and expected in err and err.count("\n") == 1
    assert not any(english in err for english in ENGLISH)


def test_help_headings_are_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["sections", "-h"], capsys)
    assert code == 0
    assert out.startswith("Cách dùng: ") and "tuỳ chọn:" in out and "in hướng dẫn này rồi thoát" in out
