"""The brokers' CalDAV calendar: busy time, and one VEVENT per lead pushed exactly once.

`BrokerCalendar` talks to the calendar collection at HOMER_CALDAV_URL with the
maintained `caldav` client; every failure (unreachable, slow, refused credentials)
becomes `CalendarUnavailableError`, one line. `push_pending` sends the changes that
Postgres holds as pending (`call_events.version > pushed_version`): a booked or moved
call is PUT under its stable UID, a cancelled one is PUT with STATUS:CANCELLED, a
forgotten lead's is deleted. Rows are locked while pushed, so two pushers never send the
same change, and a change the calendar accepted is never sent again.
"""

from __future__ import annotations

import logging
import math
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from psycopg import Connection
from psycopg.rows import DictRow

from homer_agent import metrics
from homer_agent.brief import notes_lines, notes_of
from homer_agent.calendar.booking import CalendarUnavailableError
from homer_agent.calendar.hours import Interval
from homer_agent.config import Settings
from homer_agent.db.models import CallEvent, Lead
from homer_agent.db.queries import Querier
from homer_agent.profile import Profile

__all__ = [
    "BrokerCalendar",
    "PushReport",
    "cancel_booking",
    "forget_booking",
    "new_uid",
    "push_pending",
    "record_booking",
]

log = logging.getLogger(__name__)


def new_uid() -> str:
    """A VEVENT UID that says nothing about the lead (it outlives a forgotten lead)."""
    return f"{uuid.uuid4()}@homer-agent"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


class BrokerCalendar:
    """One CalDAV calendar collection (HOMER_CALDAV_URL), reached with a timeout."""

    def __init__(
        self, url: str, *, username: str | None, password: str | None, timeout: float
    ) -> None:
        # The CalDAV client (and its HTTP stack) loads only when a calendar is configured:
        # every chat imports this module through the tools.
        from caldav.davclient import DAVClient

        self.url = url if url.endswith("/") else url + "/"
        self._client = DAVClient(
            url=self.url, username=username, password=password, timeout=math.ceil(timeout)
        )
        self._calendar: Any = self._client.calendar(url=self.url)  # type: ignore[no-untyped-call]

    @classmethod
    def from_settings(cls, settings: Settings) -> BrokerCalendar | None:
        """The calendar HOMER_CALDAV_URL names, or None when it is unset."""
        if settings.homer_caldav_url is None:
            return None
        password = settings.homer_caldav_password
        return cls(
            settings.homer_caldav_url,
            username=settings.homer_caldav_username,
            password=password.get_secret_value() if password is not None else None,
            timeout=settings.homer_caldav_timeout,
        )

    def _fail(self, action: str, exc: Exception) -> CalendarUnavailableError:
        from caldav.lib.error import AuthorizationError

        if isinstance(exc, AuthorizationError):
            return CalendarUnavailableError(
                f"calendar {self.url}: {action} refused the credentials: check "
                "HOMER_CALDAV_USERNAME and HOMER_CALDAV_PASSWORD"
            )
        return CalendarUnavailableError(f"calendar {self.url}: {action} failed: {_one_line(exc)}")

    def busy(
        self, start: datetime, end: datetime, *, exclude_uid: str | None = None
    ) -> list[Interval]:
        """The busy intervals overlapping [start, end): every event that is neither
        cancelled nor transparent, recurrences expanded, `exclude_uid` left out."""
        try:
            found = self._calendar.search(start=start, end=end, event=True, expand=True)
            intervals: list[Interval] = []
            for item in found:
                for component in item.icalendar_instance.walk("VEVENT"):
                    interval = _interval(component, start.tzinfo)
                    if interval is None or str(component.get("uid", "")) == exclude_uid:
                        continue
                    intervals.append(interval)
        except Exception as exc:  # the client raises DAV, HTTP and socket errors alike
            raise self._fail("busy-time search", exc) from None
        return intervals

    def put(self, ical: str) -> None:
        """Create or replace the event with this UID."""
        try:
            self._calendar.add_event(ical, increase_seqno=False)
        except Exception as exc:
            raise self._fail("saving an event", exc) from None

    def delete(self, uid: str) -> None:
        """Delete the event with this UID; one already gone counts as deleted."""
        from caldav.lib.error import NotFoundError

        try:
            event = self._calendar.get_event_by_uid(uid)
        except NotFoundError:
            return
        except Exception as exc:
            raise self._fail("finding an event", exc) from None
        try:
            event.delete()
        except NotFoundError:
            return
        except Exception as exc:
            raise self._fail("deleting an event", exc) from None


