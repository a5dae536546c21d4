"""Checks of what a person types or passes, with errors phrased as one actionable line."""

from __future__ import annotations

import re
import unicodedata
from typing import NoReturn


class UserError(Exception):
    """Something the person running the command can fix; printed as one line."""


def fail(message: str) -> NoReturn:
    raise UserError(message)


class SessionKeyError(UserError):
    """A session key that cannot be used; `ptbr` says the same to a person in the chat."""

    def __init__(self, message: str, ptbr: str) -> None:
        super().__init__(message)
        self.ptbr = ptbr


SESSION_KEY_MAX = 128
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Characters a person cannot see or that reorder what is shown: format characters
# (zero-width, bidi overrides and isolates, soft hyphen), line/paragraph separators,
# private-use, surrogate and unassigned code points, and spaces other than U+0020.
# Two keys that look the same must be the same key, and a key must not scramble a listing.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp", "Co", "Cs", "Cn"})


def _invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return category in _INVISIBLE_CATEGORIES or (category == "Zs" and char != " ")


def check_session_key(key: str) -> str:
    """The session key as stored (trimmed, Unicode NFC), or a SessionKeyError saying why not.

    NFC makes "josé" typed with a combining accent (NFD) the same key as the precomposed one.
    """
    key = unicodedata.normalize("NFC", key.strip())
    if not key:
        raise SessionKeyError(
            "the session key is empty: give 1-128 printable characters (a phone, an e-mail)",
            "A chave está vazia: use de 1 a 128 caracteres (um telefone, um e-mail).",
        )
    if len(key) > SESSION_KEY_MAX:
        raise SessionKeyError(
            f"the session key has {len(key)} characters; the limit is {SESSION_KEY_MAX}",
            f"A chave tem {len(key)} caracteres; o limite é {SESSION_KEY_MAX}.",
        )
    if _CONTROL.search(key):
        raise SessionKeyError(
            "the session key has control characters; use printable characters only",
            "A chave tem caracteres de controle; use só caracteres visíveis.",
        )
    bad = next((c for c in key if _invisible(c)), None)
    if bad is not None:
        raise SessionKeyError(
            f"the session key has an invisible or direction-changing character "
            f"(U+{ord(bad):04X}); use visible characters only",
            f"A chave tem um caractere invisível (U+{ord(bad):04X}); use só caracteres visíveis.",
        )
    return key


def printable(text: str) -> str:
    """`text` for a terminal line: control and invisible characters shown as U+XXXX escapes."""
    if not any(_CONTROL.match(c) or _invisible(c) for c in text):
        return text
    return "".join(f"\\u{ord(c):04x}" if _CONTROL.match(c) or _invisible(c) else c for c in text)
