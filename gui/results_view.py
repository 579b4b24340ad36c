"""After submitting: score, pass or fail, a bar per section, and each question with a link into the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.flow_layout import flow_row
from gui.operations import run_query
from gui.quiz_start import mode_name
from gui.style import named, set_role
from quiz.api.attempts import AttemptResult, ReviewItem
from quiz.formatting import format_number, format_percent
from quiz.service import Service


class ResultsView(QWidget):
    source_requested = Signal(object, int, int)  # section_id, start, end
    done = Signal()
    practice_requested = Signal(list)  # the question ids missed in the exam

    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.result: AttemptResult | None = None
        self.items: list[ReviewItem] = []
        self.source_buttons: list[QPushButton] = []
        self.heading = named(QLabel(), "results_heading")
        set_role(self.heading, "heading")
        self.heading.setWordWrap(True)
        self.verdict = named(QLabel(), "results_verdict")
        self.score = named(QLabel(), "results_score")
        self.score.setWordWrap(True)
        self.back_button = named(QPushButton(), "results_back")
        self.back_button.clicked.connect(self.done.emit)
        self.practice_button = named(QPushButton(), "practice_missed_button")
        self.practice_button.clicked.connect(lambda: self.practice_requested.emit(self.missed_question_ids()))
        self.practice_button.hide()
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addWidget(self.score)
        layout.addLayout(flow_row(self.practice_button, trailing=(self.back_button,)))
        layout.addWidget(scroll, 1)
        self.retranslate()

    def show_attempt(self, attempt_id: str) -> None:
        """Load the results off the UI thread (queued after the submit that made them); fill in when read."""
        quizzes = self._service.quizzes
        # Never the previous attempt's figures while this one's are read from a slow server.
        self.result, self.items = None, []
        self.content.hide()
        self.practice_button.hide()
        for label in (self.verdict, self.score):
            label.clear()
        self.heading.setText(self.tr("Đang tải kết quả…"))
        run_query(
            self,
            lambda: (quizzes.results(attempt_id), quizzes.review(attempt_id)),
            lambda loaded: self._loaded(*loaded),
            key="results",
        )

    def _loaded(self, result: AttemptResult, items: list[ReviewItem]) -> None:
        self.result, self.items = result, items
        self._fill()
        self.content.show()

    def _fill(self) -> None:
        assert self.result is not None
        result = self.result
        while self.content_layout.count():
            child = self.content_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.source_buttons = []
        self.heading.setText(self.tr("Kết quả: {mode}").format(mode=mode_name(result.mode)))
        self.verdict.setText(self.tr("ĐẠT") if result.passed else self.tr("CHƯA ĐẠT"))
        set_role(self.verdict, "pass" if result.passed else "fail")
        score_text = self.tr("Đúng {correct}/{total} câu — {percent} (cần {mark} để đạt).").format(
            correct=result.correct_count,
            total=result.question_count,
            percent=format_percent(result.score_percent, 0),
            mark=format_percent(result.pass_mark_percent, 0),
        )
        if result.auto_submitted:
            score_text += " " + self.tr("Bài được nộp tự động khi hết giờ.")
        self.score.setText(score_text)
        missed = len(self.missed_question_ids())
        # After an exam, the missed questions can be practised at once (with right/wrong shown each time).
        self.practice_button.setVisible(result.mode == "exam" and missed > 0)
        self.practice_button.setText(self.tr("Luyện lại {count} câu chưa đúng").format(count=missed))
        set_role(self.practice_button, "primary" if not result.passed else "")
        self.content_layout.addWidget(self._section_bars())
        title = QLabel(self.tr("Xem lại từng câu"))
        set_role(title, "heading")
        self.content_layout.addWidget(title)
        for item in self.items:
            self.content_layout.addWidget(self._item_frame(item))
        self.content_layout.addStretch(1)
        self.back_button.setFocus()

    def missed_question_ids(self) -> list[str]:
        return [item.question_id for item in self.items if not item.is_correct]

    def _section_bars(self) -> QWidget:
        assert self.result is not None
        box = named(QWidget(), "section_bars")
        grid = QGridLayout(box)
        for row, part in enumerate(self.result.by_section):
            label = QLabel(part.label or self.tr("(Không rõ phần)"))
            label.setWordWrap(True)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(part.percent))
            bar.setFormat(f"{format_number(part.credit, 1 if part.credit % 1 else 0)}/{part.question_count}")
            bar.setAccessibleName(
                self.tr("{section}: {percent}").format(section=part.label, percent=format_percent(part.percent, 0))
            )
            grid.addWidget(label, row, 0)
            grid.addWidget(bar, row, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        return box

    def _item_frame(self, item: ReviewItem) -> QWidget:
        frame = named(QFrame(), f"review_item_{item.position}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        mark = "✔" if item.is_correct else "✘"
        number = self.tr("Câu {number}").format(number=item.position + 1)
        prompt = QLabel(f"{mark} {number}: {item.prompt}")
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        set_role(prompt, "good" if item.is_correct else "bad")
        layout.addWidget(prompt)
        answer = "; ".join(item.answer_texts) if item.answer_texts else self.tr("(chưa trả lời)")
        details = [self.tr("Đồng chí trả lời: {answer}").format(answer=answer)]
        if not item.is_correct:
            details.append(self.tr("Đáp án đúng: {key}").format(key="; ".join(item.key_texts)))
        if item.explanation:
            details.append(item.explanation)
        body = QLabel("\n".join(details))
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(body)
        if item.sentence_end > item.sentence_start:
            button = named(QPushButton(self.tr("Xem trong văn bản")), f"source_button_{item.position}")
            button.setAccessibleName(self.tr("Xem câu {number} trong văn bản").format(number=item.position + 1))
            button.clicked.connect(
                lambda _checked=False, chosen=item: self.source_requested.emit(
                    chosen.section_id, chosen.sentence_start, chosen.sentence_end
                )
            )
            self.source_buttons.append(button)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        frame.setAccessibleName(prompt.text())
        return frame

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Xong, quay lại"))
        if self.result is not None:
            self._fill()
