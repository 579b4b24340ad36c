"""Time fact extraction + question generation (seed, 100 KB, 1 MB), optionally against a baseline commit.

    python bench/generate.py                    # this tree: times and the 1 MB / 100 KB scaling
    python bench/generate.py --baseline HEAD~5  # the same documents timed with that commit's code too

Every figure is the median of ``--runs`` fresh processes (the trees taking turns), each timing one cold
generation (word lists and patterns loaded on the seed first, so only the document's own work is timed; CPU
time, as PCs are shared).
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


def _run(code_root: Path, size: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", str(size), "--code", str(code_root)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def medians(code_roots: dict[str, Path], size: int, runs: int) -> dict[str, dict[str, float]]:
    """Per code tree, the median time of ``runs`` fresh processes; the trees take turns run by run, so a
    change in the machine's load falls on both alike (counts come from the last run)."""
    results: dict[str, list[dict[str, float]]] = {name: [] for name in code_roots}
    for _ in range(runs):
        for name, root in code_roots.items():
            results[name].append(_run(root, size))
    medians_by_tree: dict[str, dict[str, float]] = {}
    for name, found in results.items():
        medians_by_tree[name] = dict(found[-1])
        medians_by_tree[name]["seconds"] = statistics.median(result["seconds"] for result in found)
    return medians_by_tree


def exported(revision: str, folder: Path) -> Path:
    """The code of ``revision`` extracted into ``folder`` (git archive; the work tree is left alone)."""
    archive = subprocess.run(["git", "archive", revision], cwd=REPOSITORY, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def report(code_roots: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    """Time every size with every tree; print one line per size and tree, and the scaling."""
    times: dict[str, dict[str, float]] = {name: {} for name in code_roots}
    for label, size in SIZES.items():
        found = medians(code_roots, size, runs if size < 1_000_000 else max(1, runs - 1))
        for name, result in found.items():
            times[name][label] = result["seconds"]
            print(
                f"{name:>9} {label:>7}: {result['kb']:7.0f} KB {result['facts']:6.0f} facts "
                f"{result['questions']:6.0f} questions {result['seconds'] * 1000:9.1f} ms",
                flush=True,
            )
    for name, by_size in times.items():
        print(f"{name:>9} scaling 1 MB / 100 KB: {by_size['1 MB'] / by_size['100 KB']:.1f}x (target ≤ 11x)")
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
    with tempfile.TemporaryDirectory() as folder:
        code_roots = {"this tree": REPOSITORY}
        if arguments.baseline:
            code_roots[arguments.baseline[:9]] = exported(arguments.baseline, Path(folder))
        times = report(code_roots, arguments.runs)
    if arguments.baseline:
        current, before = times["this tree"], times[arguments.baseline[:9]]
        for label in SIZES:
            print(f"speed-up {label:>7}: {before[label] / current[label]:.2f}x (target on 100 KB ≥ 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
