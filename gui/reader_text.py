"""The document text view: plain text at document offsets, subtle fact marks, search hits, the source sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from gui.style import colours
from quiz.text import fold


@dataclass(frozen=True)
class HeadingSpan:
    """A heading line in the document text (document offsets) drawn bold and larger."""

    start: int
    end: int
    level: int


class ReaderText(QTextEdit):
    """Read-only; every public offset is a Python index into the document text (converted for Qt)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader_text")
        self.setReadOnly(True)
        # Keyboard users move a caret through the text and can select it to copy.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self._text = ""
        self._folded = ""
        # Python index → Qt (UTF-16) position; None while the text has no characters outside the BMP.
        self._utf16: list[int] | None = None
        self._hits: list[tuple[int, int]] = []
        self._current_hit = -1
        self._source: tuple[int, int] | None = None
        self._high_contrast = False
        self._facts_visible = True
        self._headings: tuple[HeadingSpan, ...] = ()
        self._facts: tuple[tuple[int, int], ...] = ()

    # Content -----------------------------------------------------------------------------------------------

    def set_document(
        self, text: str, headings: Sequence[HeadingSpan] = (), facts: Sequence[tuple[int, int]] = ()
    ) -> None:
        self._text = text
        self._folded = fold(text)
        self._utf16 = _utf16_positions(text) if any(ord(character) > 0xFFFF for character in text) else None
        self._hits, self._current_hit, self._source = [], -1, None
        self._headings, self._facts = tuple(headings), tuple(facts)
        self.setPlainText(text)
        self._format_spans(headings, facts if self._facts_visible else ())
        self._refresh_selections()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_high_contrast(self, high_contrast: bool) -> None:
        self._high_contrast = high_contrast
        self._refresh_selections()

    def set_facts_visible(self, visible: bool) -> None:
        """Show or hide the dotted underline under sentences that have questions (keeps scroll and marks)."""
        if visible == self._facts_visible:
            return
        self._facts_visible = visible
        self.reformat()

    def reformat(self) -> None:
        """Draw headings and fact marks again (after a font size change or the facts switch)."""
        position = self.verticalScrollBar().value()
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        self._format_spans(self._headings, self._facts if self._facts_visible else ())
        self.verticalScrollBar().setValue(position)

    @property
    def facts_visible(self) -> bool:
        return self._facts_visible

    def fact_underlined(self, index: int) -> bool:
        """Whether the character at ``index`` carries the fact underline (for tests)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(index) + 1)
        return cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine

    @property
    def document_text(self) -> str:
        return self._text

    def qt_position(self, index: int) -> int:
        index = max(0, min(index, len(self._text)))
        return self._utf16[index] if self._utf16 is not None else index

    def python_index(self, position: int) -> int:
        if self._utf16 is None:
            return position
        from bisect import bisect_left

        return bisect_left(self._utf16, position)

    def _format_spans(self, headings: Sequence[HeadingSpan], facts: Sequence[tuple[int, int]]) -> None:
        # A dotted underline, not a background: most sentences of a resolution carry a fact, and a page of
        # yellow would drown the search hits and the source sentence.
        fact_format = QTextCharFormat()
        fact_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fact_format.setUnderlineColor(QColor(colours(self._high_contrast)["fact"]))
        for start, end in facts:
            self._cursor_for(start, end).mergeCharFormat(fact_format)
        for heading in headings:
            heading_format = QTextCharFormat()
            heading_format.setFontWeight(700)
            heading_format.setFontPointSize(self.font().pointSizeF() * (1.25 if heading.level <= 1 else 1.1))
            self._cursor_for(heading.start, heading.end).mergeCharFormat(heading_format)

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_position(start))
        cursor.setPosition(self.qt_position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # Source sentence ---------------------------------------------------------------------------------------

    def show_span(self, start: int, end: int) -> None:
        """Select and highlight [start, end) and scroll it into the middle of the view."""
        self._source = (start, end)
        cursor = self._cursor_for(start, end)
        self.setTextCursor(cursor)
        self._refresh_selections()
        self._centre_cursor()
        # The view may only now be shown again (after an exam): centre once more after its layout settles.
        QTimer.singleShot(0, self._centre_cursor)

    def scroll_to(self, index: int) -> None:
        cursor = self._cursor_for(index, index)
        self.setTextCursor(cursor)
        # Put the target at the top: scroll to the end first so ensureCursorVisible moves it up.
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
        self.ensureCursorVisible()

    def _centre_cursor(self) -> None:
        self.ensureCursorVisible()
        cursor = QTextCursor(self.textCursor())
        cursor.setPosition(self.textCursor().selectionStart())
        rectangle = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rectangle.center().y() - self.viewport().height() // 2)

    # Search ------------------------------------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Highlight every folded occurrence of ``query``; returns the number of hits and shows the first."""
        needle = fold(query.strip())
        self._hits = []
        if needle:
            found = self._folded.find(needle)
            while found >= 0:
                self._hits.append((found, found + len(needle)))
                found = self._folded.find(needle, found + len(needle))
        self._current_hit = 0 if self._hits else -1
        self._refresh_selections()
        if self._hits:
            self._select_hit()
        return len(self._hits)

    @property
    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    @property
    def current_hit(self) -> int:
        return self._current_hit

    def next_hit(self, step: int = 1) -> None:
        if not self._hits:
            return
        self._current_hit = (self._current_hit + step) % len(self._hits)
        self._refresh_selections()
        self._select_hit()

    def _select_hit(self) -> None:
        start, end = self._hits[self._current_hit]
        self.setTextCursor(self._cursor_for(start, end))
        self._centre_cursor()

    def _refresh_selections(self) -> None:
        chosen = colours(self._high_contrast)
        selections: list[QTextEdit.ExtraSelection] = []
        if self._source is not None:
            selections.append(self._selection(*self._source, QColor(chosen["source"]), full_width=False))
        for number, (start, end) in enumerate(self._hits):
            colour = QColor(chosen["hit"])
            if number == self._current_hit:
                colour = colour.darker(130)
            selections.append(self._selection(start, end, colour, full_width=False))
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, colour: QColor, full_width: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor_for(start, end)
        text_format = QTextCharFormat()
        text_format.setBackground(colour)
        if full_width:
            text_format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = text_format
        return selection

    def cursor_index(self) -> int:
        """The document index at the top-left of the visible text (for "which section am I reading")."""
        return self.python_index(self.cursorForPosition(self.viewport().rect().topLeft()).position())

    def visible_range(self) -> tuple[int, int]:
        """Document indexes of the first and last characters on screen."""
        rectangle = self.viewport().rect()
        return (
            self.python_index(self.cursorForPosition(rectangle.topLeft()).position()),
            self.python_index(self.cursorForPosition(rectangle.bottomRight()).position()),
        )


def _utf16_positions(text: str) -> list[int]:
    positions = [0]
    for character in text:
        positions.append(positions[-1] + (2 if ord(character) > 0xFFFF else 1))
    return positions
