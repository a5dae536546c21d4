"""The example development's conversations (a verbatim copy of what outside checks run) and
how their expected call times read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.support.paths import DATA

OWN_CONVERSATIONS = DATA / "conversations"
SHARED_CONVERSATIONS = OWN_CONVERSATIONS / "shared"


def shared_conversations() -> list[Path]:
    """The example development's conversations, in order."""
    return sorted(SHARED_CONVERSATIONS.glob("*.json"))


def expected_call_on(spec: dict[str, Any], today: dt.date) -> tuple[str, str]:
    """(day, "HH:MM") an example's `call_at` expects, read against `today` as run-examples'
    `expected_call` reads it against the real today: a date, days from today, or the next
    such weekday (a week ahead when it is today's)."""
    if "date" in spec:
        day = dt.date.fromisoformat(spec["date"])
    elif "days_from_today" in spec:
        day = today + dt.timedelta(days=spec["days_from_today"])
    else:
        day = today + dt.timedelta(days=(spec["weekday"] - today.weekday()) % 7 or 7)
    return day.isoformat(), spec["time"]
