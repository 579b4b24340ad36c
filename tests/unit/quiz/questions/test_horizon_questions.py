"""Which horizon a target belongs to: asked where the document names two horizons or more, keyed to its own."""

from __future__ import annotations

from quiz.facts import extract_facts
from quiz.importing.pipeline import parse_text
from quiz.questions.generate import generate_from_facts
from quiz.questions.horizon_questions import PER_HORIZON
from quiz.questions.model import GeneratedQuestion
from tests.conftest import TEST_DATA
from tests.unit.quiz.facts.test_structure import RESOLUTION

CORPUS = TEST_DATA / "resolutions"


def _horizons(text: str, name: str) -> list[GeneratedQuestion]:
    document = parse_text(text, name)
    questions = generate_from_facts(extract_facts(document), document.text)
    return [question for question in questions if question.fact.kind == "horizon"]


def test_a_target_under_a_time_heading_is_keyed_to_that_year() -> None:
    asked = _horizons(RESOLUTION, "nong-nghiep-xanh")
    assert [question.key for question in asked] == ["2030"]
    (question,) = asked
    assert "“Diện tích sản xuất theo tiêu chuẩn hữu cơ đạt ít nhất 1.200 ha" in question.prompt
    # Two horizons: a statement naming one of them, true exactly when it names the key.
    shown = question.prompt.rsplit(" ", 1)[-1].rstrip(".")
    assert question.type == "truefalse" and question.correct == ((0,) if shown == "2030" else (1,))


def test_one_horizon_gives_no_question_and_a_clause_with_its_own_year_is_never_quoted() -> None:
    assert _horizons(RESOLUTION.replace("Tầm nhìn đến năm 2045", "Tầm nhìn dài hạn"), "mot-moc") == []
    for question in _horizons(RESOLUTION, "nong-nghiep-xanh"):
        assert "2026" not in question.prompt and "2025" not in question.prompt


def test_three_horizons_give_ascending_options_and_a_few_questions_per_year() -> None:
    name = "nghi-quyet-dai-hoi-xiii.txt"
    asked = _horizons((CORPUS / name).read_text(encoding="utf-8"), name)
    assert asked
    for question in asked:
        assert question.type == "single" and list(question.choices) == sorted(question.choices)
        assert {"2025", "2030", "2045"} <= set(question.choices)
        assert question.prompt.endswith("thuộc mục tiêu đến năm nào?")
    keys = [question.key for question in asked]
    assert all(keys.count(year) <= PER_HORIZON for year in keys)
