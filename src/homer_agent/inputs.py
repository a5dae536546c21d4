"""Checks of what a person types or passes, with errors phrased as one actionable line."""

from __future__ import annotations

import re
from typing import NoReturn


class UserError(Exception):
    """Something the person running the command can fix; printed as one line."""


def fail(message: str) -> NoReturn:
    raise UserError(message)


SESSION_KEY_MAX = 128
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def check_session_key(key: str) -> str:
    """The session key as stored (trimmed), or a UserError saying what is wrong."""
    key = key.strip()
    if not key:
        fail("the session key is empty: give 1-128 printable characters (a phone, an e-mail)")
    if len(key) > SESSION_KEY_MAX:
        fail(f"the session key has {len(key)} characters; the limit is {SESSION_KEY_MAX}")
    if _CONTROL.search(key):
        fail("the session key has control characters; use printable characters only")
    return key
