"""Portable mode, and the built one-folder bundle (set NQ_TEST_BUNDLE=dist/HocTapNghiQuyet to test a build)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quiz import paths
from tests.conftest import TEST_DATA
from tests.integration.faults import user_environment
from tests.integration.scenario import write_resolution
from tests.unit.reports.pdf_tools import all_text

BUNDLE = str(Path(os.environ["NQ_TEST_BUNDLE"]).resolve()) if os.environ.get("NQ_TEST_BUNDLE") else ""
EXECUTABLE = "HocTap.exe" if sys.platform == "win32" else "HocTap"
needs_bundle = pytest.mark.skipif(not BUNDLE, reason="set NQ_TEST_BUNDLE to a built dist/HocTapNghiQuyet folder")


@pytest.fixture
def frozen_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be the built app, with its executable in tmp_path/app."""
    folder = tmp_path / "app"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / EXECUTABLE))
    return folder


def test_portable_marker_keeps_the_data_beside_the_executable(frozen_at: Path) -> None:
    (frozen_at / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.is_portable()
    assert paths.data_folder() == frozen_at / "data"
    assert paths.default_database_url() == f"sqlite:///{(frozen_at / 'data' / 'hoctap.sqlite3').as_posix()}"


def test_without_the_marker_the_data_goes_to_the_user_folder(frozen_at: Path) -> None:
    assert not paths.is_portable()
    assert not paths.data_folder().is_relative_to(frozen_at)
    assert paths.data_folder().name == paths.APPLICATION_NAME


def run_bundle(executable: Path, arguments: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=user_environment(home),
        cwd=home,
        timeout=180,
        check=False,
    )


@pytest.fixture
def portable_copy(tmp_path: Path) -> Path:
    """The bundle's executable copied beside a link to its ``_internal`` (a copy without copying 150 MB)."""
    source = Path(BUNDLE).resolve()
    folder = tmp_path / "usb"
    folder.mkdir()
    shutil.copy2(source / EXECUTABLE, folder / EXECUTABLE)
    (folder / "_internal").symlink_to(source / "_internal", target_is_directory=True)
    return folder / EXECUTABLE


@pytest.mark.slow
@needs_bundle
def test_built_app_self_check(tmp_path: Path) -> None:
    completed = run_bundle(Path(BUNDLE) / EXECUTABLE, ["--self-check"], tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "ready in" in completed.stdout
    assert "Traceback" not in completed.stderr


@pytest.mark.slow
@needs_bundle
def test_built_app_imports_reports_and_refuses_in_portable_mode(portable_copy: Path, tmp_path: Path) -> None:
    """Seeds, migrations, fonts, the .docx and .pdf readers, reportlab and openpyxl all work from the frozen build."""
    import docx

    (portable_copy.parent / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    resolution = write_resolution(tmp_path)
    word = docx.Document()
    for line in resolution.read_text(encoding="utf-8").splitlines():
        word.add_paragraph(line.replace("THANH BÌNH", "AN PHÚ"))
    word.save(str(tmp_path / "an-phu.docx"))

    assert run_bundle(portable_copy, ["import", str(resolution)], tmp_path).returncode == 0
    assert run_bundle(portable_copy, ["import", str(tmp_path / "an-phu.docx")], tmp_path).returncode == 0
    pdf_import = run_bundle(portable_copy, ["import", str(TEST_DATA / "import" / "resolution.pdf")], tmp_path)
    assert pdf_import.returncode == 0, pdf_import.stderr
    listed = run_bundle(portable_copy, ["documents", "--json"], tmp_path)
    titles = [document["title"] for document in json.loads(listed.stdout)]
    assert len(titles) >= 4  # the seed document(s) plus the three imported here
    assert any("AN PHÚ" in title for title in titles)
    assert run_bundle(portable_copy, ["demo"], tmp_path).returncode == 0
    for name in ("don-vi.pdf", "don-vi.xlsx"):
        made = run_bundle(portable_copy, ["report", "unit", "-o", str(tmp_path / name)], tmp_path)
        assert made.returncode == 0, made.stderr
    assert (tmp_path / "don-vi.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "don-vi.xlsx").read_bytes().startswith(b"PK")
    # The members' forms (paragraphs, tables, the bundled font) come out of the build without Pillow.
    forms = run_bundle(portable_copy, ["report", "forms", "--chi-bo", "thanh tra", "-o", "forms.pdf"], tmp_path)
    assert forms.returncode == 0, forms.stderr
    forms_text = all_text((tmp_path / "forms.pdf").read_bytes())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in forms_text
    assert "Chi bộ Thanh tra" in forms_text
    refused = run_bundle(portable_copy, ["import", str(TEST_DATA / "bad" / "scanned.pdf")], tmp_path)
    assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1
    assert "Traceback" not in refused.stderr
    # Portable: the database and its backups sit beside the executable, nothing in the user's folder.
    assert (portable_copy.parent / "data" / "hoctap.sqlite3").is_file()
    assert not (tmp_path / "data" / paths.APPLICATION_NAME / "hoctap.sqlite3").exists()


@needs_bundle
def test_bundle_leaves_out_what_only_the_tests_need() -> None:
    """python-docx, lxml and pypdf write test fixtures; the app reads .docx and PDF text without them."""
    internal = Path(BUNDLE) / "_internal"
    assert (internal / "pypdfium2_raw").is_dir()  # the one PDF library: preview, print and text
    for name in ("lxml", "docx", "pypdf", "psycopg_binary", "pillow.libs"):
        assert not (internal / name).exists(), name
    # Pillow's stand-in is pure Python inside the archive: no compiled part of Pillow may have come along.
    assert list(internal.glob("PIL/_imaging*")) == []


@pytest.mark.slow
@needs_bundle
def test_built_app_merges_many_packages_through_its_reading_process(tmp_path: Path) -> None:
    """From three packages on, the merge reads them in a second process: the frozen program started again, which
    must become that worker (multiprocessing.freeze_support) rather than a second app."""
    executable = Path(BUNDLE) / EXECUTABLE
    office, secretary = (f"sqlite:///{(tmp_path / name).as_posix()}" for name in ("office.sqlite3", "unit.sqlite3"))
    for url in (office, secretary):
        assert (
            run_bundle(executable, ["--db", url, "results", "key", "khoá chung của đơn vị"], tmp_path).returncode == 0
        )
    assert run_bundle(executable, ["--db", office, "demo"], tmp_path).returncode == 0
    package = tmp_path / "ket-qua-1.nqpkg"
    exported = run_bundle(
        executable, ["--db", office, "results", "export", "--include-document", "-o", str(package)], tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    copies = [package] + [Path(shutil.copy2(package, tmp_path / f"ket-qua-{number}.nqpkg")) for number in (2, 3)]
    merged = run_bundle(executable, ["--db", secretary, "results", "import", *map(str, copies)], tmp_path)
    assert merged.returncode == 0, merged.stderr
    assert "Traceback" not in merged.stderr and "reading process" not in merged.stderr
    with contextlib.closing(sqlite3.connect(tmp_path / "unit.sqlite3")) as connection:
        merged_answers = connection.execute("SELECT count(*) FROM answers").fetchone()[0]
    with contextlib.closing(sqlite3.connect(tmp_path / "office.sqlite3")) as connection:
        submitted = connection.execute(
            "SELECT count(*) FROM answers JOIN attempt_items ON attempt_items.id = answers.attempt_item_id "
            "JOIN attempts ON attempts.id = attempt_items.attempt_id WHERE attempts.submitted_at IS NOT NULL"
        ).fetchone()[0]
    assert merged_answers == submitted > 0
