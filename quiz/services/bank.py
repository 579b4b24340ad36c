"""The fact and question bank: generation after import, admin edits, GIFT/Moodle exchange."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.api.bank import TRUE_FALSE, QuestionEdit, QuestionInfo
from quiz.api.enums import QUESTION_TYPES, QuestionType
from quiz.errors import NotFound, UserError
from quiz.importing.storing import parsed_from_database
from quiz.questions.exchange import BankItem
from quiz.questions.model import GeneratedQuestion
from quiz.questions.weights import question_weight
from quiz.services.context import ServiceContext
from quiz.storage.base import content_id, new_id, utc_now
from quiz.storage.models.attempts import AttemptItem
from quiz.storage.models.bank import Question
from quiz.storage.models.documents import Document
from quiz.storage.models.study import ReviewCard

EXPORT_FORMATS = ("gift", "moodle-xml")


def _info(row: Question) -> QuestionInfo:
    return QuestionInfo(
        id=row.id,
        document_id=row.document_id,
        section_id=row.section_id,
        type=QuestionType(row.type),
        prompt=row.prompt,
        choices=tuple(row.choices),
        correct=tuple(row.correct),
        answers=tuple(row.answers),
        pairs=tuple((str(left), str(right)) for left, right in row.pairs),
        explanation=row.explanation,
        difficulty=row.difficulty,
        sentence=row.sentence,
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        fact_kind=row.fact_kind,
        fact_key=row.fact_key,
        origin=row.origin,
        enabled=row.enabled,
        edited=row.edited,
        weight=question_weight(row.fact_kind, row.prompt, row.sentence),
    )


def _fill(row: Question, question: GeneratedQuestion, section_ids: dict[int, str]) -> None:
    row.section_id = section_ids.get(question.section)
    row.fact_key = question.fact.key
    row.fact_kind = question.fact.kind
    row.type = question.type
    row.prompt = question.prompt
    row.choices = list(question.choices)
    row.correct = list(question.correct)
    row.answers = list(question.answers)
    row.pairs = [list(pair) for pair in question.pairs]
    row.explanation = question.explanation
    row.difficulty = question.difficulty
    row.quality = question.quality
    row.sentence = question.fact.sentence.text
    row.sentence_start = question.fact.sentence.start
    row.sentence_end = question.fact.sentence.end


def validate(fields: dict[str, Any]) -> None:
    """Refuse an admin's question that the quiz engine could not ask."""
    kind = fields.get("type")
    if kind not in QUESTION_TYPES:
        raise UserError("Loại câu hỏi phải là một trong: " + ", ".join(QUESTION_TYPES) + ".")
    if not str(fields.get("prompt", "")).strip():
        raise UserError("Câu hỏi không được để trống nội dung.")
    choices, correct = list(fields.get("choices", [])), list(fields.get("correct", []))
    if kind in ("single", "multi", "truefalse"):
        if kind == "truefalse" and tuple(choices) != TRUE_FALSE:
            raise UserError("Câu hỏi Đúng/Sai phải có đúng hai phương án “Đúng” và “Sai”.")
        if len(choices) < 2 or not correct or any(not 0 <= index < len(choices) for index in correct):
            raise UserError("Câu hỏi trắc nghiệm cần ít nhất hai phương án và đáp án đúng nằm trong số đó.")
        if kind != "multi" and len(correct) != 1:
            raise UserError("Câu hỏi một lựa chọn chỉ có một đáp án đúng.")
    if kind == "cloze" and not fields.get("answers"):
        raise UserError("Câu hỏi điền từ cần ít nhất một đáp án được chấp nhận.")
    if kind == "matching" and len(fields.get("pairs", [])) < 2:
        raise UserError("Câu hỏi ghép nối cần ít nhất hai cặp.")


