"""A real app process for the kill -9 test: resumes or starts attempts and prints each answer once it is saved.

    python -m tests.integration.kill_driver DATABASE_URL DOCUMENT_ID MEMBER_ID

It prints ``ready`` once loaded, waits for a line on stdin (so the test can start the next process while the
previous one still runs), then answers until it is killed. ``saved ATTEMPT POSITION RESPONSE`` is printed only
after ``answer`` returned, i.e. after the user would have seen "saved"; ``submitted ATTEMPT`` likewise.
"""

from __future__ import annotations

import json
import sys

from quiz.api.answers import ChoiceAnswer, answer_to_json
from quiz.service import Service
from quiz.services.context import Actor
from tests.integration.scenario import any_response


def main(url: str, document_id: str, member_id: str) -> int:
    print("ready", flush=True)
    sys.stdin.readline()
    service = Service.open(url, actor=Actor.admin())
    round_number = 0
    while True:
        attempt = service.quizzes.unfinished_attempt(member_id)
        if attempt is None:
            attempt = service.quizzes.start_attempt(member_id, document_id, "practice")
        for question in attempt.questions:
            if question.response is not None:
                continue
            response = any_response(question.type, len(question.options), len(question.left_items))
            # Vary the answers so a stale or mixed-up row would not match what was printed.
            if isinstance(response, ChoiceAnswer) and len(question.options) > 1:
                response = ChoiceAnswer((round_number + question.position) % len(question.options))
            service.quizzes.answer(attempt.id, question.position, response)
            print(
                f"saved {attempt.id} {question.position} {json.dumps(answer_to_json(response), sort_keys=True)}",
                flush=True,
            )
        service.quizzes.submit(attempt.id)
        print(f"submitted {attempt.id}", flush=True)
        round_number += 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
