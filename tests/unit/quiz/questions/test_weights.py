"""Content (targets, tasks, members' deadlines) weighs more than a meeting's logistics; draws prefer weight."""

from __future__ import annotations

from collections import Counter

from quiz.engine.drawing import Candidate, draw_questions
from quiz.questions.weights import question_weight


def test_content_outweighs_logistics() -> None:
    target = question_weight(
        "number",
        "Theo Nghị quyết, đến năm 2030, kinh tế số đạt tối thiểu bao nhiêu% GRDP?",
        "- Kinh tế số đạt tối thiểu 30% GRDP;",
    )
    deadline = question_weight(
        "date",
        "Các chi bộ tổ chức học tập, quán triệt Nghị quyết đến 100% đảng viên trước ngày nào?",
        "Các chi bộ tổ chức học tập, quán triệt Nghị quyết đến 100% đảng viên trước ngày 31/12/2022.",
    )
    delegates = question_weight(
        "number",
        "Theo văn bản, hội nghị có bao nhiêu đại biểu tham dự tại Hội trường Tỉnh ủy?",
        "Hội nghị có 280 đại biểu tham dự tại Hội trường Tỉnh ủy.",
    )
    tasks = question_weight("list", "Nội dung nào sau đây là một trong 3 nhiệm vụ, giải pháp đó?", "")
    assert min(target, deadline, tasks) > 1.0 > delegates


def test_draws_prefer_heavier_questions_without_upsetting_the_balance() -> None:
    candidates = [
        Candidate(f"q{section}{index}{kind}", f"s{section}", kind, f"f{section}{index}{kind}", 4, weight=weight)
        for section in range(3)
        for index, weight in enumerate([3.0, 3.0, 0.5, 0.5, 0.5, 0.5])
        for kind in ("single", "truefalse")
    ]
    ids = {candidate.question_id: candidate for candidate in candidates}
    heavy = light = 0
    for seed in range(40):
        drawn = draw_questions(candidates, 6, seed)
        picked = [ids[question.question_id] for question in drawn]
        assert Counter(candidate.section_id for candidate in picked) == {"s0": 2, "s1": 2, "s2": 2}
        assert Counter(candidate.type for candidate in picked) == {"single": 3, "truefalse": 3}
        for candidate in picked:
            if candidate.weight > 1:
                heavy += 1
            else:
                light += 1
    # Two heavy and four light questions per section and type: by chance a third of the picks would be heavy.
    assert heavy > 2 * light
