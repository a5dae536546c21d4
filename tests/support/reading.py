"""Reading one message the way the kinds' unit tests do: `extract_facts` on a fixed
Monday morning in the development's time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from homer_agent.ptbr.facts import extract_facts

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 12, 7, 8, 30, tzinfo=TZ)  # a Monday


def extract(
    text: str, pending: str | None = None, known: tuple[str, ...] = ()
) -> dict[str, object]:
    """The facts `text` states, answering `pending`, with `known` already saved."""
    return extract_facts(text, pending=pending, now=NOW, tz=TZ, ignore=("Homer",), known=known)
