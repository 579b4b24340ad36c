"""Writes ``at_0002_bank.sqlite3``: a database migrated only to the earlier head ``0002_bank``, with rows.

    .venv/bin/python tests/data/upgrade/make_fixture.py

The file is committed; rerunning this script is needed only to change the rows (never after 0002 changes).
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from pathlib import Path

from alembic import command
from sqlalchemy import MetaData, create_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from quiz.storage.database import _alembic_config

REVISION = "0002_bank"
FIXTURE = Path(__file__).resolve().parent / "at_0002_bank.sqlite3"
WHEN = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
NAMESPACE = uuid.UUID("6f1c9b2e-3a51-4c1e-9a57-0b8f2d4e6a11")


def identifier(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(map(str, parts))))


def rows() -> dict[str, list[dict[str, object]]]:
    """Two documents with sections, sentences and questions, and a few settings (Vietnamese everywhere)."""
    tables: dict[str, list[dict[str, object]]] = {"documents": [], "sections": [], "sentences": [], "questions": []}
    for document_number in (1, 2):
        document_id = identifier("document", document_number)
        sentences = [f"Câu số {number} của văn bản {document_number}: phấn đấu đạt 9{number},5 %." for number in (1, 2)]
        text = "\n".join(f"Mục {section}. {' '.join(sentences)}" for section in (1, 2, 3))
        tables["documents"].append(
            {
                "id": document_id,
                "title": f"Nghị quyết thử nghiệm số {document_number}",
                "source_name": f"nghi-quyet-{document_number}.docx",
                "imported_at": WHEN,
                "content_hash": f"{document_number:064d}",
                "text": text,
                "removed_lines": ["Trang 1", "Bản in thử"],
            }
        )
        for section in (1, 2, 3):
            section_id = identifier("section", document_number, section)
            tables["sections"].append(
                {
                    "id": section_id,
                    "document_id": document_id,
                    "position": section,
                    "level": 1,
                    "parent_position": None,
                    "title": f"Mục {section}",
                    "start": 0,
                    "end": 10,
                    "text": text,
                }
            )
            for position, sentence in enumerate(sentences):
                tables["sentences"].append(
                    {
                        "id": identifier("sentence", document_number, section, position),
                        "section_id": section_id,
                        "document_id": document_id,
                        "position": position,
                        "start": 0,
                        "end": len(sentence),
                        "text": sentence,
                        "folded_text": sentence.lower(),
                    }
                )
            tables["questions"].append(
                {
                    "id": identifier("question", document_number, section),
                    "document_id": document_id,
                    "section_id": section_id,
                    "fact_key": f"so-lieu-{section}",
                    "fact_kind": "number",
                    "type": "single",
                    "prompt": "Phấn đấu đạt bao nhiêu phần trăm?",
                    "choices": ["91,5 %", "92,5 %", "93,5 %", "94,5 %"],
                    "correct": [0],
                    "answers": [],
                    "pairs": [],
                    "explanation": sentences[0],
                    "difficulty": 0.4,
                    "quality": 0.8,
                    "sentence": sentences[0],
                    "sentence_start": 0,
                    "sentence_end": len(sentences[0]),
                    "origin": "generated",
                    "enabled": section != 3,
                    "edited": section == 2,
                    "created_at": WHEN,
                    "updated_at": WHEN,
                }
            )
    tables["settings"] = [
        {"key": "place_name", "value": "Hoà An"},
        {"key": "party_committee", "value": "ĐẢNG BỘ HUYỆN HOÀ AN"},
        {"key": "reflection_questions", "value": ["Điểm mới của Nghị quyết là gì?"]},
    ]
    return tables


def main() -> int:
    FIXTURE.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{FIXTURE.as_posix()}")
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, REVISION)
        metadata = MetaData()
        metadata.reflect(connection)
        for table, values in rows().items():
            connection.execute(metadata.tables[table].insert(), values)
    engine.dispose()
    print(f"wrote {FIXTURE} at revision {REVISION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
