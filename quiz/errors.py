"""Errors whose message is shown to the user as it is (one clear Vietnamese sentence)."""

from __future__ import annotations


class UserError(Exception):
    """A refusal the user can act on; ``str(error)`` is the Vietnamese message."""


class AccessDenied(UserError):
    """The signed-in person may not see or change this."""


class NotFound(UserError):
    """The requested row does not exist (any more)."""
