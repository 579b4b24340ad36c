"""The quiz panel's first page: what the exam is like, a resume offer, and one big button per mode."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from gui.style import named, set_role
from quiz.api.attempts import AttemptView
from quiz.errors import UserError
from quiz.formatting import format_date, format_number, format_short_date
from quiz.service import Service


def mode_name(mode: str) -> str:
    """The shown name of a quiz mode (literal calls so lupdate finds them)."""
    names = {
        "exam": QCoreApplication.translate("QuizMode", "Bài kiểm tra"),
        "practice": QCoreApplication.translate("QuizMode", "Luyện tập"),
        "section": QCoreApplication.translate("QuizMode", "Luyện tập theo phần"),
        "review": QCoreApplication.translate("QuizMode", "Ôn tập"),
        "paper": QCoreApplication.translate("QuizMode", "Bài kiểm tra trên giấy"),
    }
    return names.get(mode, mode)


class QuizStartPage(QWidget):
    start_requested = Signal(str)  # the mode
    resume_requested = Signal(str)  # the attempt id

    def __init__(self, service: Service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._member_id: str | None = None
        self._document_id: str | None = None
        self._section_id: str | None = None
        self._unfinished: AttemptView | None = None
        self.heading = QLabel()
        set_role(self.heading, "heading")
        self.info = named(QLabel(), "quiz_info")
        self.info.setWordWrap(True)
        self.resume_box = named(QFrame(), "resume_box")
        self.resume_box.setFrameShape(QFrame.Shape.Box)
        self.resume_label = named(QLabel(), "resume_label")
        self.resume_label.setWordWrap(True)
        self.resume_button = named(QPushButton(), "resume_button")
        set_role(self.resume_button, "primary")
        self.resume_button.clicked.connect(self._resume)
        resume_layout = QVBoxLayout(self.resume_box)
        resume_layout.addWidget(self.resume_label)
        resume_layout.addWidget(self.resume_button)
        self.exam_button = named(QPushButton(), "exam_button")
        set_role(self.exam_button, "primary")
        self.practice_button = named(QPushButton(), "practice_button")
        self.section_button = named(QPushButton(), "section_button")
        self.review_button = named(QPushButton(), "review_button")
        for button, mode in (
            (self.exam_button, "exam"),
            (self.practice_button, "practice"),
            (self.section_button, "section"),
            (self.review_button, "review"),
        ):
            button.clicked.connect(lambda _checked=False, chosen=mode: self.start_requested.emit(chosen))
        self.review_info = named(QLabel(), "review_info")
        self.review_info.setWordWrap(True)
        set_role(self.review_info, "hint")
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(self.info)
        layout.addWidget(self.resume_box)
        for button in (self.exam_button, self.practice_button, self.section_button, self.review_button):
            layout.addWidget(button)
        layout.addWidget(self.review_info)
        layout.addStretch(1)
        # At 20 pt on a 768 px screen the page is taller than the panel: it scrolls instead of clipping.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    def set_section(self, section_id: str | None) -> None:
        self._section_id = section_id
        self.section_button.setEnabled(self._member_id is not None and section_id is not None)

    def refresh(self, member_id: str | None, document_id: str | None, section_id: str | None) -> None:
        self._member_id, self._document_id, self._section_id = member_id, document_id, section_id
        self._unfinished = None
        signed_in = member_id is not None and document_id is not None
        if member_id is not None:
            try:
                self._unfinished = self._service.quizzes.unfinished_attempt(member_id)
            except UserError:
                self._unfinished = None
        for button in (self.exam_button, self.practice_button, self.review_button):
            button.setVisible(signed_in)
            button.setEnabled(self._unfinished is None)
        self.section_button.setVisible(signed_in)
        self.section_button.setEnabled(self._unfinished is None and section_id is not None)
        self.resume_box.setVisible(self._unfinished is not None)
        self.retranslate()

    def _resume(self) -> None:
        if self._unfinished is not None:
            self.resume_requested.emit(self._unfinished.id)

    def _exam_info(self) -> str:
        if self._member_id is None or self._document_id is None:
            return self.tr("Để làm bài, đồng chí hãy chọn tên của mình ở màn hình đầu (menu Tệp → Đổi người dùng).")
        settings = self._service.quizzes.get_settings(self._document_id)
        parts = [self.tr("Bài kiểm tra gồm {count} câu").format(count=settings.question_count)]
        if settings.time_limit_minutes:
            parts.append(self.tr("làm trong {minutes} phút").format(minutes=settings.time_limit_minutes))
        parts.append(self.tr("đạt từ {mark} % trở lên").format(mark=format_number(settings.pass_mark_percent, 0)))
        text = ", ".join(parts) + "."
        left = self._service.quizzes.attempts_left(self._member_id, self._document_id)
        if left is not None:
            text += " " + self.tr("Còn {left} lượt làm bài.").format(left=left)
        if settings.deadline is not None:
            text += " " + self.tr("Hạn cuối: {date}.").format(date=format_date(settings.deadline))
        return text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Làm bài"))
        try:
            self.info.setText(self._exam_info())
        except UserError as error:
            self.info.setText(str(error))
        due = 0
        if self._member_id is not None:
            try:
                due = self._service.reviews.due_count(self._member_id)
            except UserError:
                due = 0
        self.exam_button.setText(self.tr("Bắt đầu bài kiểm tra"))
        self.practice_button.setText(self.tr("Luyện tập (biết ngay đúng sai)"))
        self.section_button.setText(self.tr("Luyện tập phần đang đọc"))
        self.review_button.setText(self.tr("Ôn tập ({due} câu đến hạn)").format(due=due))
        self.review_info.setText(review_explanation(self._service, self._member_id, due))
        self.review_info.setVisible(self._member_id is not None)
        if self._member_id is not None:
            self.review_button.setEnabled(due > 0 and self._unfinished is None)
        if self._unfinished is not None:
            attempt = self._unfinished
            self.resume_label.setText(
                self.tr(
                    "Đồng chí còn một bài làm dở ({mode}, đã trả lời {answered}/{total} câu). "
                    "Các câu trả lời vẫn còn nguyên."
                ).format(mode=mode_name(attempt.mode), answered=attempt.answered_count, total=attempt.question_count)
            )
        self.resume_button.setText(self.tr("Làm tiếp bài đang dở"))


def review_explanation(service: Service, member_id: str | None, due: int) -> str:
    """What Ôn tập is, and when there is nothing due today, when the next questions come due."""
    if member_id is None:
        return ""

    # Literal translate() calls: lupdate finds the texts only there.
    if due:
        return QCoreApplication.translate(
            "QuizStartPage", "Ôn tập hỏi lại những ý đồng chí từng trả lời chưa đúng, đúng lúc sắp quên."
        )
    try:
        cards = service.reviews.all_cards(member_id)
    except UserError:
        cards = []
    if not cards:
        return QCoreApplication.translate(
            "QuizStartPage",
            "Ôn tập hỏi lại những ý đồng chí từng trả lời chưa đúng. Hãy làm bài kiểm tra hoặc luyện tập trước.",
        )
    day = _local_day(min(card.due for card in cards))
    count = sum(1 for card in cards if _local_day(card.due) == day)
    return QCoreApplication.translate(
        "QuizStartPage", "Hôm nay chưa có câu cần ôn. {count} câu đến hạn ngày {date}."
    ).format(count=count, date=format_short_date(day))


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date() if moment.tzinfo is not None else moment.date()
