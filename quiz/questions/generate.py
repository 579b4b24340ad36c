"""Generate a document's question bank: extract facts, build every candidate, lint, score and keep the best."""

from __future__ import annotations

import hashlib

from quiz.facts import Fact, extract_facts
from quiz.importing.model import ParsedDocument
from quiz.questions.context import BuildContext
from quiz.questions.disambiguation import document_label, with_context
from quiz.questions.entity_questions import acronym_questions, matching_questions, person_questions
from quiz.questions.horizon_questions import horizon_questions
from quiz.questions.linter import lint_with
from quiz.questions.list_questions import list_questions
from quiz.questions.measure_questions import measure_questions
from quiz.questions.model import GeneratedQuestion
from quiz.questions.pools import build_pools
from quiz.questions.scalar_questions import scalar_questions
from quiz.questions.scoring import keep_best
from quiz.questions.structure_questions import structure_questions

_SCALAR_KINDS = ("number", "date", "period", "ordinal", "reference")


def content_hash(text: str) -> str:
    """SHA-256 of the cleaned document text, as the documents table stores it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def candidates(facts: list[Fact], context: BuildContext) -> list[GeneratedQuestion]:
    """Every question the builders can make from ``facts`` (over-generated; not yet linted)."""
    found: list[GeneratedQuestion] = []
    for fact in facts:
        if fact.kind in _SCALAR_KINDS:
            found.extend(scalar_questions(fact, context))
        elif fact.kind == "person":
            found.extend(person_questions(fact, context))
        elif fact.kind == "acronym":
            found.extend(acronym_questions(fact, context))
        elif fact.kind in ("list", "target"):
            found.extend(list_questions(fact, context))
    found.extend(matching_questions(facts, context))
    found.extend(structure_questions(facts, context))
    found.extend(horizon_questions(facts, context))
    found.extend(measure_questions(facts, context))
    return found


def generate_from_facts(
    facts: list[Fact], text: str, seed: int = 0, document_hash: str | None = None
) -> list[GeneratedQuestion]:
    pools = build_pools(facts)
    context = BuildContext(document_hash or content_hash(text), seed, pools)
    found = with_context(candidates(facts, context), facts, pools, document_label(text))
    return keep_best(found, lambda question: not lint_with(question, pools, text))


def generate_questions(
    document: ParsedDocument, seed: int = 0, document_hash: str | None = None
) -> list[GeneratedQuestion]:
    """The kept questions of ``document``; the same text and seed always give the same questions and ids."""
    return generate_from_facts(extract_facts(document), document.text, seed, document_hash)
