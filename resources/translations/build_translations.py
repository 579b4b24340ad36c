"""Refresh hoctap_en.ts from the GUI sources, fill it from english.json, and compile hoctap_en.qm.

Run from the repository: ``.venv/bin/python resources/translations/build_translations.py``. Translators may
edit english.json (Vietnamese source → English) or the .ts file with Qt Linguist; both are kept.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
REPOSITORY = FOLDER.parent.parent
TS_FILE = FOLDER / "hoctap_en.ts"
QM_FILE = FOLDER / "hoctap_en.qm"
ENGLISH = FOLDER / "english.json"


def tool(name: str) -> str:
    """The PySide6 tool beside the running interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def fill(ts_file: Path, english: dict[str, str]) -> tuple[int, int]:
    """Put the English of every known source into the .ts; returns (translated, total)."""
    tree = ElementTree.parse(ts_file)
    translated = total = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ElementTree.SubElement(message, "translation")
        total += 1
        if source in english:
            translation.text = english[source]
            translation.attrib.pop("type", None)
        if translation.text and translation.attrib.get("type") not in ("unfinished", "vanished", "obsolete"):
            translated += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return translated, total


def main() -> int:
    sources = sorted(str(path.relative_to(REPOSITORY)) for path in (REPOSITORY / "gui").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(TS_FILE),
            "-source-language",
            "vi",
            "-target-language",
            "en",
            "-no-obsolete",
        ],
        check=True,
        cwd=REPOSITORY,
    )
    translated, total = fill(TS_FILE, json.loads(ENGLISH.read_text(encoding="utf-8")))
    subprocess.run([tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True, cwd=REPOSITORY)
    print(f"{translated}/{total} messages translated into English")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
