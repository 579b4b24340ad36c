"""Time fact extraction + question generation on the seed, a 100 KB and a 1 MB document; print the scaling ratio."""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from quiz.facts import extract_facts  # noqa: E402
from quiz.importing.model import ParsedDocument  # noqa: E402
from quiz.importing.pipeline import parse_file, parse_text  # noqa: E402
from quiz.questions.generate import generate_from_facts  # noqa: E402

TEST_DOCUMENTS = REPOSITORY / "tests" / "data" / "generator"
SEED = REPOSITORY / "seeds" / "quan-triet-nghi-quyet-dai-hoi-quang-ninh-xv.txt"
REPEATS = 5


def concatenated(size: int) -> ParsedDocument:
    """A document of about ``size`` bytes made of the test documents, repeated with a copy number."""
    parts = [path.read_text(encoding="utf-8") for path in sorted(TEST_DOCUMENTS.glob("*.txt"))]
    chunks: list[str] = []
    total = 0
    copy = 0
    while total < size:
        copy += 1
        for part in parts:
            chunk = f"Phần {copy}\n\n{part}\n\n"
            chunks.append(chunk)
            total += len(chunk.encode("utf-8"))
    return parse_text("".join(chunks), "bench")


def timed(document: ParsedDocument, repeats: int) -> tuple[float, int, int]:
    """Best CPU time of ``repeats`` runs of facts + questions (parsing excluded; CPU time, as PCs are shared)."""
    best = float("inf")
    facts_count = questions_count = 0
    for _ in range(repeats):
        started = time.process_time()
        facts = extract_facts(document)
        questions = generate_from_facts(facts, document.text)
        best = min(best, time.process_time() - started)
        facts_count, questions_count = len(facts), len(questions)
    return best, facts_count, questions_count


def main() -> int:
    seed = parse_file(SEED)
    timed(seed, 1)  # load word lists and compile patterns once
    rows = [("seed", seed, REPEATS), ("100 KB", concatenated(100_000), 3), ("1 MB", concatenated(1_000_000), 2)]
    results: dict[str, float] = {}
    for name, document, repeats in rows:
        seconds, facts, questions = timed(document, repeats)
        results[name] = seconds
        size = len(document.text.encode("utf-8")) / 1000
        print(f"{name:>7}: {size:8.0f} KB  {facts:6d} facts  {questions:6d} questions  {seconds * 1000:9.1f} ms")
    ratio = results["1 MB"] / results["100 KB"]
    print(f"scaling 1 MB / 100 KB: {ratio:.1f}x (target ≤ 12x); seed target well under 100 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
