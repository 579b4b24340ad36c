"""Turning attempt rows and their questions into the frozen dataclasses the screens get (no session work here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quiz.api.answers import stored_answer
from quiz.api.attempts import AnswerFeedback, AttemptQuestion, AttemptView, ReviewItem, ScoreBreakdown
from quiz.api.enums import Mode, QuestionType
from quiz.engine.answer_credit import KeyedQuestion, key_indexes, key_texts, response_texts
from quiz.storage.models.attempts import Answer, Attempt, AttemptItem
from quiz.storage.models.bank import Question

# Modes that show correctness and the source sentence right after each answer.
REVEALING_MODES = frozenset({"practice", "section", "review"})
MISSING_PROMPT = "(Câu hỏi này đã bị xoá khỏi ngân hàng câu hỏi.)"


def keyed(question: Question) -> KeyedQuestion:
    return KeyedQuestion(question.type, question.choices, question.correct, question.answers, question.pairs)


def displayed_options(question: Question | None, item: AttemptItem) -> tuple[str, ...]:
    if question is None:
        return ()
    return tuple(question.choices[original] for original in item.option_order if original < len(question.choices))


def left_items(question: Question | None) -> tuple[str, ...]:
    if question is None or question.type != "matching":
        return ()
    return tuple(pair[0] for pair in question.pairs)


def feedback(attempt: Attempt, item: AttemptItem, question: Question, answer: Answer | None) -> AnswerFeedback:
    """The feedback after an answer: the key and the source only where the mode reveals it."""
    revealed = attempt.mode in REVEALING_MODES or attempt.submitted_at is not None
    if not revealed:
        return AnswerFeedback(attempt.id, item.position, saved=answer is not None, revealed=False)
    return AnswerFeedback(
        attempt.id,
        item.position,
        saved=answer is not None,
        revealed=True,
        is_correct=answer.is_correct if answer else False,
        credit=answer.credit if answer else 0.0,
        key_indexes=key_indexes(keyed(question), item.option_order),
        key_texts=key_texts(keyed(question)),
        explanation=question.explanation,
        section_id=question.section_id,
        sentence=question.sentence,
        sentence_start=question.sentence_start,
        sentence_end=question.sentence_end,
    )


def attempt_view(
    attempt: Attempt,
    items: Sequence[AttemptItem],
    questions: Mapping[str, Question],
    answers: Mapping[int, Answer],
) -> AttemptView:
    shown = []
    for item in items:
        question = questions.get(item.question_id)
        answer = answers.get(item.position)
        reveal = answer is not None and question is not None and attempt.mode in REVEALING_MODES
        shown.append(
            AttemptQuestion(
                position=item.position,
                question_id=item.question_id,
                type=QuestionType(item.question_type),
                prompt=question.prompt if question else MISSING_PROMPT,
                options=displayed_options(question, item),
                left_items=left_items(question),
                section_id=item.section_id,
                flagged=item.flagged,
                response=stored_answer(answer.response) if answer else None,
                feedback=feedback(attempt, item, question, answer) if reveal and question else None,
            )
        )
    return AttemptView(
        id=attempt.id,
        member_id=attempt.member_id,
        document_id=attempt.document_id,
        mode=Mode(attempt.mode),
        section_id=attempt.section_id,
        started_at=attempt.started_at,
        deadline_at=attempt.deadline_at,
        submitted_at=attempt.submitted_at,
        questions=tuple(shown),
    )


def review_item(item: AttemptItem, question: Question | None, answer: Answer | None, section_title: str) -> ReviewItem:
    response = stored_answer(answer.response) if answer else None
    return ReviewItem(
        position=item.position,
        question_id=item.question_id,
        type=QuestionType(item.question_type),
        prompt=question.prompt if question else MISSING_PROMPT,
        options=displayed_options(question, item),
        left_items=left_items(question),
        response=response,
        answer_texts=response_texts(keyed(question), item.option_order, response) if question else (),
        key_indexes=key_indexes(keyed(question), item.option_order) if question else (),
        key_texts=key_texts(keyed(question)) if question else (),
        is_correct=answer.is_correct if answer else False,
        credit=answer.credit if answer else 0.0,
        explanation=question.explanation if question else "",
        section_id=item.section_id,
        section_title=section_title,
        sentence=question.sentence if question else "",
        sentence_start=question.sentence_start if question else 0,
        sentence_end=question.sentence_end if question else 0,
    )


def breakdown(
    items: Sequence[AttemptItem], answers: Mapping[int, Answer], group_of: Mapping[str, str], by: str
) -> tuple[ScoreBreakdown, ...]:
    """Scores grouped by ``by`` ("section" or "fact_kind"); ``group_of`` maps a key to its label."""
    totals: dict[str, list[float]] = {}
    for item in items:
        key = (item.section_id or "") if by == "section" else item.fact_kind
        answer = answers.get(item.position)
        counts = totals.setdefault(key, [0, 0, 0.0])
        counts[0] += 1
        counts[1] += 1 if answer is not None and answer.is_correct else 0
        counts[2] += answer.credit if answer is not None else 0.0
    return tuple(
        ScoreBreakdown(key, group_of.get(key, key), int(count), int(correct), round(credit, 4))
        for key, (count, correct, credit) in totals.items()
    )
