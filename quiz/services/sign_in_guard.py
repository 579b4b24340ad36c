"""Growing waits and a temporary lock after wrong passwords and PINs, kept in the database, and the failure log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.errors import UserError
from quiz.storage.models.security import SignInFailure, SignInGuard

ADMIN_ACCOUNT = "admin"
# The first wrong tries cost nothing (a typo); then each one doubles the wait, up to a 15-minute lock.
FREE_FAILURES = 2
FIRST_WAIT_SECONDS = 5
LOCK_SECONDS = 15 * 60


@dataclass(frozen=True)
class SignInFailureView:
    """One failed sign-in as the admin sees it."""

    account_name: str
    is_admin: bool
    member_id: str | None
    failed_at: dt.datetime


def member_account(member_id: str) -> str:
    return f"member:{member_id}"


def wait_after(failures: int) -> dt.timedelta:
    """How long the next try must wait after ``failures`` wrong ones in a row."""
    if failures <= FREE_FAILURES:
        return dt.timedelta()
    return dt.timedelta(seconds=min(LOCK_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES - 1)))


def refuse_while_blocked(session: Session, account: str, now: dt.datetime) -> None:
    """Raise a UserError saying how long to wait when ``account`` may not try yet (no secret is checked then)."""
    guard = session.get(SignInGuard, account)
    if guard is None or guard.blocked_until is None:
        return
    blocked_until = guard.blocked_until
    if blocked_until > now:
        raise UserError(f"Đã nhập sai nhiều lần; hãy thử lại sau {_duration(blocked_until - now)}.")


def record_failure(session: Session, account: str, account_name: str, now: dt.datetime) -> dt.timedelta:
    """Count one more wrong try, log it for the admin; returns how long the next try must wait."""
    guard = session.get(SignInGuard, account)
    if guard is None:
        guard = SignInGuard(account=account, failures=0)
        session.add(guard)
    guard.failures += 1
    wait = wait_after(guard.failures)
    guard.blocked_until = now + wait if wait else None
    guard.updated_at = now
    session.add(SignInFailure(account=account, account_name=account_name[:200], failed_at=now))
    return wait


def clear(session: Session, account: str) -> None:
    """A right password or a new PIN starts the count again."""
    guard = session.get(SignInGuard, account)
    if guard is not None:
        session.delete(guard)


def recent_failures(session: Session, limit: int) -> list[SignInFailureView]:
    rows = session.scalars(select(SignInFailure).order_by(SignInFailure.failed_at.desc()).limit(limit))
    return [
        SignInFailureView(
            row.account_name,
            row.account == ADMIN_ACCOUNT,
            row.account.removeprefix("member:") if row.account.startswith("member:") else None,
            row.failed_at,
        )
        for row in rows
    ]


def wrong_secret_message(first: str, wait: dt.timedelta) -> str:
    return f"{first} Hãy thử lại sau {_duration(wait)}." if wait else first


def _duration(wait: dt.timedelta) -> str:
    seconds = max(1, int(-(-wait.total_seconds() // 1)))
    if seconds < 120:
        return f"{seconds} giây"
    return f"{-(-seconds // 60)} phút"
