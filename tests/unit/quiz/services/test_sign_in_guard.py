"""Wrong passwords and PINs: growing waits, a temporary lock that survives a restart, and the admin's failure log."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from quiz.errors import UserError
from quiz.service import Service
from quiz.services.context import Actor
from quiz.services.sign_in_guard import LOCK_SECONDS, wait_after
from tests.unit.quiz.engine.factories import add_member

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


class Clock:
    """The facade's clock, moved by hand: the tests step through the waits without sleeping."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def test_waits_grow_to_a_fifteen_minute_lock() -> None:
    waits = [wait_after(failures).total_seconds() for failures in range(1, 13)]
    assert waits[:2] == [0, 0]
    assert all(later >= earlier for earlier, later in itertools.pairwise(waits))
    assert waits[2] > 0 and waits[-1] == LOCK_SECONDS


def test_a_member_pin_is_locked_after_repeated_failures_even_the_right_one(service: Service) -> None:
    clock = Clock()
    service.context.clock = clock
    member_id = add_member(service)
    service.accounts.set_pin(member_id, "246813")
    service.accounts.sign_out()
    refused = 0
    for guess in range(100_000, 100_012):
        try:
            service.accounts.sign_in_member(member_id, str(guess))
        except UserError as error:
            refused += "thử lại sau" in str(error)
    # 12 tries in the same instant: only the first few reach the hash, the rest are told to wait.
    assert refused >= 9
    with pytest.raises(UserError, match="thử lại sau"):
        service.accounts.sign_in_member(member_id, "246813")
    assert service.actor is None
    clock.advance(LOCK_SECONDS + 1)
    assert service.accounts.sign_in_member(member_id, "246813").member_id == member_id


def test_the_admin_lock_survives_a_restart_and_failures_are_listed(any_database_url: str) -> None:
    clock = Clock()
    first = Service.open(any_database_url)
    first.context.clock = clock
    first.accounts.create_admin("mật-khẩu-đúng")
    first.accounts.sign_out()
    for _ in range(12):
        clock.advance(LOCK_SECONDS + 1)  # every try is allowed, so each one is a real wrong password
        with pytest.raises(UserError, match="không đúng"):
            first.accounts.sign_in_admin("mật-khẩu-sai")
    first.close()

    restarted = Service.open(any_database_url)
    restarted.context.clock = clock
    try:
        with pytest.raises(UserError, match="15 phút"):
            restarted.accounts.sign_in_admin("mật-khẩu-đúng")
        clock.advance(LOCK_SECONDS)
        restarted.accounts.sign_in_admin("mật-khẩu-đúng")
        failures = restarted.accounts.sign_in_failures()
        assert len(failures) == 12 and all(failure.is_admin for failure in failures)
        # A right password starts the count again: one more mistake costs no wait.
        restarted.accounts.sign_out()
        with pytest.raises(UserError) as error:
            restarted.accounts.sign_in_admin("mật-khẩu-sai")
        assert "thử lại" not in str(error.value)
    finally:
        restarted.close()


def test_only_the_admin_sees_the_failure_log(service: Service) -> None:
    member_id = add_member(service, "Trần Văn Bình")
    service.accounts.set_pin(member_id, "135799")
    service.accounts.sign_out()
    with pytest.raises(UserError):
        service.accounts.sign_in_member(member_id, "000000")
    service.accounts.sign_in_member(member_id, "135799")
    with pytest.raises(UserError):
        service.accounts.sign_in_failures()
    service.context.actor = Actor.admin()
    [failure] = service.accounts.sign_in_failures()
    assert failure.account_name == "Trần Văn Bình" and failure.member_id == member_id and not failure.is_admin


@pytest.mark.parametrize("pin", ["1234", "12345", "abc", "1234567890123"])
def test_short_pins_are_refused(service: Service, pin: str) -> None:
    member_id = add_member(service)
    with pytest.raises(UserError, match="ít nhất 8 ký tự"):
        service.accounts.set_pin(member_id, pin)


@pytest.mark.parametrize("pin", ["123456", "hoa sen nở muộn"])
def test_six_digits_or_a_phrase_are_accepted(service: Service, pin: str) -> None:
    member_id = add_member(service)
    service.accounts.set_pin(member_id, pin)
    service.accounts.sign_out()
    assert service.accounts.sign_in_member(member_id, pin).member_id == member_id
