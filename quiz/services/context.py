"""What every sub-service shares: the database, who is signed in, and the session-per-action helper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from quiz.api.enums import Role
from quiz.errors import AccessDenied
from quiz.storage.base import utc_now
from quiz.storage.database import Database


@dataclass(frozen=True)
class Actor:
    """The signed-in person: the admin (chi bộ secretary) or one member."""

    role: Role
    member_id: str | None = None

    @classmethod
    def admin(cls) -> Actor:
        return cls(Role.ADMIN)

    @classmethod
    def member(cls, member_id: str) -> Actor:
        return cls(Role.MEMBER, member_id)


class ServiceContext:
    """Shared by the sub-services of one facade."""

    def __init__(
        self, database: Database, actor: Actor | None = None, clock: Callable[[], dt.datetime] = utc_now
    ) -> None:
        self.database = database
        self.actor = actor
        # Replaceable so tests step through sign-in delays and locks without waiting for them.
        self.clock = clock

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self.database.reporting_damage(), self.database.sessions.begin() as session:
            yield session

    @property
    def is_admin(self) -> bool:
        return self.actor is not None and self.actor.role is Role.ADMIN

    def require_signed_in(self) -> None:
        if self.actor is None:
            raise AccessDenied("Vui lòng chọn tên của mình và đăng nhập trước.")

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A unit of work that reads, then writes rows another process may write at the same moment.

        On SQLite it holds the write lock from its first statement, so two processes never both decide from
        the same stale read (see ``Database.write_session``).
        """
        with self.database.write_session() as session:
            yield session

    def require_admin(self) -> None:
        if self.actor is None or self.actor.role is not Role.ADMIN:
            raise AccessDenied("Chức năng này chỉ dành cho quản trị (bí thư chi bộ).")

    def require_member_access(self, member_id: str) -> None:
        """Members see only their own data; the admin sees everyone's."""
        if self.actor is None:
            raise AccessDenied("Vui lòng chọn tên của mình và đăng nhập trước.")
        if self.actor.role is Role.MEMBER and self.actor.member_id != member_id:
            raise AccessDenied("Đồng chí chỉ được xem kết quả và bản cam kết của chính mình.")
