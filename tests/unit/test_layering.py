"""The layers never import what they must not: quiz/ no Qt or reportlab, reports/ no Qt, gui/ only the boundary."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY

FORBIDDEN = {
    "quiz": {"PySide6", "shiboken6", "reportlab", "gui", "reports", "openpyxl"},
    "reports": {"PySide6", "shiboken6", "gui"},
}
# What gui/ may import from the core: the facade, the boundary's types and rules, errors and text formatting.
GUI_ALLOWED = ("quiz.service", "quiz.api", "quiz.errors", "quiz.formatting", "quiz.text")
# Named exceptions, each with its reason.
GUI_EXCEPTIONS = {
    # ``quiz.__version__`` in the About box.
    "quiz": "the version",
    # The opening frame lists who may sign in before any facade (database) is opened.
    "quiz.start_names": "names before the facade",
    # pdfium is not thread-safe: the preview and the importer share the one lock.
    "quiz.importing.pdfium_lock": "one pdfium lock",
    # The reports are built outside quiz/ (quiz/ never imports reportlab); the window calls their entry points.
    "reports.render": "report entry point",
    "reports.paper_render": "paper entry point",
    "reports.batch": "batch cancellation",
    "reports.collect": "pledge preview data",
    "reports.form": "pledge preview",
}


# The boundary and the pure domain hold no session, no ORM and no service: only each other and the text helpers.
PURE_ALLOWED = {
    "quiz/api": ("quiz.api", "quiz.errors", "quiz.formatting", "quiz.text"),
    "quiz/engine": ("quiz.api", "quiz.engine", "quiz.errors", "quiz.formatting", "quiz.text"),
    # The demo unit is built through the facade like any other client.
    "quiz/cli/demo.py": ("quiz.api", "quiz.cli.demo_data", "quiz.errors", "quiz.identifiers", "quiz.service"),
    "quiz/cli/demo_data.py": ("quiz.api", "quiz.text"),
}


def imported_modules(path: Path) -> set[str]:
    """Every absolute module an import names (``from quiz import api`` names both quiz and quiz.api)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
            # ``from quiz import storage`` imports the module quiz.storage, not a name of quiz.
            modules.update(name for name in (f"{node.module}.{alias.name}" for alias in node.names) if _is_module(name))
    return modules


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a name inside a module, not a module of a package
        return False


def imported_top_modules(path: Path) -> set[str]:
    return {module.split(".")[0] for module in imported_modules(path)}


def gui_violations(path: Path) -> list[str]:
    """The core modules a gui/ file imports beyond the boundary."""

    def allowed(module: str) -> bool:
        inside = any(module == prefix or module.startswith(prefix + ".") for prefix in GUI_ALLOWED)
        return inside or module in GUI_EXCEPTIONS

    core = (module for module in imported_modules(path) if module.split(".")[0] in FORBIDDEN)
    return sorted(module for module in core if not allowed(module))


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


def test_gui_imports_only_the_boundary_from_the_core() -> None:
    files = sorted((REPOSITORY / "gui").rglob("*.py"))
    assert files
    offenders = {str(path.relative_to(REPOSITORY)): gui_violations(path) for path in files if gui_violations(path)}
    assert offenders == {}


@pytest.mark.parametrize("folder", sorted(PURE_ALLOWED))
def test_the_boundary_and_the_domain_stay_pure(folder: str) -> None:
    place = REPOSITORY / folder
    files = [place] if place.is_file() else sorted(place.rglob("*.py"))
    assert files
    allowed = PURE_ALLOWED[folder]
    offenders = {
        str(path.relative_to(REPOSITORY)): sorted(
            module
            for module in imported_modules(path)
            if module.split(".")[0] in ("quiz", "sqlalchemy", "alembic")
            and not any(module == prefix or module.startswith(prefix + ".") for prefix in allowed)
        )
        for path in files
    }
    assert {path: modules for path, modules in offenders.items() if modules} == {}


def test_checker_detects_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def late():\n    from PySide6 import QtCore\n", encoding="utf-8")
    assert imported_top_modules(sample) == {"PySide6"}


def test_gui_checker_detects_a_way_around_the_boundary(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import quiz.storage.models\nfrom quiz.api.attempts import AttemptView\nfrom quiz.service import Service\n"
        "def late():\n    from quiz.engine import views\n    from reports.unit_pdf import build_unit_pdf\n"
        "from quiz import storage, __version__\n",
        encoding="utf-8",
    )
    assert gui_violations(sample) == [
        "quiz.engine",
        "quiz.storage",
        "quiz.storage.models",
        "reports.unit_pdf",
    ]
