"""Settings: declared keys, who may read them, and secrets (password hash, unit key) that never leave the facade."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from quiz.api.unit_details import UnitDetails
from quiz.engine import protection
from quiz.errors import AccessDenied, UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.services.settings import SETTINGS, Reader
from tests.unit.quiz.engine.factories import add_member


def stored_unit_key(service: Service) -> str:
    with service.database.engine.connect() as connection:
        return str(connection.execute(text("SELECT value FROM settings WHERE key = 'results_unit_key'")).scalar())


def secrets_set(service: Service) -> tuple[str, str]:
    """Create the admin password and the unit key; returns the stored hash and the unit secret (hex)."""
    service.accounts.create_admin("mật-khẩu-bí-thư")
    service.results.set_unit_key("khoá chung của đơn vị")
    with service.database.engine.connect() as connection:
        password_hash = connection.execute(
            text("SELECT value FROM settings WHERE key = 'admin_password_hash'")
        ).scalar()
    secret = service.results._key().secret.hex()
    return str(password_hash), secret


@pytest.mark.parametrize("actor", [None, "member", "admin"])
def test_nobody_reads_a_secret_through_the_settings(service: Service, actor: str | None) -> None:
    password_hash, secret = secrets_set(service)
    member_id = add_member(service, "Nguyễn Văn An")
    service.context.actor = {None: None, "member": Actor.member(member_id), "admin": Actor.admin()}[actor]
    everything = repr(service.settings.all())
    assert password_hash.split("$")[-1] not in everything and secret not in everything
    for key in ("admin_password_hash", "results_unit_key"):
        with pytest.raises(AccessDenied):
            service.settings.get(key)


def test_public_settings_are_read_by_anyone_and_admin_only_ones_by_the_admin(service: Service) -> None:
    service.settings.set("place_name", "Hồng Phong")
    with pytest.raises(UserError, match="Không có thiết lập"):
        service.settings.set("ghi_chu_rieng", "chỉ quản trị xem")  # not declared: refused
    with pytest.raises(UserError, match="Không có thiết lập"):
        service.settings.get("ghi_chu_rieng")
    service.context.actor = None
    assert service.settings.get("place_name") == "Hồng Phong"
    assert service.settings.all()["place_name"] == "Hồng Phong"
    assert service.settings.unit_details().place_name == "Hồng Phong"
    assert service.settings.language() == "vi" and service.settings.reflection_questions()
    with pytest.raises(AccessDenied):
        service.settings.save_unit_details(UnitDetails(place_name="Khác"))
    service.context.actor = Actor.admin()
    service.settings.save_unit_details(UnitDetails("Đảng bộ tỉnh", "Chi bộ 1", "Hồng Phong", dt.date(2026, 1, 31)))
    assert service.settings.unit_details() == UnitDetails(
        "Đảng bộ tỉnh", "Chi bộ 1", "Hồng Phong", dt.date(2026, 1, 31)
    )


def test_the_admin_cannot_overwrite_a_secret_or_store_a_wrong_type(service: Service) -> None:
    service.accounts.create_admin("mật-khẩu-bí-thư")
    with pytest.raises(AccessDenied):
        service.settings.set("admin_password_hash", "scrypt$1$1$1$AAAA$AAAA")
    with pytest.raises(UserError, match="không đúng kiểu"):
        service.settings.set("reflection_questions", "một câu")
    service.accounts.sign_out()
    assert service.accounts.sign_in_admin("mật-khẩu-bí-thư").role.value == "admin"


def test_every_declared_secret_is_hidden_and_defaults_are_public() -> None:
    readers = {key: setting.reader for key, setting in SETTINGS.items()}
    assert readers["admin_password_hash"] is Reader.SECRET and readers["results_unit_key"] is Reader.SECRET
    assert readers["place_name"] is Reader.PUBLIC and readers["language"] is Reader.PUBLIC


class FakeProtection:
    """Stands in for DPAPI off Windows: reversible, and it says which calls were made."""

    name = "dpapi"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def protect(self, secret: bytes) -> bytes:
        self.calls.append("protect")
        return b"wrapped:" + secret[::-1]

    def unprotect(self, protected: bytes) -> bytes:
        self.calls.append("unprotect")
        if not protected.startswith(b"wrapped:"):
            raise protection.ProtectionFailed("not ours")
        return protected.removeprefix(b"wrapped:")[::-1]


@pytest.fixture
def local_service(database_url: str) -> Iterator[Service]:
    """The PC's own SQLite database, where DPAPI applies (a shared server keeps the key readable by every PC)."""
    opened = Service.open(database_url, actor=Actor.admin())
    yield opened
    opened.close()


def test_the_unit_key_is_wrapped_by_the_system_protection_when_there_is_one(
    local_service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = local_service
    fake = FakeProtection()
    monkeypatch.setattr(protection, "system_protector", lambda: fake)
    key_id = service.results.set_unit_key("khoá chung của đơn vị")
    secret = service.results._key().secret
    stored = stored_unit_key(service)
    assert secret.hex() not in stored and key_id in stored and fake.calls == ["protect", "unprotect"]
    assert base64.b64encode(b"wrapped:" + secret[::-1]).decode() in stored
    # Another Windows account (DPAPI refuses): a sentence, not a traceback.
    monkeypatch.setattr(fake, "unprotect", lambda _data: (_ for _ in ()).throw(protection.ProtectionFailed("x")))
    with pytest.raises(UserError, match="tài khoản Windows khác"):
        service.results.export(tmp_path / "a.nqpkg")


@pytest.mark.skipif(protection.system_protector() is None, reason="DPAPI exists only on Windows")
def test_windows_data_protection_round_trip() -> None:
    protector = protection.system_protector()
    assert protector is not None
    wrapped = protector.protect(b"\x01secret\x02")
    assert b"secret" not in wrapped and protector.unprotect(wrapped) == b"\x01secret\x02"


def test_a_key_stored_before_protection_is_wrapped_on_first_use(
    local_service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = local_service
    key_id = service.results.set_unit_key("khoá chung của đơn vị")  # no protector off Windows: stored as hex
    secret = service.results._key().secret
    assert secret.hex() in stored_unit_key(service)
    monkeypatch.setattr(protection, "system_protector", FakeProtection)
    assert service.results._key().secret == secret
    assert secret.hex() not in stored_unit_key(service) and key_id in stored_unit_key(service)
    assert service.results._key().secret == secret


def test_a_shared_server_keeps_the_key_readable_by_every_pc(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    if service.database.engine.dialect.name == "sqlite":
        pytest.skip("a PC's own SQLite database wraps the key (tested above)")
    fake = FakeProtection()
    monkeypatch.setattr(protection, "system_protector", lambda: fake)
    service.results.set_unit_key("khoá chung của đơn vị")
    assert service.results._key().secret.hex() in stored_unit_key(service) and fake.calls == []
