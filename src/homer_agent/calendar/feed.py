"""Upcoming calls without a calendar server: as JSON and as an RFC 5545 feed.

What `homer-agent calls [--json | --ics]` prints (the table is console.calls_table).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from homer_agent.brief import notes_lines
from homer_agent.calendar.events import LeadCard, calendar_of, call_event
from homer_agent.db.pool import Pool
from homer_agent.db.queries import ListUpcomingCallNotesRow, ListUpcomingCallsRow, Querier
from homer_agent.profile import Profile

__all__ = ["calendar_state", "calls_ics", "calls_json", "upcoming", "upcoming_notes"]


def upcoming(pool: Pool, *, now: datetime | None = None) -> list[ListUpcomingCallsRow]:
    """Booked calls still to come (a call started less than its length ago included)."""
    since = (now or datetime.now(UTC)) - timedelta(minutes=30)
    with pool.connection() as conn:
        return Querier(conn).list_upcoming_calls(since=since)


def upcoming_notes(pool: Pool, *, now: datetime | None = None) -> dict[str, list[str]]:
    """The broker's notes of the leads of `upcoming` calls, as lines, by the call's UID."""
    since = (now or datetime.now(UTC)) - timedelta(minutes=30)
    with pool.connection() as conn:
        rows = Querier(conn).list_upcoming_call_notes(since=since)
    by_uid: dict[str, list[ListUpcomingCallNotesRow]] = {}
    for row in rows:
        by_uid.setdefault(row.uid, []).append(row)
    return {uid: notes_lines(notes) for uid, notes in by_uid.items()}


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


def calls_ics(
    rows: list[ListUpcomingCallsRow],
    profile: Profile,
    notes: Mapping[str, Sequence[str]] | None = None,
) -> bytes:
    """The calls as an RFC 5545 feed (the same UIDs as in the CalDAV calendar), with the
    broker's notes (`upcoming_notes`) in each event's description."""
    length = timedelta(minutes=profile.calls.length_minutes)
    events = [
        call_event(
            uid=row.uid,
            starts_at=row.starts_at.astimezone(profile.tz),
            length=length,
            card=LeadCard.of(row, (notes or {}).get(row.uid, ())),
        )
        for row in rows
    ]
    name = f"Ligações — {profile.development.name}"
    return bytes(calendar_of(events, name=name).to_ical())
