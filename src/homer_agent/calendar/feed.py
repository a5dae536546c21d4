"""Upcoming calls without a calendar server: as JSON and as an RFC 5545 feed.

What `homer-agent calls [--json | --ics]` prints (the table is console.calls_table).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from homer_agent.calendar.events import LeadCard, calendar_of, call_event
from homer_agent.db.pool import Pool
from homer_agent.db.queries import ListUpcomingCallsRow, Querier
from homer_agent.profile import Profile

__all__ = ["calendar_state", "calls_ics", "calls_json", "upcoming"]


def upcoming(pool: Pool, *, now: datetime | None = None) -> list[ListUpcomingCallsRow]:
    """Booked calls still to come (a call started less than its length ago included)."""
    since = (now or datetime.now(UTC)) - timedelta(minutes=30)
    with pool.connection() as conn:
        return Querier(conn).list_upcoming_calls(since=since)


def calendar_state(row: ListUpcomingCallsRow, synced: bool) -> str:
    """synced, pending (not pushed yet), or off (no CalDAV calendar is set)."""
    if not synced:
        return "off"
    return "pending" if row.pending else "synced"


def calls_json(
    rows: list[ListUpcomingCallsRow], tz: ZoneInfo, *, synced: bool
) -> list[dict[str, Any]]:
    """One object per call: `call_at` in the profile's zone with its offset, the lead's
    facts, and `calendar` (synced, pending, or off when no CalDAV calendar is set)."""
    return [
        {
            "call_at": row.starts_at.astimezone(tz).isoformat(),
            "session_key": row.session_key,
            "name": row.name,
            "bedrooms": row.bedrooms,
            "neighborhood": row.neighborhood,
            "budget_brl": row.budget_brl,
            "temperature": str(row.temperature),
            "calendar": calendar_state(row, synced),
            "uid": row.uid,
        }
        for row in rows
    ]


def calls_ics(rows: list[ListUpcomingCallsRow], profile: Profile) -> bytes:
    """The calls as an RFC 5545 feed (the same UIDs as in the CalDAV calendar)."""
    length = timedelta(minutes=profile.calls.length_minutes)
    events = [
        call_event(
            uid=row.uid,
            starts_at=row.starts_at.astimezone(profile.tz),
            length=length,
            card=LeadCard.of(row),
        )
        for row in rows
    ]
    name = f"Ligações — {profile.development.name}"
    return bytes(calendar_of(events, name=name).to_ical())
