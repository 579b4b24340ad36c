"""Structure facts: enumerations read as groups with the text's label, count, ordered item labels and path."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

import main
from quiz.facts import Fact, extract_facts
from quiz.facts.model import folded
from quiz.importing.pipeline import parse_text
from quiz.questions.pools import overlap
from tests.conftest import TEST_DATA

CORPUS = TEST_DATA / "resolutions"
ANNOTATED = sorted(CORPUS.glob("*.structure.json"))
MINIMUM_RECALL = 0.9

# A resolution written for this test: numbered parts, a time heading with bullets, a lead-in with a count,
# "Thứ nhất … Thứ ba" and "(1) … (3)" items.
RESOLUTION = """NGHỊ QUYẾT về phát triển nông nghiệp xanh của huyện Tân Thành

I- QUAN ĐIỂM CHỈ ĐẠO

1. Phát triển nông nghiệp xanh là nhiệm vụ trọng tâm, lâu dài của cả hệ thống chính trị huyện Tân Thành.

2. Người nông dân là chủ thể, doanh nghiệp là động lực, Nhà nước giữ vai trò kiến tạo và hỗ trợ.

3. Gắn phát triển nông nghiệp với bảo vệ môi trường, thích ứng với biến đổi khí hậu và xây dựng nông thôn mới.

II- MỤC TIÊU

1. Đến năm 2030

- Giá trị sản xuất nông nghiệp tăng bình quân 4,5% mỗi năm trong giai đoạn 2026 - 2030.
- Diện tích sản xuất theo tiêu chuẩn hữu cơ đạt ít nhất 1.200 ha trên địa bàn toàn huyện.
- Thu nhập bình quân của hộ nông dân tăng gấp hai lần so với năm 2025 nhờ chuỗi liên kết.

2. Tầm nhìn đến năm 2045

Tân Thành trở thành huyện có nền nông nghiệp xanh, hiện đại, thu nhập cao của tỉnh.

III- NHIỆM VỤ, GIẢI PHÁP

Huyện ủy xác định 3 khâu đột phá sau đây:

Thứ nhất, hoàn thiện quy hoạch vùng sản xuất tập trung gắn với hạ tầng thủy lợi.

Thứ hai, đào tạo nghề cho lao động nông thôn theo nhu cầu của doanh nghiệp.

Thứ ba, thu hút doanh nghiệp đầu tư chế biến sâu và tiêu thụ nông sản.

Các xã tập trung thực hiện các nội dung sau:

(1) Rà soát quỹ đất, lập danh mục dự án kêu gọi đầu tư trước tháng 6 năm 2026.

(2) Thành lập tổ hợp tác và hợp tác xã kiểu mới ở mỗi thôn, ấp trên địa bàn.

