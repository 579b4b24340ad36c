"""Typed facts (numbers, dates, persons, acronyms, lists, …) extracted from a document with their provenance."""

from quiz.facts.extract import extract_facts
from quiz.facts.model import Fact

__all__ = ["Fact", "extract_facts"]
