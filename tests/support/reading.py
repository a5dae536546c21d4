"""Reading one message the way the kinds' unit tests do: `extract_facts` on a fixed
Monday morning in the development's time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from homer_agent.models.offline import OfflineChatModel
from homer_agent.ptbr.facts import extract_facts
from tests.support.offline_harness import Run, bound_tools

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 12, 7, 8, 30, tzinfo=TZ)  # a Monday


def extract(
    text: str, pending: str | None = None, known: tuple[str, ...] = ()
) -> dict[str, object]:
    """The facts `text` states, answering `pending`, with `known` already saved."""
    return extract_facts(text, pending=pending, now=NOW, tz=TZ, ignore=("Homer",), known=known)


def chat_run(*texts: str) -> Run:
    """`texts`, one lead message each, through the offline model and the real tools, on
    NOW's clock."""
    run = Run(now=NOW)
    model, tools = OfflineChatModel(), bound_tools()
    for text in texts:
        run.turn(text, model, tools)
    return run


def booking_run(*texts: str) -> Run:
    """A lead qualified in two messages (name; bedrooms, place and budget), then `texts`."""
    return chat_run("oi, sou a Marta", "quero 3 quartos no Cocó até 500 mil", *texts)