(3) Tổ chức tập huấn quy trình sản xuất an toàn cho hộ nông dân hằng quý.
"""


def _groups(facts: list[Fact]) -> dict[str, list[Fact]]:
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        # Position 0 is the group itself, found in its lead; the items are numbered from 1.
        if fact.kind == "structure" and fact.value:
            groups[fact.subject + "|" + fact.head].append(fact)
    return groups


def _by_label(facts: list[Fact]) -> dict[str, list[Fact]]:
    groups = _groups(facts).values()
    return {members[0].subject: sorted(members, key=lambda fact: fact.value or 0) for members in groups}


@pytest.fixture(scope="module")
def written() -> tuple[str, list[Fact]]:
    document = parse_text(RESOLUTION, "nong-nghiep-xanh")
    return document.text, extract_facts(document)


def test_numbered_parts_become_labelled_groups_with_their_count(written: tuple[str, list[Fact]]) -> None:
    _, facts = written
    groups = _by_label(facts)
    viewpoints = groups["quan điểm chỉ đạo"]
    assert [fact.count for fact in viewpoints] == [3, 3, 3]
    assert [fact.value for fact in viewpoints] == [1.0, 2.0, 3.0]
    assert viewpoints[1].answer.startswith("Người nông dân là chủ thể")
    assert all(fact.qualifier == "numbered" and fact.head == "I- QUAN ĐIỂM CHỈ ĐẠO" for fact in viewpoints)


def test_bullets_under_a_time_heading_are_the_targets_of_that_year(written: tuple[str, list[Fact]]) -> None:
    _, facts = written
    targets = _by_label(facts)["mục tiêu đến năm 2030"]
    assert len(targets) == 3
    assert targets[0].answer.startswith("Giá trị sản xuất nông nghiệp tăng bình quân")
    assert targets[0].qualifier == ""  # bullets are not numbered: no "the second one" questions
    assert targets[0].head.endswith("1. Đến năm 2030")


def test_ordinal_sentences_and_their_stated_count(written: tuple[str, list[Fact]]) -> None:
    _, facts = written
    breakthroughs = _by_label(facts)["khâu đột phá"]
    assert [fact.answer.split()[0] for fact in breakthroughs] == ["hoàn", "đào", "thu"]
    assert breakthroughs[0].count == 3


def test_parenthesised_numbers_after_a_lead_in(written: tuple[str, list[Fact]]) -> None:
    _, facts = written
    contents = _by_label(facts)["nội dung"]
    assert [fact.answer[:6] for fact in contents] == ["Rà soá", "Thành ", "Tổ chứ"]


def test_labels_are_clean_spans_of_their_sentence(written: tuple[str, list[Fact]]) -> None:
    text, facts = written
    for fact in facts:
        if fact.kind != "structure":
            continue
        assert text[fact.start : fact.end] == fact.answer
        if fact.value == 0:
            assert folded(fact.answer) in folded(fact.lead)
            continue
        assert fact.sentence.start <= fact.start and fact.end <= fact.sentence.end
        assert not fact.answer.endswith((" đó", " này", ":", ",", " và")), fact.answer
        assert fact.answer in fact.items


def test_a_stated_count_that_disagrees_with_the_items_gives_no_group() -> None:
    text = RESOLUTION.replace("xác định 3 khâu đột phá", "xác định 4 khâu đột phá")
    facts = extract_facts(parse_text(text, "lech"))
    assert "khâu đột phá" not in _by_label(facts)


def test_facts_json_lists_the_structure_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nong-nghiep.txt"
    path.write_text(RESOLUTION, encoding="utf-8")
    assert main.main(["facts", str(path), "--json"]) == 0
    listed = [fact for fact in json.loads(capsys.readouterr().out) if fact["kind"] == "structure"]
    assert listed
    first = listed[0]
    assert {"group", "count", "position", "items", "numbered", "path", "section", "answer"} <= set(first)
    assert first["group"] == "quan điểm chỉ đạo" and first["count"] == len(first["items"]) == 3


def _found(group: dict[str, Any], facts: list[Fact]) -> bool:
    for members in _groups(facts).values():
        first = members[0]
        if folded(first.subject) != folded(group["label"]) or first.count != group["count"]:
            continue
        if all(overlap(want, got) >= 0.6 for want, got in zip(group["items"], first.items, strict=False)):
            return True
    return False


@pytest.mark.parametrize("annotation", ANNOTATED, ids=lambda path: path.name)
def test_recall_on_the_hand_annotated_corpus(annotation: Path) -> None:
    data = json.loads(annotation.read_text(encoding="utf-8"))
    document = parse_text((CORPUS / data["document"]).read_text(encoding="utf-8"), data["document"])
    facts = extract_facts(document)
    found = sum(1 for group in data["groups"] if _found(group, facts))
    assert found / len(data["groups"]) >= MINIMUM_RECALL, (found, len(data["groups"]))


def test_numbering_that_starts_again_after_a_lead_in_is_a_new_group() -> None:
    # The congress resolution numbers "(1) … (12)" of its orientations, then "(1) … (6)" of its central tasks
    # and "(1) … (3)" of its breakthroughs, each list announced by a paragraph of its own, in one section.
    name = "nghi-quyet-dai-hoi-xiii.txt"
    facts = extract_facts(parse_text((CORPUS / name).read_text(encoding="utf-8"), name))
    groups = _by_label(facts)
    # The time and the leading "Các" are no part of the label, which reads as a plural noun.
    assert [len(groups[label]) for label in ("định hướng phát triển đất nước", "nhiệm vụ trọng tâm")] == [12, 6]
    assert [fact.answer[:20] for fact in groups["đột phá chiến lược"]] == [
        "Hoàn thiện đồng bộ t",
        "Phát triển nguồn nhâ",
        "Xây dựng hệ thống kế",
    ]
