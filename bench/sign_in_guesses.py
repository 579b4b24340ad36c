"""How many PIN guesses reach the hash: unthrottled (the baseline) against the sign-in guard, on one file database.

Run: ``.venv/bin/python bench/sign_in_guesses.py [--hours 24]``. The baseline is the measured cost of one scrypt
check (what an attacker at the keyboard paid before the guard: nothing else stood in the way); the guard is
stepped through with the facade's clock, so the figure for a day takes seconds, not a day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.api.members import MemberDraft
from quiz.errors import UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.services.sign_in_guard import member_account
from quiz.storage.models.security import SignInGuard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hours", type=float, default=24.0)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        service = Service.open(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", actor=Actor.admin())
        member = service.members.add_member(MemberDraft(full_name="Người Thử", pin="918273"))
        service.accounts.sign_out()
        now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        service.context.clock = lambda: now
        end = now + dt.timedelta(hours=options.hours)
        checked, started = 0, time.perf_counter()
        guess = 0
        while now < end:
            try:
                service.accounts.sign_in_member(member.id, f"{guess:06d}")
            except UserError as error:
                if "thử lại sau" in str(error) and "không đúng" not in str(error):
                    with service.context.session() as session:
                        guard = session.get(SignInGuard, member_account(member.id))
                        assert guard is not None and guard.blocked_until is not None
                        blocked_until = guard.blocked_until.replace(tzinfo=dt.UTC)
                    now = max(now + dt.timedelta(seconds=1), blocked_until)
                    continue
            checked += 1
            guess += 1
        per_check = (time.perf_counter() - started) / max(1, checked)
        service.close()
    unthrottled = options.hours * 3600 / per_check
    print(f"one wrong PIN check (scrypt + database): {per_check * 1000:.0f} ms")
    print(f"baseline, no guard: {unthrottled:,.0f} guesses in {options.hours:g} h")
    print(f"with the guard:     {checked:,} guesses in {options.hours:g} h")
    for digits in (4, 6):
        half = 10**digits / 2
        print(
            f"  average time to hit a {digits}-digit PIN: no guard {half / unthrottled * options.hours:,.1f} h, "
            f"guard {half / checked * options.hours / 24:,.0f} days"
        )


if __name__ == "__main__":
    main()
