"""Admin password and member PINs: salted hashes only, Vietnamese refusals, and who may change what."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from quiz.api.enums import Role
from quiz.errors import AccessDenied, UserError
from quiz.service import Service
from tests.unit.quiz.engine.factories import add_member


def all_stored_text(service: Service) -> str:
    """Every settings value and member PIN column, as one string, to look for clear-text secrets."""
    with service.database.engine.connect() as connection:
        values = connection.execute(text("SELECT value FROM settings")).scalars().all()
        pins = connection.execute(text("SELECT pin_hash FROM members")).scalars().all()
    return " ".join(str(value) for value in [*values, *pins])


def test_first_start_creates_the_admin_and_stores_only_a_hash(service: Service) -> None:
    assert service.accounts.admin_exists() is False
    actor = service.accounts.create_admin("bí-thư-2025")
    assert actor.role is Role.ADMIN and service.actor == actor
    assert service.accounts.admin_exists() is True
    stored = all_stored_text(service)
    assert "scrypt$" in stored and "bí-thư-2025" not in stored
    with pytest.raises(UserError):
        service.accounts.create_admin("mật-khẩu-khác")


def test_admin_sign_in_checks_the_password(service: Service) -> None:
    service.accounts.create_admin("matkhau123")
    service.accounts.sign_out()
    assert service.actor is None
    with pytest.raises(UserError, match="không đúng"):
        service.accounts.sign_in_admin("matkhau124")
    assert service.actor is None
    assert service.accounts.sign_in_admin("matkhau123").role is Role.ADMIN


def test_too_short_admin_password_is_refused(service: Service) -> None:
    with pytest.raises(UserError, match="ít nhất"):
        service.accounts.create_admin("12345")
    assert service.accounts.admin_exists() is False


def test_change_admin_password_needs_the_old_one(service: Service) -> None:
    service.accounts.create_admin("cu-123456")
    with pytest.raises(UserError):
        service.accounts.change_admin_password("sai-123456", "moi-123456")
    service.accounts.change_admin_password("cu-123456", "moi-123456")
    service.accounts.sign_out()
    with pytest.raises(UserError):
        service.accounts.sign_in_admin("cu-123456")
    service.accounts.sign_in_admin("moi-123456")


def test_member_pin_is_hashed_and_required(service: Service) -> None:
    member_id = add_member(service)
    service.accounts.sign_out()
    # Without a PIN anyone can pick their name.
    assert service.accounts.sign_in_member(member_id).member_id == member_id
    service.accounts.set_pin(member_id, "246813")
    assert "246813" not in all_stored_text(service)
    assert service.accounts.has_pin(member_id)
    service.accounts.sign_out()
    with pytest.raises(UserError, match="PIN"):
        service.accounts.sign_in_member(member_id)
    with pytest.raises(UserError, match="không đúng"):
        service.accounts.sign_in_member(member_id, "135799")
    assert service.actor is None
    assert service.accounts.sign_in_member(member_id, "246813").role is Role.MEMBER


def test_pin_format_and_who_may_change_it(service: Service) -> None:
    first = add_member(service, "Trần Thị Bình")
    second = add_member(service, "Lê Văn Cường")
    with pytest.raises(UserError, match="6 đến 12"):
        service.accounts.set_pin(first, "12a4")
    service.accounts.sign_in_member(first)
    with pytest.raises(AccessDenied):
        service.accounts.set_pin(second, "111111")
    service.accounts.set_pin(first, "999999")
    # The admin can remove a forgotten PIN.
    service.context.actor = None
    service.accounts.create_admin("quantri-1")
    service.accounts.set_pin(first, None)
    assert not service.accounts.has_pin(first)


def test_unknown_member_cannot_sign_in(service: Service) -> None:
    with pytest.raises(UserError, match="Không tìm thấy"):
        service.accounts.sign_in_member("khong-co")
