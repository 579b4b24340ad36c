"""Secrets are stored as salted scrypt hashes whose parameters travel in the string."""

from __future__ import annotations

from quiz.engine.passwords import hash_secret, verify_secret


def test_hash_verifies_the_right_secret_only() -> None:
    stored = hash_secret("mật khẩu bí mật")
    assert verify_secret("mật khẩu bí mật", stored)
    assert not verify_secret("mật khẩu bí mât", stored)
    assert not verify_secret("", stored)


def test_hash_is_salted_and_never_contains_the_secret() -> None:
    first, second = hash_secret("1234"), hash_secret("1234")
    assert first != second
    assert "1234" not in first.split("$", 4)[-1]
    assert verify_secret("1234", first) and verify_secret("1234", second)


def test_parameters_are_read_from_the_stored_string() -> None:
    cheap = hash_secret("abcdef", cost=2**10, block_size=4, parallelism=2)
    assert cheap.split("$")[:4] == ["scrypt", "1024", "4", "2"]
    assert verify_secret("abcdef", cheap)


def test_malformed_hashes_never_verify() -> None:
    for stored in ("", "1234", "scrypt$x$8$1$AAAA$AAAA", "bcrypt$1$2$3$4$5", "scrypt$1024$8$1$!!$??"):
        assert not verify_secret("1234", stored)
