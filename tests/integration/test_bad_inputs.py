"""The bad-document corpus through the facade and the CLI: a clear refusal (data untouched) or a sensible import."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quiz.errors import UserError
from quiz.service import Service
from quiz.services.context import Actor
from tests.conftest import TEST_DATA
from tests.data.bad.make_corpus import PHRASE
from tests.integration.faults import run_main, table_counts
from tests.integration.scenario import write_resolution

BAD = TEST_DATA / "bad"
SMALL_FILES = sorted(path.name for path in BAD.iterdir() if path.is_file() and path.suffix != ".py")
GENERATED_FILES = ["huge-50mb.txt", "one-line-1mb.txt"]
# Files the importer may reasonably accept; everything else must be refused.
MAY_IMPORT = {
    "html-page.txt",
    "html-page.html",
    "utf16-without-bom.txt",
    "mixed-encodings.txt",
    "tcvn3.txt",
    "vni.txt",
    "nul-bytes.txt",
    "truncated.pdf",
    "one-line-1mb.txt",
}
VIETNAMESE_LETTER = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
# What a wrong decoding or an unstripped web page leaves in the text.
GARBAGE = ["\x00", "<html", "<script", "<div", "<p>", "Ã", "áº", "Ä‘", "Ñaû", "§¶ng"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed small files plus the big ones, generated here rather than committed."""
    folder = tmp_path_factory.mktemp("bad")
    for name in SMALL_FILES:
        shutil.copy(BAD / name, folder / name)
    line = (PHRASE + " ").encode("utf-8")
    (folder / "one-line-1mb.txt").write_bytes(line * (1_000_000 // len(line)))
    with (folder / "huge-50mb.txt").open("wb") as handle:
        paragraph = (PHRASE + "\n").encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            handle.write(paragraph)
    return folder


@pytest.fixture(scope="module")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database that already holds the seeds and one document, copied for every test."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.sqlite3"
    service = Service.open(f"sqlite:///{path.as_posix()}", actor=Actor.admin())
    service.documents.import_seeds_if_empty()
    service.documents.import_file(write_resolution(folder))
    service.close()
    return path


@pytest.fixture
def database_copy(template_database: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "copy.sqlite3"
    shutil.copy(template_database, path)
    yield path


def test_corpus_is_big_enough() -> None:
    assert len(SMALL_FILES) + len(GENERATED_FILES) >= 20


def check_sensible(text: str, name: str) -> None:
    """An accepted import keeps readable Vietnamese and none of the debris of a wrong decoding."""
    assert [marker for marker in GARBAGE if marker in text] == [], name
    assert VIETNAMESE_LETTER.search(text), name
    if name in {"utf16-without-bom.txt", "tcvn3.txt", "vni.txt", "one-line-1mb.txt"}:
        assert "tập trung lãnh đạo" in text, name


@pytest.mark.parametrize("name", SMALL_FILES + GENERATED_FILES)
def test_facade_refuses_cleanly_or_imports_sensibly(name: str, corpus: Path, database_copy: Path) -> None:
    before = table_counts(database_copy)
    service = Service.open(f"sqlite:///{database_copy.as_posix()}", actor=Actor.admin())
    try:
        document = service.documents.import_file(corpus / name)
        text = service.documents.document_text(document.id)
    except UserError as error:
        message = str(error)
        assert message.strip() and "\n" not in message and VIETNAMESE_LETTER.search(message), message
        service.close()
        assert table_counts(database_copy) == before
        return
    finally:
        service.close()
    assert name in MAY_IMPORT, f"{name} should have been refused"
    check_sensible(text, name)
    assert table_counts(database_copy)["documents"] == before["documents"] + 1


def test_cli_refuses_in_one_vietnamese_line_or_imports(corpus: Path, template_database: Path, tmp_path: Path) -> None:
    """Every file through ``main.py --db URL import FILE`` as a user runs it (several at a time, for speed)."""

    def run(name: str) -> tuple[str, int, str, dict[str, int], dict[str, int]]:
        database = tmp_path / f"{name}.sqlite3"
        shutil.copy(template_database, database)
        before = table_counts(database)
        completed = run_main(["--db", f"sqlite:///{database.as_posix()}", "import", str(corpus / name)], tmp_path)
        return name, completed.returncode, completed.stderr, before, table_counts(database)

    problems: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=4) as pool:
        # The slow 1 MB import goes first so the small ones run beside it.
        for name, code, stderr, before, after in pool.map(run, GENERATED_FILES + SMALL_FILES):
            if "Traceback" in stderr:
                problems[name] = f"traceback: {stderr[-300:]}"
            elif code == 0:
                if name not in MAY_IMPORT:
                    problems[name] = "imported, should have been refused"
                elif after["documents"] != before["documents"] + 1:
                    problems[name] = "exit 0 but no document added"
            elif len(stderr.strip().splitlines()) != 1 or not VIETNAMESE_LETTER.search(stderr):
                problems[name] = f"exit {code}, stderr is not one Vietnamese line: {stderr!r}"
            elif after != before:
                problems[name] = "refused but the database changed"
    assert problems == {}
