"""Bundled data files (fonts, word lists, translations, icons), found the same way from source and frozen."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

_PACKAGE = "resources"


def resource(relative_name: str) -> Traversable:
    """Return the bundled file ``relative_name`` (POSIX style, e.g. ``fonts/LiberationSerif-Regular.ttf``)."""
    path = PurePosixPath(relative_name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"not a relative resource name: {relative_name!r}")
    return resources.files(_PACKAGE).joinpath(*path.parts)


def read_text(relative_name: str) -> str:
    """Return a bundled text file decoded as UTF-8."""
    return resource(relative_name).read_text(encoding="utf-8")


def read_lines(relative_name: str) -> list[str]:
    """Return the non-empty, non-comment lines of a bundled word list."""
    lines = (line.strip() for line in read_text(relative_name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def file_path(relative_name: str) -> Path:
    """Return a real filesystem path of a bundled file (fonts need one for reportlab and Qt)."""
    found = resource(relative_name)
    if isinstance(found, Path):
        return found
    # Every supported layout (source tree, PyInstaller one-folder) keeps resources as plain files.
    raise FileNotFoundError(f"resource {relative_name!r} is not a plain file")
