"""`results key|export|preview|import` on the command line: Vietnamese report, non-zero exit on a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from tests.unit.quiz.packages.helpers import PASSPHRASE, open_pc, setup_unit, take_exam


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_export_preview_import_and_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = open_pc(tmp_path, "chi-bo", with_key=False)
    unit = setup_unit(office)
    take_exam(office, unit.member_ids[0], unit.document_id, right=4)
    office.close()
    source, target = (f"sqlite:///{(tmp_path / name).as_posix()}" for name in ("chi-bo.sqlite3", "bi-thu.sqlite3"))
    package = tmp_path / "chi-bo-mot.nqpkg"

    code, output = run(capsys, "--db", source, "results", "export", "--chi-bo", "chi bo mot", "-o", str(package))
    assert code == 0 and "Bài làm: 1" in output and "Chi bộ Một" in output
    code, output = run(capsys, "--db", target, "results", "import", str(package))
    assert code == 2 and "Chưa đặt khoá đơn vị" in output
    code, output = run(capsys, "--db", target, "results", "key", PASSPHRASE)
    assert code == 0 and "dấu nhận dạng" in output
    code, output = run(capsys, "--db", target, "results", "preview", str(package))
    assert code == 0 and "Đảng viên đã có: 0; mới: 2" in output and "(kèm trong gói)" not in output
    assert "Sẽ bị từ chối" in output  # the target PC does not have the document

    with_document = tmp_path / "kem-van-ban.nqpkg"
    run(capsys, "--db", source, "results", "export", "--include-document", "-o", str(with_document))
    code, output = run(capsys, "--db", target, "results", "import", str(with_document))
    assert code == 0 and "Đã gộp kem-van-ban.nqpkg" in output
    assert "- Bài làm: 1 / 0 / 0 / 0" in output and "- Câu trả lời: 6 / 0 / 0 / 0" in output

    broken = tmp_path / "hong.nqpkg"
    broken.write_bytes(package.read_bytes()[:-30])
    code, output = run(capsys, "--db", target, "results", "import", str(broken), str(package))
    assert code == 3 and "TỪ CHỐI hong.nqpkg" in output and "- Bài làm: 0 / 0 / 1 / 0" in output


def test_bad_match_argument_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'a.sqlite3').as_posix()}"
    code, output = run(capsys, "--db", url, "results", "import", "x.nqpkg", "--match", "chi-mot-ma")
    assert code == 2 and "MÃ_TRONG_GÓI:MÃ_TRÊN_MÁY" in output


def test_unknown_chi_bo_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'a.sqlite3').as_posix()}"
    run(capsys, "--db", url, "results", "key", PASSPHRASE)
    code, output = run(capsys, "--db", url, "results", "export", "--chi-bo", "Chi bộ Không Có", "-o", "x.nqpkg")
    assert code == 2 and "Chi bộ Không Có" in output
