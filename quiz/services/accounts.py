"""Admin password, member PINs and signing in: salted scrypt hashes, growing waits after wrong tries."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quiz.api.enums import Role
from quiz.engine.passwords import hash_secret, verify_secret
from quiz.errors import NotFound, UserError
from quiz.services import sign_in_guard
from quiz.services.context import Actor, ServiceContext
from quiz.services.sign_in_guard import ADMIN_ACCOUNT, SignInFailureView, member_account
from quiz.storage.models.documents import Setting
from quiz.storage.models.people import Member

ADMIN_PASSWORD_KEY = "admin_password_hash"
MINIMUM_PASSWORD_LENGTH = 6
# A million six-digit PINs, at one try per 15 minutes after the first few, outlast any afternoon at the PC.
PIN_LENGTHS = range(6, 13)
MINIMUM_PHRASE_LENGTH = 8
PIN_RULE = "Mã PIN phải gồm từ 6 đến 12 chữ số, hoặc là một cụm từ dài ít nhất 8 ký tự."


def check_pin(pin: str) -> str:
    """A PIN is 6 to 12 digits or a phrase of at least 8 characters; return it stripped or raise a UserError."""
    pin = pin.strip()
    if pin.isdecimal():
        if not pin.isascii() or len(pin) not in PIN_LENGTHS:
            raise UserError(PIN_RULE)
    elif len(pin) < MINIMUM_PHRASE_LENGTH or len(pin) > 100:
        raise UserError(PIN_RULE)
    return pin


def _check_password(password: str) -> None:
    if len(password) < MINIMUM_PASSWORD_LENGTH or not password.strip():
        raise UserError(f"Mật khẩu quản trị phải có ít nhất {MINIMUM_PASSWORD_LENGTH} ký tự.")


class AccountService:
    """Who is at the keyboard: the admin (chi bộ secretary) with a password, or a member with an optional PIN."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def admin_exists(self) -> bool:
        """False on first start, when the admin password still has to be created."""
        with self._context.session() as session:
            return _admin_hash(session) is not None

    def create_admin(self, password: str) -> Actor:
        """Create the admin password (first start only) and sign in as the admin."""
        _check_password(password)
        with self._context.session() as session:
            if _admin_hash(session) is not None:
                raise UserError("Mật khẩu quản trị đã được tạo; hãy đăng nhập bằng mật khẩu đó.")
            session.add(Setting(key=ADMIN_PASSWORD_KEY, value=hash_secret(password)))
        self._context.actor = Actor.admin()
        return self._context.actor

    def sign_in_admin(self, password: str) -> Actor:
        """Sign in as the admin; wrong passwords make the next try wait longer, up to a 15-minute lock."""
        with self._context.session() as session:
            stored = _admin_hash(session)
            if stored is None:
                raise UserError("Chưa có mật khẩu quản trị; hãy tạo mật khẩu trước.")
            sign_in_guard.refuse_while_blocked(session, ADMIN_ACCOUNT, self._context.clock())
        if not verify_secret(password, stored):
            with self._context.session() as session:
                wait = sign_in_guard.record_failure(session, ADMIN_ACCOUNT, "Quản trị", self._context.clock())
            raise UserError(sign_in_guard.wrong_secret_message("Mật khẩu quản trị không đúng.", wait))
        with self._context.session() as session:
            sign_in_guard.clear(session, ADMIN_ACCOUNT)
        self._context.actor = Actor.admin()
        return self._context.actor

    def sign_in_member(self, member_id: str, pin: str | None = None) -> Actor:
        """Sign in as a member; a member who set a PIN must give it (wrong PINs make the next try wait)."""
        account = member_account(member_id)
        with self._context.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("Không tìm thấy đảng viên này trong danh sách.")
            stored, name = member.pin_hash, member.full_name
            if stored is not None:
                sign_in_guard.refuse_while_blocked(session, account, self._context.clock())
        if stored is not None:
            if not pin:
                raise UserError("Đồng chí cần nhập mã PIN để đăng nhập.")
            if not verify_secret(pin.strip(), stored):
                with self._context.session() as session:
                    wait = sign_in_guard.record_failure(session, account, name, self._context.clock())
                raise UserError(sign_in_guard.wrong_secret_message("Mã PIN không đúng.", wait))
            with self._context.session() as session:
                sign_in_guard.clear(session, account)
        self._context.actor = Actor.member(member_id)
        return self._context.actor

    def sign_in_failures(self, limit: int = 200) -> list[SignInFailureView]:
        """The latest wrong passwords and PINs, newest first (admin only: who was tried, and when)."""
        self._context.require_admin()
        with self._context.session() as session:
            return sign_in_guard.recent_failures(session, limit)

    def sign_out(self) -> None:
        self._context.actor = None

    def set_pin(self, member_id: str, pin: str | None) -> None:
        """Set or (with None) remove a member's PIN: the member themself, or the admin (e.g. a forgotten PIN)."""
        self._context.require_member_access(member_id)
        new_hash = None if pin is None else hash_secret(check_pin(pin))
        with self._context.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("Không tìm thấy đảng viên này trong danh sách.")
            member.pin_hash = new_hash
            # A new PIN (e.g. the admin's, for a member who forgot it) ends any wait from the old one.
            sign_in_guard.clear(session, member_account(member_id))

    def has_pin(self, member_id: str) -> bool:
        """Whether signing in as this member asks for a PIN (public: the start screen needs it)."""
        with self._context.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("Không tìm thấy đảng viên này trong danh sách.")
            return member.pin_hash is not None

    def change_admin_password(self, old_password: str, new_password: str) -> None:
        self._context.require_admin()
        _check_password(new_password)
        with self._context.session() as session:
            row = session.get(Setting, ADMIN_PASSWORD_KEY)
            if row is None or not isinstance(row.value, str) or not verify_secret(old_password, row.value):
                raise UserError("Mật khẩu quản trị hiện tại không đúng.")
            row.value = hash_secret(new_password)

    @property
    def is_admin(self) -> bool:
        actor = self._context.actor
        return actor is not None and actor.role is Role.ADMIN


def _admin_hash(session: Session) -> str | None:
    row = session.get(Setting, ADMIN_PASSWORD_KEY)
    return row.value if row is not None and isinstance(row.value, str) else None
