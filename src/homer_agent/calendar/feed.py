"""Upcoming calls without a calendar server: a table, JSON, an RFC 5545 feed; and sync.

The bodies of `homer-agent calls [--json | --ics]` and `homer-agent calls sync`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from homer_agent.brief import notes_lines
from homer_agent.calendar.caldav_sync import BrokerCalendar, push_pending
from homer_agent.calendar.events import LeadCard, calendar_of, call_event
from homer_agent.config import Settings
from homer_agent.console import brl, notice
from homer_agent.db import connect
from homer_agent.db.pool import Pool
from homer_agent.db.queries import ListUpcomingCallNotesRow, ListUpcomingCallsRow, Querier
from homer_agent.inputs import UserError
from homer_agent.profile import Profile, load_profile

__all__ = ["calls_ics", "calls_json", "calls_table", "run_calls", "run_sync", "upcoming"]

_WEEKDAYS_SHORT = ("seg", "ter", "qua", "qui", "sex", "sáb", "dom")


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


def _calendar_state(row: ListUpcomingCallsRow, synced: bool) -> str:
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
            "calendar": _calendar_state(row, synced),
            "uid": row.uid,
        }
        for row in rows
    ]


def calls_table(rows: list[ListUpcomingCallsRow], tz: ZoneInfo, *, synced: bool) -> str:
    """A table for people, soonest first, times in the profile's zone."""
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
            f"{_calendar_state(row, synced)}"
        )
    return "\n".join(lines)


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


def run_calls(settings: Settings, *, as_json: bool, ics: bool) -> None:
    """`homer-agent calls`: print the upcoming calls as a table, JSON or iCalendar."""
    if as_json and ics:
        raise UserError("choose one of --json and --ics")
    profile = load_profile(settings.homer_profile)
    with connect(settings) as database:
        rows = upcoming(database.pool)
        notes = upcoming_notes(database.pool) if ics else {}
    synced = settings.homer_caldav_url is not None
    if ics:
        sys.stdout.buffer.write(calls_ics(rows, profile, notes))
        sys.stdout.flush()
    elif as_json:
        print(json.dumps(calls_json(rows, profile.tz, synced=synced), ensure_ascii=False))
    elif not rows:
        notice("No upcoming calls.")
    else:
        print(calls_table(rows, profile.tz, synced=synced))


def run_sync(settings: Settings) -> int:
    """`homer-agent calls sync`: push every pending change; the exit code says if all went."""
    calendar = BrokerCalendar.from_settings(settings)
    if calendar is None:
        raise UserError("HOMER_CALDAV_URL is not set: there is no calendar to sync with")
    profile = load_profile(settings.homer_profile)
    with connect(settings) as database, database.pool.connection() as conn:
        report = push_pending(conn, calendar, profile)
    for conflict in report.conflicts:
        notice(f"homer-agent: {conflict}")
    if report.error is not None:
        notice(
            f"homer-agent: error: pushed {report.pushed}, {report.pending} still pending: "
            f"{report.error}"
        )
        return 1
    if report.conflicts:
        notice(
            f"Pushed {report.pushed} change(s); {len(report.conflicts)} call(s) not written "
            "because their time is busy in the calendar (above)."
        )
        return 1
    notice(f"Pushed {report.pushed} change(s) to the calendar; nothing pending.")
    return 0
