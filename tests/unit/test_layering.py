"""The layers never import what they must not: quiz/ no Qt or reportlab, reports/ no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY

FORBIDDEN = {
    "quiz": {"PySide6", "shiboken6", "reportlab", "gui", "reports", "openpyxl"},
    "reports": {"PySide6", "shiboken6", "gui"},
}


def imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module.split(".")[0])
    return modules


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_forbidden_layers(package: str) -> None:
    files = sorted((REPOSITORY / package).rglob("*.py"))
    assert files, f"{package}/ has no Python files"
    offenders = {
        str(path.relative_to(REPOSITORY)): sorted(imported_top_modules(path) & FORBIDDEN[package])
        for path in files
        if imported_top_modules(path) & FORBIDDEN[package]
    }
    assert offenders == {}


def test_checker_detects_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def late():\n    from PySide6 import QtCore\n", encoding="utf-8")
    assert imported_top_modules(sample) == {"PySide6"}
