"""Salted slow hashes (scrypt) for the admin password and member PINs; parameters travel in the hash string."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# 16 MiB of memory per hash: slow enough to make guessing a 4-digit PIN offline costly, fast enough to sign in.
DEFAULT_COST = 2**14
DEFAULT_BLOCK_SIZE = 8
DEFAULT_PARALLELISM = 1
_KEY_LENGTH = 32
_PREFIX = "scrypt"


def hash_secret(
    secret: str,
    cost: int = DEFAULT_COST,
    block_size: int = DEFAULT_BLOCK_SIZE,
    parallelism: int = DEFAULT_PARALLELISM,
) -> str:
    """Return ``scrypt$n$r$p$salt$hash`` (base64), never the secret itself."""
    salt = secrets.token_bytes(16)
    digest = _derive(secret, salt, cost, block_size, parallelism)
    return "$".join([_PREFIX, str(cost), str(block_size), str(parallelism), _encode(salt), _encode(digest)])


def verify_secret(secret: str, stored: str) -> bool:
    """True when ``secret`` hashes to ``stored`` (with the parameters stored in it); False on any malformed hash."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _PREFIX:
        return False
    try:
        cost, block_size, parallelism = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = _decode(parts[4]), _decode(parts[5])
        actual = _derive(secret, salt, cost, block_size, parallelism)
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def _derive(secret: str, salt: bytes, cost: int, block_size: int, parallelism: int) -> bytes:
    return hashlib.scrypt(
        secret.encode("utf-8"),
        salt=salt,
        n=cost,
        r=block_size,
        p=parallelism,
        dklen=_KEY_LENGTH,
        maxmem=256 * 1024 * 1024,
    )


def _encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _decode(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
