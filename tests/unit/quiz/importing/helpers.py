"""Shared paths and checks for the import tests."""

from __future__ import annotations

from pathlib import Path

from quiz.importing.model import ParsedDocument
from tests.conftest import REPOSITORY, TEST_DATA

IMPORT_DATA = TEST_DATA / "import"
RESOLUTION = IMPORT_DATA / "resolution.txt"
NEWS = IMPORT_DATA / "news_with_noise.txt"
NEWS_NOISE = IMPORT_DATA / "news_with_noise.noise.txt"
SEED = next((REPOSITORY / "seeds").glob("*.txt"))
GENERIC_TITLE_WORDS = ("section", "phần", "mục", "đoạn", "part")


def assert_offsets_hold(document: ParsedDocument) -> None:
    """Every section and sentence is exactly the slice of the document text its offsets name."""
    for section in document.sections:
        assert document.text[section.start : section.end] == section.text
        previous_end = section.start
        for sentence in section.sentences:
            assert document.text[sentence.start : sentence.end] == sentence.text
            assert section.start <= sentence.start < sentence.end <= section.end
            assert sentence.start >= previous_end
            assert sentence.text == sentence.text.strip() and sentence.text
            previous_end = sentence.end


def assert_real_title(title: str) -> None:
    words = title.split()
    assert 1 <= len(words) <= 10, title
    first = words[0].lower().strip(".:")
    assert not (first in GENERIC_TITLE_WORDS and len(words) <= 2), title
    assert not title.rstrip().endswith((",", ";", ":", "(", "và", "của")), title


def section_texts(path: Path) -> list[str]:
    from quiz.importing import parse_file

    return [section.text for section in parse_file(path).sections]
