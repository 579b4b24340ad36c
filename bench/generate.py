"""Time fact extraction + question generation (seed, 100 KB, 1 MB), optionally against a baseline commit.

    python bench/generate.py                    # this tree: times and the 1 MB / 100 KB scaling
    python bench/generate.py --baseline HEAD~5  # the same documents timed with that commit's code too

Every figure is the median of ``--runs`` fresh processes, each timing one cold generation (word lists and
patterns loaded on the seed first, so only the document's own work is timed; CPU time, as PCs are shared).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
TEST_DOCUMENTS = REPOSITORY / "tests" / "data" / "generator"
SEED = REPOSITORY / "seeds" / "quan-triet-nghi-quyet-dai-hoi-quang-ninh-xv.txt"
SIZES = {"seed": 0, "100 KB": 100_000, "1 MB": 1_000_000}


def document_text(size: int) -> str:
    """The seed (size 0), or about ``size`` bytes of the test documents repeated with a copy number."""
    if size == 0:
        return SEED.read_text(encoding="utf-8")
    parts = [path.read_text(encoding="utf-8") for path in sorted(TEST_DOCUMENTS.glob("*.txt"))]
    chunks: list[str] = []
    total = copy = 0
    while total < size:
        copy += 1
        for part in parts:
            chunk = f"Phần {copy}\n\n{part}\n\n"
            chunks.append(chunk)
            total += len(chunk.encode("utf-8"))
    return "".join(chunks)


def measure(code_root: Path, size: int) -> dict[str, float]:
    """One cold generation with the code under ``code_root`` (run inside a fresh process)."""
    sys.path.insert(0, str(code_root))
    from quiz.facts import extract_facts
    from quiz.importing.pipeline import parse_text
    from quiz.questions.generate import generate_from_facts

    warm_up = parse_text(document_text(0), "seed")
    generate_from_facts(extract_facts(warm_up), warm_up.text)
    document = parse_text(document_text(size), "bench") if size else warm_up
    started = time.process_time()
    facts = extract_facts(document)
    questions = generate_from_facts(facts, document.text)
    seconds = time.process_time() - started
    size_kb = len(document.text.encode("utf-8")) / 1000
    return {"seconds": seconds, "facts": len(facts), "questions": len(questions), "kb": size_kb}


def median_of_runs(code_root: Path, size: int, runs: int) -> dict[str, float]:
    """The median time of ``runs`` fresh processes (counts from the last one)."""
    results = []
    for _ in range(runs):
        command = [sys.executable, __file__, "--measure", str(size), "--code", str(code_root)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
    result = dict(results[-1])
    result["seconds"] = statistics.median(found["seconds"] for found in results)
    return result


def exported(revision: str, folder: Path) -> Path:
    """The code of ``revision`` extracted into ``folder`` (git archive; the work tree is left alone)."""
    archive = subprocess.run(["git", "archive", revision], cwd=REPOSITORY, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def report(name: str, code_root: Path, runs: int) -> dict[str, float]:
    times: dict[str, float] = {}
    for label, size in SIZES.items():
        result = median_of_runs(code_root, size, runs if size < 1_000_000 else max(1, runs - 1))
        times[label] = result["seconds"]
        print(
            f"{name:>9} {label:>7}: {result['kb']:7.0f} KB {result['facts']:6.0f} facts "
            f"{result['questions']:6.0f} questions {result['seconds'] * 1000:9.1f} ms",
            flush=True,
        )
    print(f"{name:>9} scaling 1 MB / 100 KB: {times['1 MB'] / times['100 KB']:.1f}x (target ≤ 11x)")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="a git revision to time with the same documents")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per figure (median)")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, default=REPOSITORY, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure is not None:
        print(json.dumps(measure(arguments.code, arguments.measure)))
        return 0
    current = report("this tree", REPOSITORY, arguments.runs)
    if arguments.baseline:
        with tempfile.TemporaryDirectory() as folder:
            before = report(arguments.baseline[:9], exported(arguments.baseline, Path(folder)), arguments.runs)
        for label in SIZES:
            print(f"speed-up {label:>7}: {before[label] / current[label]:.2f}x (target on 100 KB ≥ 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