def generate_bank(context: ServiceContext, document_id: str, seed: int = 0) -> int:
    """Store a document's generated bank; the facade's import and merge hooks call it after their own checks.

    A generated question that is no longer generated is deleted, unless an attempt asked it: then it is only
    disabled, so results and reviews keep their question (it is enabled again if a later generation brings it back).
    """
    with context.session() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound("Không tìm thấy văn bản này.")
        # Imported here: the generator's word lists and patterns are only needed when a document arrives.
        from quiz.questions.generate import generate_questions

        generated = generate_questions(parsed_from_database(document), seed, document.content_hash)
        section_ids = {position: section.id for position, section in enumerate(document.sections)}
        existing = {row.id: row for row in session.scalars(select(Question).filter_by(document_id=document_id))}
        kept_ids = set()
        for question in generated:
            kept_ids.add(question.id)
            row = existing.get(question.id)
            if row is None:
                row = Question(id=question.id, document_id=document_id, origin="generated", enabled=True)
                row.edited = False
                session.add(row)
            elif row.edited or row.origin != "generated":
                continue
            row.enabled = True
            _fill(row, question, section_ids)
        dropped = [
            row for row in existing.values() if row.origin == "generated" and not row.edited and row.id not in kept_ids
        ]
        asked = _asked_question_ids(session, [row.id for row in dropped])
        for row in dropped:
            if row.id in asked:
                row.enabled = False
            else:
                session.delete(row)
        return len(generated)


def _asked_question_ids(session: Session, question_ids: list[str]) -> set[str]:
    """Which of these questions an attempt or a review card refers to (those rows carry no foreign key)."""
    asked: set[str] = set()
    for start in range(0, len(question_ids), 500):
        chunk = question_ids[start : start + 500]
        asked.update(session.scalars(select(AttemptItem.question_id).where(AttemptItem.question_id.in_(chunk))))
        asked.update(
            question_id
            for question_id in session.scalars(select(ReviewCard.question_id).where(ReviewCard.question_id.in_(chunk)))
            if question_id is not None
        )
    return asked


