"""Sign-in guards kept in the database, so restarting the program does not reset them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from quiz.storage.base import ID_LENGTH, Base, UtcDateTime, new_id, utc_now


class SignInGuard(Base):
    """Failed sign-ins in a row for one account ("admin" or "member:<id>") and when the next try is allowed."""

    __tablename__ = "sign_in_guards"

    account: Mapped[str] = mapped_column(String(50), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    blocked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), default=utc_now)


class SignInFailure(Base):
    """One failed sign-in, for the admin to see who was tried and when."""

    __tablename__ = "sign_in_failures"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    account: Mapped[str] = mapped_column(String(50), index=True)
    # The name at the time of the failure: the member may be deleted later.
    account_name: Mapped[str] = mapped_column(String(200), default="")
    failed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), index=True)
