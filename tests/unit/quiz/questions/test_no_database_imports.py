"""The document commands (questions, sections, facts) work without loading SQLAlchemy at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[4]
DOCUMENT = REPOSITORY / "tests" / "data" / "generator" / "nghi-quyet-dai-hoi-huyen.txt"
PROBE = """
import contextlib, io, json, sys
import main
output = io.StringIO()
with contextlib.redirect_stdout(output):
    code = main.main(sys.argv[1:])
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("sqlalchemy", "alembic"))
print(json.dumps({"code": code, "printed": len(output.getvalue()), "loaded": loaded}))
"""


@pytest.mark.parametrize("command", ["questions", "sections", "facts"])
def test_document_command_never_imports_sqlalchemy(command: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, command, str(DOCUMENT)],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert result["printed"] > 0
    assert result["loaded"] == []
