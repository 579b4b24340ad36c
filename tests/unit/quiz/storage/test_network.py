"""A database on a network drive is recognised (UNC path, NFS/SMB mount) and the start-up says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.storage import network
from quiz.storage.startup import prepare_database

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/chung nfs4 rw,relatime 0 0
//may-chu/du\\040lieu /mnt/du\\040lieu cifs rw 0 0
/dev/sdb1 /mnt/chung/rieng ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"\\may-chu\chung\hoctap.sqlite3", True),
        ("//may-chu/chung/hoctap.sqlite3", True),
        (r"\\?\UNC\may-chu\chung\hoctap.sqlite3", True),
        (r"\\?\C:\du lieu\hoctap.sqlite3", False),
        (r"C:\du lieu\hoctap.sqlite3", False),
        ("/home/bithu/hoctap.sqlite3", False),
    ],
)
def test_unc_paths(path: str, expected: bool) -> None:
    assert network.is_unc_path(path) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/chung/hoctap.sqlite3", "nfs4"),
        ("/mnt/chung/rieng/hoctap.sqlite3", "ext4"),
        ("/mnt/du lieu/hoctap.sqlite3", "cifs"),
        ("/mnt/chungkhac/hoctap.sqlite3", "ext4"),
        ("/home/hoctap.sqlite3", "ext4"),
    ],
)
def test_the_longest_mount_point_decides(path: str, expected: str) -> None:
    assert network.mount_file_system(Path(path), MOUNTS) == expected


def test_a_local_temporary_folder_is_not_a_network_drive(tmp_path: Path) -> None:
    assert not network.is_network_path(tmp_path / "hoctap.sqlite3")


def test_the_start_up_warns_in_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network, "is_network_path", lambda path: True)
    message = prepare_database(f"sqlite:///{(tmp_path / 'hoctap.sqlite3').as_posix()}")
    assert message is not None and "ổ mạng" in message and "PostgreSQL" in message
    assert message.count(".") == 1 + str(tmp_path).count(".") + 1  # one sentence (the path's dots aside)
