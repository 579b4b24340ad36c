"""News pages: lede dates, a date range as one fact, references in lower case, captions out of the titles."""

from __future__ import annotations

from quiz.facts import extract_facts
from quiz.importing.pipeline import parse_file
from quiz.questions.generate import generate_questions
from tests.conftest import TEST_DATA

NEWS = TEST_DATA / "resolution-shapes" / "tin-hoi-nghi-tinh-uy.txt"


def test_lede_dates_ranges_and_lower_case_references_are_facts() -> None:
    facts = extract_facts(parse_file(NEWS))
    dates = [fact.answer for fact in facts if fact.kind == "date"]
    assert dates == ["3/10", "15/10", "13/10/2020 đến ngày 15/10/2020", "15-10"]
    assert [fact.answer for fact in facts if fact.kind == "reference"] == ["nghị quyết số 18-NQ/TW"]


def test_a_date_range_is_asked_as_a_whole() -> None:
    questions = [question for question in generate_questions(parse_file(NEWS)) if "," not in question.key]
    (asked,) = [question for question in questions if question.type == "single" and "đến ngày" in question.key]
    assert "từ ngày nào đến ngày nào" in asked.prompt
    assert asked.key == "13/10/2020 đến ngày 15/10/2020"
    starts = []
    for choice in asked.choices:
        first, last = (int(date.split("/")[0]) for date in choice.split(" đến ngày "))
        assert (last - first) % 31 == 2, choice  # every option lasts as long as the real one
        starts.append(first)
    assert starts == sorted(starts) and asked.key in asked.choices


def test_a_caption_line_never_titles_a_section() -> None:
    document = parse_file(NEWS)
    assert "Toàn cảnh hội nghị." in [line.line for line in document.removed_lines]
    assert not [section.title for section in document.sections if "Toàn cảnh" in section.title]
