"""Reading, validating and storing a document's quiz settings (defaults when the admin set none)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from quiz.api.attempts import MAXIMUM_QUESTIONS, QuizSettingsData
from quiz.api.enums import COUNTING_RULES, QUESTION_TYPES, CountingRule
from quiz.errors import NotFound, UserError
from quiz.storage.models.attempts import QuizSettings
from quiz.storage.models.documents import Document, Section


def load_settings(session: Session, document_id: str) -> QuizSettingsData:
    row = session.get(QuizSettings, document_id)
    if row is None:
        return QuizSettingsData(document_id=document_id)
    return QuizSettingsData(
        document_id=row.document_id,
        question_count=row.question_count,
        type_mix=dict(row.type_mix),
        section_ids=tuple(row.section_ids),
        time_limit_minutes=row.time_limit_minutes,
        pass_mark_percent=row.pass_mark_percent,
        attempts_allowed=row.attempts_allowed,
        counting=CountingRule(row.counting),
        deadline=row.deadline,
    )


def validate_settings(session: Session, settings: QuizSettingsData) -> QuizSettingsData:
    """Refuse impossible settings with a Vietnamese message; return them with zero weights dropped."""
    if session.get(Document, settings.document_id) is None:
        raise NotFound("Không tìm thấy văn bản này.")
    if not 1 <= settings.question_count <= MAXIMUM_QUESTIONS:
        raise UserError(f"Số câu hỏi phải từ 1 đến {MAXIMUM_QUESTIONS}.")
    for kind, weight in settings.type_mix.items():
        if kind not in QUESTION_TYPES:
            raise UserError(f"Loại câu hỏi không hợp lệ: {kind}.")
        if not isinstance(weight, int) or weight < 0:
            raise UserError("Tỉ lệ các loại câu hỏi phải là số nguyên không âm.")
    if settings.type_mix and not any(settings.type_mix.values()):
        raise UserError("Cần chọn ít nhất một loại câu hỏi.")
    for section_id in settings.section_ids:
        section = session.get(Section, section_id)
        if section is None or section.document_id != settings.document_id:
            raise UserError("Phần được chọn không thuộc văn bản này.")
    if settings.time_limit_minutes is not None and not 1 <= settings.time_limit_minutes <= 600:
        raise UserError("Thời gian làm bài phải từ 1 đến 600 phút (hoặc không giới hạn).")
    if not 0 <= settings.pass_mark_percent <= 100:
        raise UserError("Điểm đạt phải từ 0 đến 100 %.")
    if settings.attempts_allowed is not None and settings.attempts_allowed < 1:
        raise UserError("Số lần làm bài được phép phải ít nhất là 1 (hoặc không giới hạn).")
    if settings.counting not in COUNTING_RULES:
        raise UserError("Cách tính điểm phải là lần cao nhất hoặc lần cuối cùng.")
    mix = {kind: weight for kind, weight in settings.type_mix.items() if weight > 0}
    return replace(settings, type_mix=mix, section_ids=tuple(dict.fromkeys(settings.section_ids)))


def store_settings(session: Session, settings: QuizSettingsData) -> QuizSettingsData:
    settings = validate_settings(session, settings)
    row = session.get(QuizSettings, settings.document_id)
    if row is None:
        row = QuizSettings(document_id=settings.document_id)
        session.add(row)
    row.question_count = settings.question_count
    row.type_mix = dict(settings.type_mix)
    row.section_ids = list(settings.section_ids)
    row.time_limit_minutes = settings.time_limit_minutes
    row.pass_mark_percent = float(settings.pass_mark_percent)
    row.attempts_allowed = settings.attempts_allowed
    row.counting = settings.counting
    row.deadline = settings.deadline
    session.flush()
    return load_settings(session, settings.document_id)
