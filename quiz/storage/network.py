"""Is a SQLite file on a network drive? Its file locks are unreliable there, so several PCs could damage it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path, PureWindowsPath

logger = logging.getLogger(__name__)

NETWORK_WARNING = (
    "Cơ sở dữ liệu {path} nằm trên ổ mạng, nơi SQLite không khoá tệp an toàn và dữ liệu có thể hỏng khi nhiều máy "
    "cùng dùng; hãy để tệp trên ổ của máy này, còn muốn nhiều máy dùng chung thì hãy dùng máy chủ PostgreSQL."
)
# Linux file systems that reach another machine (NFS, SMB/CIFS, and FUSE mounts of remote shares).
_NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs", "fuse.smbnetfs", "fuse.gvfsd-fuse"}
)
_DRIVE_REMOTE = 4  # GetDriveTypeW


def is_unc_path(path: str) -> bool:
    r"""``\\server\share\...`` (or ``//server/share``), but not Windows' local device paths ``\\?\C:\...``."""
    windows = PureWindowsPath(path)
    if not windows.drive.startswith(("\\\\", "//")):
        return False
    host = windows.drive.lstrip("\\/").split("\\", 1)[0].split("/", 1)[0]
    if host in ("?", "."):
        return windows.drive.lower().lstrip("\\/?.").startswith("unc")
    return True


def mount_file_system(path: Path, mounts_text: str) -> str | None:
    """The type of the file system ``path`` lies on, from the text of /proc/mounts (longest mount point wins)."""
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fields[2]
    return best_type


def is_network_path(path: Path) -> bool:
    """UNC paths everywhere; mapped network drives on Windows; NFS/SMB mounts on Linux."""
    if is_unc_path(str(path)):
        return True
    try:
        resolved = path.resolve()
    except OSError:
        return False
    if sys.platform == "win32":
        return _windows_drive_is_remote(resolved)
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False  # not Linux (or no /proc): nothing to tell
    return mount_file_system(resolved, mounts) in _NETWORK_FILE_SYSTEMS


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    root = path.anchor or str(path)[:3]
    try:
        kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError) as error:
        logger.warning("drive type of %s unknown: %s", root, error)
        return False
    return bool(kind == _DRIVE_REMOTE)


def network_warning(database_file: Path) -> str | None:
    return NETWORK_WARNING.format(path=database_file) if is_network_path(database_file) else None
