"""Turn a saved web page (HTML, even when named .txt) into plain text lines, one per block element."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# A page saved from a browser: a doctype or <html>, or several of the usual block tags near the start.
_DOCUMENT_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<(?:p|div|br|h[1-6]|li|table|body|span|a)[\s>/]", re.IGNORECASE)
_SKIPPED = {"script", "style", "head", "noscript", "template", "svg", "nav", "footer", "form", "button"}
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "blockquote",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
}


def looks_like_html(text: str) -> bool:
    """True for HTML markup rather than prose that mentions a tag or two."""
    start = text[:4000]
    return bool(_DOCUMENT_START.match(start)) or len(_BLOCK_TAG.findall(start)) >= 5


def html_to_text(markup: str) -> str:
    """The visible text of ``markup``: scripts, styles, the head and navigation dropped, blocks on new lines."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return collector.text()


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts.append(data.replace("\n", " "))

    def text(self) -> str:
        lines = (re.sub(r"\s+", " ", html.unescape(line)).strip() for line in "".join(self._parts).split("\n"))
        # Keep one empty line between blocks so paragraphs stay paragraphs.
        return re.sub(r"\n{3,}", "\n\n", "\n\n".join(line for line in lines if line))
