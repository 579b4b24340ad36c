"""Build settings shared by the app's spec and the bare-window baseline, so both are built the same way."""

from __future__ import annotations

import ast
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

# Standard-library and tool packages the running app never imports (PyInstaller would follow optional imports).
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    "unittest",
    "doctest",
    "pytest",
    "_pytest",
    "pytestqt",
    "mypy",
    "ruff",
    "setuptools",
    "pkg_resources",
    "distutils",
    "pip",
    "IPython",
    "numpy",
    # Only mako's optional syntax-highlighting plugin imports pygments, and only pygments imports Pillow here.
    "pygments",
    # PyInstaller's SQLAlchemy hook adds every dialect and the usual drivers; the app speaks SQLite and
    # PostgreSQL only (~0,7 MB of MySQL, SQL Server and Oracle code).
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "sqlalchemy.connectors.pyodbc",
    "sqlalchemy.connectors.aioodbc",
    "MySQLdb",
    "psycopg2",
    # PostgreSQL goes through pure-Python pg8000 (~1 MB); psycopg with its libpq is ~11 MB.
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "psycopg_pool",
    "pysqlite2",
    # The .docx reader is our own (zipfile + ElementTree) and openpyxl falls back to the standard library:
    # python-docx (test fixtures only) and lxml (~6 MB) are installed for the tests but never needed at run time.
    "docx",
    "lxml",
    # PDF text comes from pypdfium2, which the print preview needs anyway; pypdf only writes test fixtures.
    "pypdf",
]

# Linux binaries in wheels keep their symbol tables (SQLAlchemy's Cython modules shrink ~5x); Windows has
# no strip tool and its DLLs carry no symbols anyway.
STRIP_BINARIES = not sys.platform.startswith("win")

# Qt modules the window does not use. ``check_qt_exclusions`` fails the build if gui/ starts importing one.
EXCLUDED_QT_MODULES = [
    f"PySide6.{name}"
    for name in (
        "QtNetwork",
        "QtQml",
        "QtQuick",
        "QtQuickWidgets",
        "QtQuickControls2",
        "QtQuickTest",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtSql",
        "QtTest",
        "QtDBus",
        "QtConcurrent",
        "QtDesigner",
        "QtHelp",
        "QtUiTools",
        "QtXml",
        "QtSvgWidgets",
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtSpatialAudio",
        "QtStateMachine",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialPort",
        "QtSerialBus",
        "QtPositioning",
        "QtLocation",
        "QtBluetooth",
        "QtNfc",
        "QtWebChannel",
        "QtWebSockets",
        "QtWebEngineCore",
        "QtWebEngineWidgets",
        "QtWebEngineQuick",
        "QtWebView",
        "QtCharts",
        "QtDataVisualization",
        "QtGraphs",
        "QtTextToSpeech",
        "QtHttpServer",
        "Qt3DCore",
        "Qt3DRender",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DAnimation",
        "Qt3DExtras",
    )
]

# Qt's own translations: only the languages the app offers (Vietnamese, English).
KEPT_QT_LANGUAGES = ("vi", "en")


def imported_modules(paths: Iterable[Path]) -> set[str]:
    """Every absolute module name imported by these Python files (module-level or inside functions)."""
    modules: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
                # ``from alembic import op`` imports the submodule alembic.op when it is one.
                modules.update(
                    f"{node.module}.{alias.name}" for alias in node.names if is_module(f"{node.module}.{alias.name}")
                )
    return modules


def is_module(name: str) -> bool:
    """True when ``name`` is an importable module (not a class or function inside one)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def check_qt_exclusions(gui_folder: Path) -> None:
    """Refuse to build when the window imports a Qt module this build leaves out."""
    used = {name for name in imported_modules(gui_folder.rglob("*.py")) if name.startswith("PySide6.")}
    clashes = sorted(used & set(EXCLUDED_QT_MODULES))
    if clashes:
        raise SystemExit(f"gui/ imports Qt modules excluded by packaging/build_options.py: {clashes}")


def data_files(source: Path, target: str) -> list[tuple[str, str]]:
    """(file, destination folder) pairs mirroring ``source`` under ``target``, without bytecode caches."""
    pairs = []
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            destination = Path(target) / path.parent.relative_to(source)
            pairs.append((str(path), destination.as_posix()))
    return pairs


def keep_data(destination: str) -> bool:
    """Drop Qt translations for languages the app does not offer (several MB of .qm files)."""
    parts = Path(destination).parts
    if "translations" in parts and destination.endswith(".qm") and "PySide6" in parts:
        _, _, language = Path(destination).stem.partition("_")
        return not language or language.split("_")[0] in KEPT_QT_LANGUAGES
    return True