def _interval(component: Any, zone: Any) -> Interval | None:
    if str(component.get("status", "")).upper() == "CANCELLED":
        return None
    if str(component.get("transp", "")).upper() == "TRANSPARENT":
        return None
    start = component.decoded("dtstart")
    if "dtend" in component:
        end = component.decoded("dtend")
    elif "duration" in component:
        end = start + component.decoded("duration")
    else:
        end = start + (timedelta(days=1) if not isinstance(start, datetime) else timedelta(0))
    return _instant(start, zone), _instant(end, zone)


def _instant(value: date | datetime, zone: Any) -> datetime:
    """An aware instant: all-day dates start at midnight in `zone`, floating times too."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=zone)
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


# ---------------------------------------------------------------- Postgres side


def record_booking(q: Querier, lead: Lead) -> CallEvent | None:
    """Record the lead's booked (or moved) call as a change to push; None if unchanged."""
    assert lead.call_at is not None
    return q.book_call_event(lead_id=lead.id, uid=new_uid(), starts_at=lead.call_at)


def cancel_booking(q: Querier, lead_id: int) -> CallEvent | None:
    """A hand-off or opt-out: the booked call becomes cancelled (STATUS:CANCELLED)."""
    return q.cancel_call_event(lead_id=lead_id)


def forget_booking(q: Querier, lead_id: int) -> CallEvent | None:
    """A forgotten lead: its event is to be deleted; the row keeps only the UID."""
    return q.forget_call_event(lead_id=lead_id)


@dataclass(frozen=True)
class PushReport:
    """What one push did: changes accepted, the error that stopped it (if any), and the
    calls not written because the calendar has another event at their time now."""

    pushed: int
    pending: int
    error: str | None = None
    conflicts: tuple[str, ...] = ()


class CalendarConflictError(Exception):
    """A pending call's slot is busy in the calendar now: it is not written over."""


def push_pending(
    conn: Connection[DictRow],
    calendar: BrokerCalendar,
    profile: Profile,
    *,
    lead_id: int | None = None,
    event_id: int | None = None,
) -> PushReport:
    """Push pending changes (of one lead, one event, or all) to the calendar, once each.

    Stops at the first failure: the calendar is down, the rest waits for the next push.
    """
    pushed = 0
    length = timedelta(minutes=profile.calls.length_minutes)
    with conn.transaction():
        q = Querier(conn)
        rows = [
            row
            for row in q.lock_pending_call_events(lead_id=lead_id)
            if event_id is None or row.id == event_id
        ]
        conflicts: list[str] = []
        for index, row in enumerate(rows):
            try:
                _push(q, calendar, row, profile, length)
            except CalendarConflictError as exc:
                # Stays pending, said on every push until someone reschedules it.
                q.mark_call_event_failed(id=row.id, last_error=str(exc))
                metrics.record_calendar_conflict()
                log.warning("%s", exc)
                conflicts.append(str(exc))
                continue
            except CalendarUnavailableError as exc:
                q.mark_call_event_failed(id=row.id, last_error=str(exc))
                log.warning("%s", exc)
                return PushReport(
                    pushed=pushed,
                    pending=len(rows) - index + len(conflicts),
                    error=str(exc),
                    conflicts=tuple(conflicts),
                )
            q.mark_call_event_pushed(version=row.version, id=row.id)
            if row.state == "deleted":
                q.delete_pushed_call_event(id=row.id)
            pushed += 1
    return PushReport(pushed=pushed, pending=len(conflicts), conflicts=tuple(conflicts))


def _push(
    q: Querier, calendar: BrokerCalendar, row: CallEvent, profile: Profile, length: timedelta
) -> None:
    from homer_agent.calendar.events import LeadCard, calendar_of, call_event

    if row.state == "deleted" or row.lead_id is None:
        calendar.delete(row.uid)
        return
    lead = q.get_lead(id=row.lead_id)
    if lead is None:  # forgotten between the lock and now: the forget pushes the delete
        calendar.delete(row.uid)
        return
    starts_at = row.starts_at.astimezone(profile.tz)
    if row.state != "cancelled":
        # Booked while the calendar could not be asked (or asked a while ago): the slot
        # may have been taken since. Never written over another event.
        taken = calendar.busy(starts_at, starts_at + length, exclude_uid=row.uid)
        if taken:
            who = lead.name or "a lead"
            raise CalendarConflictError(
                f"conflict: the call with {who} on {starts_at:%Y-%m-%d %H:%M} overlaps "
                f"{len(taken)} event(s) now in the calendar; not written: reschedule it "
                "with the lead"
            )
    event = call_event(
        uid=row.uid,
        starts_at=starts_at,
        length=length,
        card=LeadCard.of(lead, notes_lines(notes_of(q, lead.id))),
        sequence=row.version,
        status="CANCELLED" if row.state == "cancelled" else "CONFIRMED",
    )
    calendar.put(calendar_of([event]).to_ical().decode("utf-8"))
