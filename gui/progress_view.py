"""Tiến độ của tôi: my attempts, the review cards due, and the sections I have studied."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.changes_hub import StaleWatch
from gui.operations import run_query
from gui.quiz_start import mode_name, review_explanation
from gui.reader_content import list_documents
from gui.style import named, set_role
from quiz.api.attempts import AttemptSummary
from quiz.api.changes import Area
from quiz.api.counting import submitted_exams
from quiz.api.study import ReviewCardInfo, SectionProgressInfo
from quiz.formatting import format_percent, format_short_date
from quiz.service import Service

# What the tab shows: the member's attempts and review cards, and their study of the documents.
SHOWN_AREAS = frozenset({Area.ATTEMPTS, Area.STUDY, Area.DOCUMENTS, Area.QUESTIONS})


def _table(name: str, columns: int, stretch: int) -> QTableWidget:
    table = named(QTableWidget(0, columns), name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)
    return table


class ProgressView(QWidget):
    def __init__(self, service: Service, member_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._member_id = member_id
        self.summary = named(QLabel(), "progress_summary")
        self.summary.setWordWrap(True)
        self.attempts_title, self.cards_title, self.sections_title = QLabel(), QLabel(), QLabel()
        for title in (self.attempts_title, self.cards_title, self.sections_title):
            set_role(title, "heading")
        self.attempts = _table("attempts_table", 5, 4)
        self.cards = _table("cards_table", 3, 0)
        self.cards_info = named(QLabel(), "cards_info")
        self.cards_info.setWordWrap(True)
        self.sections = _table("sections_table", 3, 0)
        content = QWidget()
        layout = QVBoxLayout(content)
        for widget in (
            self.summary,
            self.attempts_title,
            self.attempts,
            self.cards_title,
            self.cards_info,
            self.cards,
            self.sections_title,
            self.sections,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.watch = StaleWatch(self, service, SHOWN_AREAS, self.refresh)
        self.retranslate()

    def show_current(self) -> None:
        """The tab is shown: reload only when the member's attempts or study changed (or the load is old)."""
        self.watch.refresh_if_needed()

    def refresh(self) -> None:
        service, member_id = self._service, self._member_id

        def load() -> tuple[list[AttemptSummary], list[ReviewCardInfo], list[SectionProgressInfo]]:
            sections = [
                info
                for document_id, _title in list_documents(service)
                for info in service.progress.section_progress(member_id, document_id)
            ]
            return service.quizzes.history(member_id), service.reviews.due_cards(member_id), sections

        run_query(
            self,
            load,
            lambda loaded: self._show(*loaded),
            on_failure=lambda error: self.summary.setText(dialogs.error_message(error)),
            key="progress",
        )

    def _show(
        self, history: list[AttemptSummary], due: list[ReviewCardInfo], sections: list[SectionProgressInfo]
    ) -> None:
        self._fill(
            self.attempts,
            [
                [
                    format_short_date(entry.started_at.astimezone().date()),
                    mode_name(entry.mode),
                    f"{entry.correct_count}/{entry.question_count}" if entry.submitted_at else self.tr("đang làm"),
                    format_percent(entry.score_percent, 0) if entry.submitted_at else "",
                    (self.tr("Đạt") if entry.passed else self.tr("Chưa đạt")) if entry.submitted_at else "",
                ]
                for entry in history
            ],
        )
        self._fill(
            self.cards,
            [
                [card.sentence or card.prompt, format_short_date(card.due.astimezone().date()), str(card.reviews)]
                for card in due
            ],
        )
        self._fill(
            self.sections,
            [
                [
                    info.title,
                    self.tr("Đã học") if info.studied else (self.tr("Đã mở") if info.opened else ""),
                    self.tr("{minutes} phút").format(minutes=round(info.reading_seconds / 60)),
                ]
                for info in sections
            ],
        )
        # An empty table says nothing: say when the next questions come due instead.
        self.cards.setVisible(bool(due))
        self.cards_info.setVisible(not due)
        self.cards_info.setText(review_explanation(self._service, self._member_id, len(due)))
        studied = sum(1 for info in sections if info.studied)
        exams = submitted_exams(history)
        best = max((entry.score_percent for entry in exams), default=None)
        text = self.tr("Đã học {studied}/{total} phần. Đã làm {exams} bài kiểm tra.").format(
            studied=studied, total=len(sections), exams=len(exams)
        )
        if best is not None:
            text += " " + self.tr("Điểm cao nhất: {best}.").format(best=format_percent(best, 0))
        text += " " + self.tr("Có {due} câu cần ôn tập hôm nay.").format(due=len(due))
        self.summary.setText(text)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + sum(table.rowHeight(row) for row in range(len(rows))) + 8
        table.setFixedHeight(min(height, 420))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.attempts_title.setText(self.tr("Các lần làm bài"))
        self.cards_title.setText(self.tr("Câu cần ôn tập hôm nay"))
        self.sections_title.setText(self.tr("Các phần đã học"))
        self.attempts.setHorizontalHeaderLabels(
            [self.tr("Ngày"), self.tr("Loại bài"), self.tr("Số câu đúng"), self.tr("Điểm"), self.tr("Kết quả")]
        )
        self.cards.setHorizontalHeaderLabels([self.tr("Nội dung"), self.tr("Đến hạn"), self.tr("Số lần ôn")])
        self.sections.setHorizontalHeaderLabels([self.tr("Phần"), self.tr("Tình trạng"), self.tr("Thời gian đọc")])
        for table, name in (
            (self.attempts, self.tr("Các lần làm bài")),
            (self.cards, self.tr("Câu cần ôn tập")),
            (self.sections, self.tr("Các phần đã học")),
        ):
            table.setAccessibleName(name)
        self.watch.loaded()  # the texts change language: load again, and count it as the page's load
        self.refresh()