class BankService:
    """Question bank actions; generation is derived data, the admin actions require the admin."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def generate_for_document(self, document_id: str, seed: int = 0) -> int:
        """Generate and store the bank of a document (admin edits and disabled flags survive); returns the count."""
        self._context.require_admin()
        return generate_bank(self._context, document_id, seed)

    def list_questions(
        self,
        document_id: str | None = None,
        section_id: str | None = None,
        type: str | None = None,
        enabled: bool | None = None,
    ) -> list[QuestionInfo]:
        """The bank with its answer keys: the admin's view only (members would see the answers)."""
        self._context.require_admin()
        statement = select(Question)
        if document_id is not None:
            statement = statement.where(Question.document_id == document_id)
        if section_id is not None:
            statement = statement.where(Question.section_id == section_id)
        if type is not None:
            statement = statement.where(Question.type == type)
        if enabled is not None:
            statement = statement.where(Question.enabled == enabled)
        statement = statement.order_by(Question.document_id, Question.sentence_start, Question.id)
        with self._context.session() as session:
            return [_info(row) for row in session.scalars(statement)]

    def fact_sentence_spans(self, document_id: str) -> list[tuple[int, int]]:
        """Offsets of the sentences enabled questions ask about, for the reader's subtle marks (no keys)."""
        statement = (
            select(Question.sentence_start, Question.sentence_end)
            .where(Question.document_id == document_id, Question.enabled.is_(True))
            .distinct()
            .order_by(Question.sentence_start)
        )
        with self._context.session() as session:
            return [(start, end) for start, end in session.execute(statement)]

    def get(self, question_id: str) -> QuestionInfo:
        self._context.require_admin()
        with self._context.session() as session:
            return _info(self._row(session, question_id))

    def update(self, question_id: str, edit: QuestionEdit) -> QuestionInfo:
        """An admin's edit; the question is marked edited so re-generation keeps it as it is."""
        self._context.require_admin()
        fields = edit.changed_fields()
        with self._context.session() as session:
            row = self._row(session, question_id)
            merged = {name: getattr(row, name) for name in QuestionEdit.field_names()} | fields
            validate(merged)
            for name, value in fields.items():
                setattr(row, name, [list(item) for item in value] if isinstance(value, tuple) else value)
            row.edited = True
            row.updated_at = utc_now()
            session.flush()
            return _info(row)

    def set_enabled(self, question_id: str, enabled: bool) -> QuestionInfo:
        self._context.require_admin()
        with self._context.session() as session:
            row = self._row(session, question_id)
            row.enabled = enabled
            row.edited = True
            session.flush()
            return _info(row)

    def add(
        self,
        document_id: str,
        type: str,
        prompt: str,
        choices: tuple[str, ...] | list[str] = (),
        correct: tuple[int, ...] | list[int] = (),
        answers: tuple[str, ...] | list[str] = (),
        pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]] = (),
        explanation: str = "",
        section_id: str | None = None,
        difficulty: float = 0.5,
        origin: str = "admin",
        question_id: str | None = None,
    ) -> QuestionInfo:
        """A question written by the admin (or imported); it is never touched by re-generation."""
        self._context.require_admin()
        fields: dict[str, Any] = {"type": type, "prompt": prompt, "choices": list(choices), "correct": list(correct)}
        fields |= {"answers": list(answers), "pairs": [list(pair) for pair in pairs]}
        validate(fields)
        with self._context.session() as session:
            if session.get(Document, document_id) is None:
                raise NotFound("Không tìm thấy văn bản này.")
            identifier = question_id or new_id()
            row = Question(id=identifier, document_id=document_id, section_id=section_id, fact_key=identifier)
            row.fact_kind = origin
            row.explanation, row.difficulty, row.quality = explanation, difficulty, 0.0
            row.sentence, row.sentence_start, row.sentence_end = "", 0, 0
            row.origin, row.enabled, row.edited = origin, True, False
            for name, value in fields.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return _info(row)

    def add_question(self, document_id: str, edit: QuestionEdit) -> QuestionInfo:
        """The question editor's new question (its form filled in as an edit)."""
        self._context.require_admin()
        return self.add(
            document_id,
            edit.type or "",
            edit.prompt or "",
            edit.choices or (),
            edit.correct or (),
            edit.answers or (),
            edit.pairs or (),
            edit.explanation or "",
            edit.section_id,
            0.5 if edit.difficulty is None else edit.difficulty,
        )

    def export(self, format: str, path: Path) -> int:
        """Write every enabled question as GIFT or Moodle XML; returns how many were written."""
        self._context.require_admin()
        if format not in EXPORT_FORMATS:
            raise UserError("Định dạng xuất phải là “gift” hoặc “moodle-xml”.")
        items = [
            BankItem(q.id, q.type, q.prompt, q.choices, q.correct, q.answers, q.pairs, q.explanation)
            for q in self.list_questions(enabled=True)
        ]
        from quiz.questions.gift import export_gift
        from quiz.questions.moodle import export_moodle

        text = export_gift(items) if format == "gift" else export_moodle(items)
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as error:
            raise UserError(f"Không ghi được tệp {path}: {error.strerror}.") from error
        return len(items)

    def import_gift(self, path: Path, document_id: str) -> int:
        """Add the questions of a GIFT file to a document (a question already imported is skipped)."""
        self._context.require_admin()
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(f"Không đọc được tệp GIFT {path}.") from error
        from quiz.questions.gift import parse_gift

        items = parse_gift(text)
        for item in items:
            # Check every question first, so a bad file adds nothing.
            validate(
                {
                    "type": item.type,
                    "prompt": item.prompt,
                    "choices": list(item.choices),
                    "correct": list(item.correct),
                    "answers": list(item.answers),
                    "pairs": list(item.pairs),
                }
            )
        added = 0
        for item in items:
            identifier = content_id(document_id, "gift", item.type, item.prompt)
            with self._context.session() as session:
                if session.get(Question, identifier) is not None:
                    continue
            self.add(
                document_id,
                item.type,
                item.prompt,
                item.choices,
                item.correct,
                item.answers,
                item.pairs,
                item.explanation,
                origin="imported",
                question_id=identifier,
            )
            added += 1
        return added

    def latest_document_id(self) -> str:
        """The most recently imported document (where a GIFT import goes when none is named)."""
        with self._context.session() as session:
            found = session.scalars(select(Document.id).order_by(Document.imported_at.desc()).limit(1)).first()
        if found is None:
            raise UserError("Chưa có văn bản nào; hãy nhập một văn bản trước khi nhập câu hỏi.")
        return found

    @staticmethod
    def _row(session: Session, question_id: str) -> Question:
        row = session.get(Question, question_id)
        if row is None:
            raise NotFound("Không tìm thấy câu hỏi này (có thể đã bị xoá).")
        return row
