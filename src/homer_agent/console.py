"""What commands print: notices, standard-input lines, reply text, the lead card, log lines.

One place for both faces of the command line (`cli.py`'s commands and `terminal.py`'s chat),
so that neither imports the other. It imports nothing of the agent: start-up stays short.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from homer_agent.brief import notes_lines
from homer_agent.db.models import Lead, LeadNote
from homer_agent.inputs import printable
from homer_agent.ptbr.replies import CARD_LABELS
from homer_agent.ptbr.text import temperature_word
from homer_agent.takeover import active_handoff

if TYPE_CHECKING:
    from homer_agent.db.queries import ListUpcomingCallsRow

# ---------------------------------------------------------------- notices and replies


def notice(message: str) -> None:
    """A side remark for people: standard error, so standard output stays parseable."""
    end_line()
    print(message, file=sys.stderr, flush=True)


class _Screen:
    """Whether standard output holds a line not yet ended (a reply being streamed)."""

    line_open = False


def say(piece: str) -> None:
    """Write part of a reply to standard output now (tokens as they stream)."""
    if not piece:
        return
    sys.stdout.write(piece)
    sys.stdout.flush()
    _Screen.line_open = not piece.endswith("\n")


def end_line() -> None:
    """End the line a reply left open, so that what comes next starts on its own line."""
    if _Screen.line_open:
        sys.stdout.write("\n")
        sys.stdout.flush()
        _Screen.line_open = False


class LineSafeHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A standard-error log handler that never writes on the line of a reply."""

    def emit(self, record: logging.LogRecord) -> None:
        end_line()
        super().emit(record)


# ---------------------------------------------------------------- standard input


def stdin_lines() -> Iterator[str]:
    """Standard input as text lines (ends kept); invalid UTF-8 becomes U+FFFD, never a crash."""
    for raw in sys.stdin.buffer:
        yield raw.decode("utf-8", errors="replace")


def stdin_messages() -> Iterator[str]:
    """The non-blank lines of standard input, trimmed."""
    for line in stdin_lines():
        text = line.strip()
        if text:
            yield text


# ---------------------------------------------------------------- leads


def local_time(value: datetime | None, tz: tzinfo) -> str:
    """A timestamp as read where the development is: `2026-12-03 15:00 -03`."""
    if value is None:
        return "-"
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


def brl(amount: int | None) -> str:
    return "-" if not amount else f"R$ {amount:,}".replace(",", ".")


_PTBR_HANDOFFS = {
    "human": "pediu um corretor",
    "hostile": "insatisfeito",
    "opt_out": "pediu para não receber mensagens",
}


def _handoff(lead: Lead, tz: tzinfo, ptbr: bool) -> str | None:
    held = active_handoff(lead)
    if held is None:
        return None
    if ptbr:
        return f"{_PTBR_HANDOFFS.get(held.reason, held.reason)}, desde {local_time(held.since, tz)}"
    return f"{held.reason} since {local_time(held.since, tz)}"


def lead_card(
    lead: Lead,
    tz: tzinfo,
    *,
    ptbr: bool = False,
    indent: str = "",
    notes: Sequence[LeadNote] = (),
) -> str:
    """Every fact and the temperature, one per line, times in the development's time zone;
    then the broker's notes, one line per category."""
    values: dict[str, object] = {
        "session_key": printable(lead.session_key),
        "name": printable(lead.name) if lead.name else None,
        "bedrooms": lead.bedrooms,
        "neighborhood": printable(lead.neighborhood) if lead.neighborhood else None,
        "budget_brl": brl(lead.budget_brl),
        "call_at": local_time(lead.call_at, tz),
        "temperature": (
            temperature_word(lead.temperature.value) if ptbr else lead.temperature.value
        ),
        "created_at": local_time(lead.created_at, tz),
        "updated_at": local_time(lead.updated_at, tz),
        "handoff": _handoff(lead, tz, ptbr),
    }
    labels = {k: CARD_LABELS[k] if ptbr else k for k in values}
    width = max(len(label) for label in labels.values())
    lines = [
        f"{indent}{labels[key].ljust(width)}  {'-' if value is None else value}"
        for key, value in values.items()
    ]
    for index, line in enumerate(notes_lines(notes)):
        label = ("notas" if ptbr else "notes") if index == 0 else ""
        lines.append(f"{indent}{label.ljust(width)}  {printable(line)}")
    return "\n".join(lines)


def _cell(text: str | None, width: int) -> str:
    shown = printable(text) if text else "-"
    return (shown if len(shown) <= width else shown[: width - 1] + "…").ljust(width)


def leads_table(leads: Sequence[Lead], tz: tzinfo) -> str:
    """The `leads` listing: who, what they want, when to call them, and how warm they are."""
    lines = [
        f"{'SESSION':<24} {'NAME':<20} {'BR':>2} {'NEIGHBORHOOD':<16} {'BUDGET':>13}  "
        f"{'CALL AT':<20}  TEMP"
    ]
    for r in leads:
        call = local_time(r.call_at, tz) if r.call_at else "-"
        lines.append(
            f"{_cell(r.session_key, 24)} {_cell(r.name, 20)} {r.bedrooms or '-':>2} "
            f"{_cell(r.neighborhood, 16)} {brl(r.budget_brl):>13}  {call:<20}  "
            f"{r.temperature.value}"
        )
    return "\n".join(lines)


_WEEKDAYS_SHORT = ("seg", "ter", "qua", "qui", "sex", "sáb", "dom")


def calls_table(rows: Sequence[ListUpcomingCallsRow], tz: tzinfo, *, synced: bool) -> str:
    """The `calls` listing, soonest first, times in the profile's zone."""
    from homer_agent.calendar.feed import calendar_state

    lines = [
        f"{'WHEN':<20} {'WHO':<24} {'BR':>2} {'NEIGHBORHOOD':<20} {'BUDGET':>13} "
        f"{'TEMP':<5} CALENDAR"
    ]
    for row in rows:
        local = row.starts_at.astimezone(tz)
        when = f"{_WEEKDAYS_SHORT[local.weekday()]} {local:%Y-%m-%d %H:%M}"
        who = row.name or row.session_key
        budget = brl(row.budget_brl)
        lines.append(
            f"{when:<20} {who[:24]:<24} {row.bedrooms or '-':>2} "
            f"{(row.neighborhood or '-')[:20]:<20} {budget:>13} {row.temperature!s:<5} "
            f"{calendar_state(row, synced)}"
        )
    return "\n".join(lines)
