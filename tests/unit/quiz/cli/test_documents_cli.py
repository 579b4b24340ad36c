"""The import, documents and sections commands, and their one-line Vietnamese errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from quiz.importing import parse_file
from tests.conftest import REPOSITORY
from tests.unit.quiz.importing.helpers import IMPORT_DATA, NEWS, RESOLUTION, SEED, assert_real_title


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main.main(arguments)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(url: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = run(["--db", url, "documents", "--json"], capsys)
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_import_prints_title_and_section_count(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--db", database_url, "import", str(RESOLUTION)], capsys)
    assert code == 0, err
    parsed = parse_file(RESOLUTION)
    assert parsed.title in out and f"{len(parsed.sections)} mục" in out
    titles = [row["title"] for row in listed(database_url, capsys)]
    assert parsed.title in titles
    # The seed documents were imported into the new database first.
    assert len(titles) == 1 + len(list((REPOSITORY / "seeds").glob("*.txt")))


def test_documents_json_fields(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(["--db", database_url, "import", str(NEWS)], capsys)
    row = next(row for row in listed(database_url, capsys) if row["source_name"] == NEWS.name)
    assert set(row) == {"id", "title", "source_name", "imported_at", "content_hash", "section_count"}
    assert row["section_count"] == len(parse_file(NEWS).sections)


def test_sections_json_of_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["sections", str(SEED), "--json"], capsys)
    assert code == 0, err
    sections = json.loads(out)
    assert 5 <= len(sections) <= 10
    removed = [line.line for line in parse_file(SEED).removed_lines]
    assert removed
    for section in sections:
        assert set(section) == {"title", "level", "text"}
        assert_real_title(section["title"])
        assert section["text"]
        for line in removed:
            assert line not in section["text"]
    # Parse only: no database is opened, so none appears in the data folder.
    assert not list(Path(os.environ["XDG_DATA_HOME"]).rglob("*.sqlite3"))


def test_sections_json_of_a_resolution_gives_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["sections", str(IMPORT_DATA / "resolution-cp1258.txt"), "--json"], capsys)
    assert code == 0
    sections = json.loads(out)
    assert [section["level"] for section in sections][:5] == [1, 1, 2, 3, 3]
    assert sections[1]["title"] == "QUYẾT NGHỊ"


def _bad_files(folder: Path) -> dict[str, Path]:
    empty = folder / "trong.txt"
    empty.write_bytes(b"")
    binary = folder / "anh.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    unreadable = folder / "khong-doc-duoc.txt"
    unreadable.write_text("Nghị quyết", encoding="utf-8")
    unreadable.chmod(0)
    wrong_type = folder / "bang.xlsx"
    wrong_type.write_bytes(b"PK\x03\x04")
    return {
        "missing": folder / "khong-co.txt",
        "empty": empty,
        "binary": binary,
        "not-text": IMPORT_DATA / "legacy-vni.txt",
        "wrong-type": wrong_type,
        "scanned": IMPORT_DATA / "scanned.pdf",
        **({"unreadable": unreadable} if os.geteuid() != 0 else {}),  # root reads every file
    }


@pytest.mark.parametrize("command", ["import", "sections"])
def test_bad_files_give_one_vietnamese_line_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    url = f"sqlite:///{(tmp_path / 'du-lieu.sqlite3').as_posix()}"
    before = listed(url, capsys)
    for name, path in _bad_files(tmp_path).items():
        arguments = ["--db", url, command, str(path)] if command == "import" else [command, str(path), "--json"]
        code, out, err = run(arguments, capsys)
        assert code != 0, name
        assert out == "", name
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Lỗi: "), (name, err)
        assert "Traceback" not in err
        assert any(character in lines[0] for character in "ảăâđêơưệộ"), (name, err)
    assert listed(url, capsys) == before


def test_bad_import_into_a_new_database_creates_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "moi.sqlite3"
    code, _, err = run(["--db", f"sqlite:///{database.as_posix()}", "import", str(tmp_path / "khong-co.txt")], capsys)
    assert code != 0 and "Không tìm thấy" in err
    assert not database.exists()


def test_duplicate_import_is_refused(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(["--db", database_url, "import", str(RESOLUTION)], capsys)
    before = listed(database_url, capsys)
    code, _, err = run(["--db", database_url, "import", str(IMPORT_DATA / "resolution-utf16le-bom.txt")], capsys)
    assert code != 0 and "đã có" in err
    assert listed(database_url, capsys) == before


@pytest.mark.slow
def test_real_process_reports_errors_without_traceback(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    bad = tmp_path / "anh.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, str(REPOSITORY / "main.py"), "--db", url, "import", str(bad)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=REPOSITORY,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.strip().startswith("Lỗi: Tệp không phải văn bản")
    assert "Traceback" not in result.stderr
    ok = subprocess.run(
        [sys.executable, str(REPOSITORY / "main.py"), "--db", url, "import", str(NEWS)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=REPOSITORY,
        timeout=120,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "Huyện Yên Phong" in ok.stdout
