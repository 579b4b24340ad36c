"""Item analysis for the admin: how each question performed in submitted attempts, with quality flags."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select

from quiz.api.analysis import ItemStatistics
from quiz.api.answers import stored_answer
from quiz.api.enums import EXAM_MODES
from quiz.engine.analysis_items import (
    MIN_RESPONSES_FOR_FLAGS,
    ItemResponse,
    QuestionFacts,
    item_statistics,
)
from quiz.services.context import ServiceContext
from quiz.storage.counted_exams import pending_members
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.bank import Question


class AnalysisService:
    """Read-only statistics for the admin; disabling a flagged question is the bank's job."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def item_statistics(
        self,
        document_id: str,
        modes: Sequence[str] = EXAM_MODES,
        min_responses: int = MIN_RESPONSES_FOR_FLAGS,
        flagged_only: bool = False,
    ) -> list[ItemStatistics]:
        """Per question asked in submitted attempts of these modes: times asked, facility, discrimination,
        option counts (original options, through each attempt's shuffle) and flags; flagged ones first."""
        self._context.require_admin()
        with self._context.session() as session:
            rows = session.execute(
                select(
                    AttemptItem.question_id,
                    Attempt.id,
                    Attempt.score_percent,
                    AttemptItem.option_order,
                    Answer.response,
                    Answer.is_correct,
                )
                .join(Attempt, Attempt.id == AttemptItem.attempt_id)
                .outerjoin(Answer, Answer.attempt_item_id == AttemptItem.id)
                .where(
                    Attempt.document_id == document_id,
                    Attempt.submitted_at.is_not(None),
                    Attempt.mode.in_(list(modes)),
                    Attempt.member_id.not_in(pending_members()),
                )
            )
            responses: dict[str, list[ItemResponse]] = defaultdict(list)
            for question_id, attempt_id, score, order, response, is_correct in rows:
                responses[question_id].append(
                    ItemResponse(
                        question_id, attempt_id, score, tuple(order or ()), stored_answer(response), bool(is_correct)
                    )
                )
            questions = session.scalars(select(Question).where(Question.id.in_(list(responses))))
            statistics = [
                item_statistics(_facts(question), responses[question.id], min_responses) for question in questions
            ]
        statistics.sort(key=lambda item: (not item.flags, item.facility, item.question_id))
        return [item for item in statistics if item.flags] if flagged_only else statistics


def _facts(question: Question) -> QuestionFacts:
    return QuestionFacts(
        question_id=question.id,
        fact_key=question.fact_key,
        fact_kind=question.fact_kind,
        type=question.type,
        prompt=question.prompt,
        choices=tuple(question.choices or ()),
        correct=tuple(question.correct or ()),
        enabled=question.enabled,
    )
