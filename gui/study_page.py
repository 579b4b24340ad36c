"""The "Học tập" page: the reader and the quiz panel side by side; an exam takes the whole width."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from gui.quiz_panel import QuizPanel
from gui.reader import Reader
from gui.style import named
from quiz.service import Service


class StudyPage(QWidget):
    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = Reader(service)
        self.quiz = QuizPanel(service)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "study_splitter")
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.quiz)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.layout_restored = False  # set by the window when it restored the user's own split
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.reader.section_changed.connect(self.quiz.set_section)
        self.quiz.exam_running.connect(self._exam_running)
        self.quiz.source_requested.connect(self.show_source)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.layout_restored:
            self.layout_restored = True
            # After the layout settles: the text gets three fifths, the quiz two.
            QTimer.singleShot(
                0, lambda: self.splitter.setSizes([self.splitter.width() * 3 // 5, self.splitter.width() * 2 // 5])
            )

    def set_member(self, member_id: str | None) -> None:
        self.reader.set_member(member_id)
        self.quiz.set_context(member_id, self.reader.document_id)
        self.quiz.set_section(self.reader.current_section.id if self.reader.current_section else None)

    def load(self) -> None:
        self.reader.refresh_documents()

    def _exam_running(self, running: bool) -> None:
        # During an exam the text is hidden: the quiz gets the full width and the answers are not on screen.
        self.reader.setVisible(not running)

    def show_source(self, section_id: str | None, start: int, end: int) -> None:
        self.reader.setVisible(True)
        self.reader.show_source(section_id, start, end)
