"""Per document: characters, questions, questions per 1,000 characters, share of sections (≥ 300 characters)
with ≥ 2 questions, structure recall against the hand annotations, ambiguous stems, linter failures and time.

    .venv/bin/python bench/coverage.py [--without-structure] [FILE ...]

Without files it reads the full-length corpus (tests/data/resolutions) and the short test texts
(tests/data/generator). ``--without-structure`` drops the structure facts before generating: the figures
the generator gave before they existed. Time is CPU time of facts + questions, the best of three runs.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from quiz.facts import Fact, extract_facts  # noqa: E402
from quiz.facts.model import folded  # noqa: E402
from quiz.importing.model import ParsedDocument  # noqa: E402
from quiz.importing.pipeline import parse_file  # noqa: E402
from quiz.questions.generate import generate_from_facts  # noqa: E402
from quiz.questions.linter import lint_with  # noqa: E402
from quiz.questions.model import GeneratedQuestion  # noqa: E402
from quiz.questions.pools import build_pools, overlap  # noqa: E402

CORPUS = REPOSITORY / "tests" / "data" / "resolutions"
SHORT_TEXTS = REPOSITORY / "tests" / "data" / "generator"
LONG_SECTION = 300
REPEATS = 3
ITEM_OVERLAP = 0.6


def run(document: ParsedDocument, without_structure: bool) -> tuple[list[Fact], list[GeneratedQuestion], float]:
    best = float("inf")
    facts: list[Fact] = []
    questions: list[GeneratedQuestion] = []
    for _ in range(REPEATS):
        started = time.process_time()
        facts = extract_facts(document)
        if without_structure:
            facts = [fact for fact in facts if fact.kind != "structure"]
        questions = generate_from_facts(facts, document.text)
        best = min(best, time.process_time() - started)
    return facts, questions, best


def section_coverage(document: ParsedDocument, questions: list[GeneratedQuestion]) -> tuple[int, int]:
    per_section: dict[int, int] = defaultdict(int)
    for question in questions:
        per_section[question.section] += 1
    long_sections = [index for index, section in enumerate(document.sections) if len(section.text) >= LONG_SECTION]
    return sum(1 for index in long_sections if per_section[index] >= 2), len(long_sections)


def ambiguous_stems(questions: list[GeneratedQuestion]) -> int:
    keys: dict[str, set[str]] = defaultdict(set)
    for question in questions:
        if question.type != "matching":
            keys[folded(question.prompt)].add(folded(question.key))
    return sum(1 for found in keys.values() if len(found) > 1)


def structure_recall(path: Path, facts: list[Fact]) -> tuple[int, int] | None:
    """(annotated groups found with their count and items in order, annotated groups); None without annotations."""
    annotation = path.with_name(path.name.split(".")[0] + ".structure.json")
    if not annotation.exists():
        return None
    expected: list[dict[str, Any]] = json.loads(annotation.read_text(encoding="utf-8"))["groups"]
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.kind == "structure":
            groups[dict(fact.extra)["group"] + fact.head].append(fact)
    found = 0
    for group in expected:
        label = folded(group["label"])
        for members in groups.values():
            first = members[0]
            if folded(first.subject) != label or first.count != group["count"]:
                continue
            if all(overlap(want, got) >= ITEM_OVERLAP for want, got in zip(group["items"], first.items, strict=False)):
                found += 1
                break
    return found, len(expected)


def main(arguments: list[str]) -> int:
    without_structure = "--without-structure" in arguments
    files = [Path(argument) for argument in arguments if not argument.startswith("--")]
    if not files:
        files = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.docx")) + sorted(CORPUS.glob("*.pdf"))
        files += sorted(SHORT_TEXTS.glob("*.txt"))
    extract_facts(parse_file(files[0]))  # load the word lists and compile the patterns once
    header = f"{'document':<42} {'chars':>7} {'quest':>5} {'q/1000':>6} {'sections':>9} {'struct':>7} {'ambig':>5}"
    print(header + f" {'lint':>4} {'ms':>7}")
    for path in files:
        document = parse_file(path)
        facts, questions, seconds = run(document, without_structure)
        pools = build_pools(facts)
        failures = sum(1 for question in questions if lint_with(question, pools, document.text))
        covered, long_sections = section_coverage(document, questions)
        recall = structure_recall(path, facts)
        characters = len(document.text)
        print(
            f"{path.name[:42]:<42} {characters:>7} {len(questions):>5} {1000 * len(questions) / characters:>6.2f}"
            f" {f'{covered}/{long_sections}':>9}"
            f" {(f'{recall[0]}/{recall[1]}' if recall else '-'):>7} {ambiguous_stems(questions):>5}"
            f" {failures:>4} {seconds * 1000:>7.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
