"""Count wrong questions per document: ambiguous stems and "Sai" statements that are true (qualifiers).

    python bench/question_audit.py                    # this tree
    python bench/question_audit.py --baseline eb13f43 # the same documents with that commit's code too

Ambiguous: a choice or cloze question whose stem (without a leading "Theo Nghị quyết,") reads the same as the
stem another fact of the document would get, with another value (a member who knows the text is marked wrong).
Wrong "Sai": a false statement whose changed value the text's bound still covers ("ít nhất 80 %" shown as
"ít nhất 60 %"; "dưới 10 %" as "dưới 24 %"; "trước ngày 30/9" as "trước ngày 5/10").
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent
DOCUMENTS = [
    *sorted((REPOSITORY / "tests" / "data" / "resolution-shapes").glob("*.txt")),
    *sorted((REPOSITORY / "seeds").glob("*.txt")),
    *sorted((REPOSITORY / "tests" / "data" / "generator").glob("*.txt")),
    # Real full-length texts, once the corpus of issue 14 is merged in.
    *sorted((REPOSITORY / "tests" / "data" / "resolutions").glob("*.txt")),
]
_FLOORS = ("dat tren", "tren", "hon", "it nhat", "toi thieu", "vuot", "khong duoi", "khong thap hon")
_CEILINGS = ("duoi", "toi da", "khong qua", "khong vuot qua")
SCALAR_KINDS = ("number", "date", "period", "ordinal", "reference")
_DOCUMENT_PREFIX = re.compile(r"^theo [^,]{1,20}, ")
_VALUE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,/]\d+)*")


def _direction(fact: Any, fold: Any) -> int:
    qualifier = fold(fact.qualifier)
    if fact.kind == "date":
        first = (qualifier.split() or [""])[0]
        return -1 if first in ("truoc", "cham", "den", "het", "han") else 1 if first in ("tu", "sau") else 0
    if qualifier in _FLOORS:
        return 1
    if qualifier in _CEILINGS:
        return -1
    rest = fold(fact.sentence.text[fact.relative_end : fact.relative_end + 70])
    before = fold(fact.sentence.text[max(0, fact.relative_start - 8) : fact.relative_start])
    if re.search(r"(?<!\w)tu\s*$", before) and re.match(r"[^,;.:()]*?tro (len|xuong)", rest):
        return 1 if "tro len" in rest else -1
    return 0


def _number(text: str) -> float:
    parts = [int(part) for part in re.findall(r"\d+", text)]
    if "/" in text and len(parts) >= 2:
        year = parts[2] if len(parts) > 2 else 0
        return float(year * 10000 + parts[1] * 100 + parts[0])
    return float(text.replace(".", "").replace(",", "."))


def audit(code_root: Path) -> dict[str, dict[str, int]]:
    sys.path.insert(0, str(code_root))
    from quiz.facts import extract_facts
    from quiz.importing.pipeline import parse_file
    from quiz.questions import scalar_questions, stems
    from quiz.questions.generate import generate_questions
    from quiz.questions.model import BLANK
    from quiz.text import fold, fold_answer

    stem_with = getattr(stems, "stem_with", None) or getattr(scalar_questions, "_with")  # noqa: B009

    results: dict[str, dict[str, int]] = {}
    for path in DOCUMENTS:
        document = parse_file(path)
        questions = generate_questions(document)
        scalars = [fact for fact in extract_facts(document) if fact.kind in SCALAR_KINDS]
        wrong_false = ambiguous = 0
        for question in questions:
            fact = question.fact
            if question.type in ("single", "cloze") and fact.kind in SCALAR_KINDS:
                word = BLANK if question.type == "cloze" else scalar_questions.question_word(fact)
                core = _DOCUMENT_PREFIX.sub("", fold(question.prompt)).rstrip(" .?")
                ambiguous += any(
                    fold_answer(other.answer) != fold_answer(fact.answer)
                    and other.kind == fact.kind
                    and fold(stem_with(other, word, "")).rstrip(" .?") == core
                    for other in scalars
                )
            if question.type != "truefalse" or question.correct != (1,) or fact.kind not in ("number", "date"):
                continue
            direction = _direction(fact, fold)
            shown = [value for value in _VALUE.findall(question.prompt) if value not in fact.sentence.text]
            if direction and shown and (_number(shown[0]) - _number(question.key)) * direction < 0:
                wrong_false += 1
        results[path.name] = {"questions": len(questions), "ambiguous": ambiguous, "wrong_false": wrong_false}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="a git revision audited on the same documents")
    parser.add_argument("--audit", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.audit is not None:
        print(json.dumps(audit(arguments.audit)))
        return 0
    columns = {"this tree": audit(REPOSITORY)}
    if arguments.baseline:
        from generate import exported  # the bench folder is on sys.path when run as a script

        with tempfile.TemporaryDirectory() as folder:
            root = exported(arguments.baseline, Path(folder))
            done = subprocess.run(
                [sys.executable, __file__, "--audit", str(root)], capture_output=True, text=True, check=True
            )
            columns[arguments.baseline[:9]] = json.loads(done.stdout)
    print(f"{'document':<40}" + "".join(f"{name:>28}" for name in columns))
    print(f"{'':<40}" + "".join(f"{'questions ambiguous wrongSai':>28}" for _ in columns))
    totals = {name: [0, 0, 0] for name in columns}
    for path in DOCUMENTS:
        row = f"{path.stem[:39]:<40}"
        for name, results in columns.items():
            found = results[path.name]
            figures = (found["questions"], found["ambiguous"], found["wrong_false"])
            totals[name] = [total + figure for total, figure in zip(totals[name], figures, strict=True)]
            row += f"{figures[0]:>13}{figures[1]:>10}{figures[2]:>5}"
        print(row)
    print(f"{'total':<40}" + "".join(f"{t[0]:>13}{t[1]:>10}{t[2]:>5}" for t in totals.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
