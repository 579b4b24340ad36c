"""Moodle XML export (the format Moodle's question bank imports with every option and the feedback)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from quiz.questions.exchange import BankItem

_MOODLE_TYPES = {
    "single": "multichoice",
    "multi": "multichoice",
    "truefalse": "truefalse",
    "cloze": "shortanswer",
    "matching": "matching",
}


def _text(parent: ElementTree.Element, tag: str, value: str, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    ElementTree.SubElement(element, "text").text = value
    return element


def _answer(parent: ElementTree.Element, fraction: float, value: str) -> None:
    _text(parent, "answer", value, fraction=f"{fraction:g}", format="plain_text")


def export_moodle(items: list[BankItem]) -> str:
    """The items as a Moodle XML document (UTF-8 text)."""
    quiz = ElementTree.Element("quiz")
    for item in items:
        question = ElementTree.SubElement(quiz, "question", type=_MOODLE_TYPES[item.type])
        _text(question, "name", item.id)
        _text(question, "questiontext", item.prompt, format="plain_text")
        _text(question, "generalfeedback", item.explanation, format="plain_text")
        ElementTree.SubElement(question, "defaultgrade").text = "1"
        if item.type in ("single", "multi"):
            ElementTree.SubElement(question, "single").text = "true" if item.type == "single" else "false"
            ElementTree.SubElement(question, "shuffleanswers").text = "1"
            ElementTree.SubElement(question, "answernumbering").text = "abc"
            share = 100 / max(len(item.correct), 1)
            penalty = -100 / max(len(item.choices) - len(item.correct), 1) if item.type == "multi" else 0
            for index, choice in enumerate(item.choices):
                _answer(question, round(share if index in item.correct else penalty, 5), choice)
        elif item.type == "truefalse":
            _answer(question, 100 if item.correct == (0,) else 0, "true")
            _answer(question, 100 if item.correct == (1,) else 0, "false")
        elif item.type == "cloze":
            ElementTree.SubElement(question, "usecase").text = "0"
            for answer in item.answers:
                _answer(question, 100, answer)
        elif item.type == "matching":
            ElementTree.SubElement(question, "shuffleanswers").text = "1"
            for left, right in item.pairs:
                sub = _text(question, "subquestion", left, format="plain_text")
                ElementTree.SubElement(ElementTree.SubElement(sub, "answer"), "text").text = right
    ElementTree.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(quiz, encoding="unicode") + "\n"
