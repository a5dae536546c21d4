"""What `schedule_call` decides for a requested call time, as data a model can relay.

`decide` reads the lead's words with `ptbr.times`, then checks, in this order: that the
time is understood and complete, not past, inside call hours, and free in the brokers'
calendar. Every refusal carries the pt-BR sentence to say and, where it helps, the
nearest free slots inside call hours, so the offline model and an LLM relay the same
alternatives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Final, Literal
from zoneinfo import ZoneInfo

from homer_agent.calendar.hours import (
    Interval,
    fits,
    nearest_slots,
    overlaps,
    search_window,
    slots,
)
from homer_agent.profile import CallHours
from homer_agent.ptbr import replies
from homer_agent.ptbr.lexicon import WEEKDAY_NAMES
from homer_agent.ptbr.text import join
from homer_agent.ptbr.times import WhenError, format_call_time, parse_when, when_parts

__all__ = [
    "BusyLookup",
    "CalendarUnavailableError",
    "CallOutcome",
    "CallStatus",
    "decide",
    "describe_hours",
    "format_slots",
]

CallStatus = Literal["booked", "past", "outside_hours", "busy", "need_hour", "invalid"]
SyncState = Literal["synced", "pending", "off"]


class CalendarUnavailableError(RuntimeError):
    """The brokers' calendar did not answer in time, or refused the request."""


BusyLookup = Callable[[datetime, datetime], Sequence[Interval]]
"""The busy intervals between two instants (the lead's own call left out)."""


@dataclass(frozen=True)
class CallOutcome:
    """What happened to a requested call time; `to_json` is the tool's reply."""

    status: CallStatus
    message: str
    call_at: datetime | None = None
    requested: datetime | None = None
    day: date | None = None
    alternatives: tuple[datetime, ...] = ()
    calendar: SyncState | None = None
    labels: tuple[str, ...] = field(default=())

    def to_json(self) -> str:
        return json.dumps(
            {
                "status": self.status,
                "call_at": self.call_at.isoformat() if self.call_at else None,
                "requested": self.requested.isoformat() if self.requested else None,
                "day": self.day.isoformat() if self.day else None,
                "alternatives": [slot.isoformat() for slot in self.alternatives],
                "alternatives_pt": list(self.labels),
                "calendar": self.calendar,
                "message": self.message,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> CallOutcome | None:
        """Read a tool reply back; None when `text` is not one."""
        try:
            data = json.loads(text)
            status = data["status"]
            if status not in ("booked", "past", "outside_hours", "busy", "need_hour", "invalid"):
                return None

            def instant(key: str) -> datetime | None:
                value = data.get(key)
                return datetime.fromisoformat(value) if isinstance(value, str) else None

            day = data.get("day")
            return cls(
                status=status,
                message=str(data.get("message") or ""),
                call_at=instant("call_at"),
                requested=instant("requested"),
                day=date.fromisoformat(day) if isinstance(day, str) else None,
                alternatives=tuple(datetime.fromisoformat(v) for v in data["alternatives"]),
                calendar=data.get("calendar"),
                labels=tuple(str(v) for v in data.get("alternatives_pt") or ()),
            )
        except (ValueError, KeyError, TypeError):
            return None


def _clock_pt(at: time) -> str:
    return f"{at.hour}h" + (f"{at.minute:02d}" if at.minute else "")


def _range_pt(ranges: tuple[tuple[time, time], ...]) -> str:
    parts = []
    for opens, closes in ranges:
        end = "24h" if closes == time.max else _clock_pt(closes)
        parts.append(f"das {_clock_pt(opens)} às {end}")
    return join(parts)


def describe_hours(hours: CallHours) -> str:
    """`"de segunda a sexta, das 9h às 18h, e sábado, das 9h às 13h"`."""
    groups: list[tuple[int, int, tuple[tuple[time, time], ...]]] = []
    for weekday in range(7):
        ranges = hours.ranges(weekday)
        if groups and groups[-1][2] == ranges and groups[-1][1] == weekday - 1:
            groups[-1] = (groups[-1][0], weekday, ranges)
        else:
            groups.append((weekday, weekday, ranges))
    parts = []
    for first, last, ranges in groups:
        if not ranges:
            continue
        name = WEEKDAY_NAMES[first].removesuffix("-feira")
        if last > first:
            name = f"de {name} a {WEEKDAY_NAMES[last].removesuffix('-feira')}"
        parts.append(f"{name}, {_range_pt(ranges)}")
    if not parts:
        return "em horários a combinar"
    # Each part has its own commas: the last one joins with ", e".
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", e " + parts[-1]


def format_slots(slots: Sequence[datetime], *, tz: ZoneInfo, now: datetime) -> list[str]:
    """Each slot in pt-BR; a slot on the same day as the one before says only the hour."""
    labels: list[str] = []
    previous: date | None = None
    for slot in slots:
        local = slot.astimezone(tz)
        if local.date() == previous:
            labels.append(f"às {_clock_pt(local.time())}")
        else:
            labels.append(format_call_time(local, tz=tz, now=now))
        previous = local.date()
    return labels


def _offer(
    status: CallStatus,
    why: str,
    at: datetime,
    slots: Sequence[datetime],
    *,
    tz: ZoneInfo,
    now: datetime,
) -> CallOutcome:
    """`at` cannot be booked (`why`, a pt-BR sentence): the free `slots` offered instead."""
    labels = tuple(format_slots(slots, tz=tz, now=now))
    return CallOutcome(
        status=status,
        message=f"{why} {replies.can_book(labels)}",
        requested=at,
        alternatives=tuple(slots),
        labels=labels,
    )


def decide(
    when: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    hours: CallHours,
    booked: datetime | None = None,
    offered: Sequence[datetime] = (),
    busy: BusyLookup | None = None,
) -> CallOutcome:
    """Decide what to do with a requested call time; nothing is written here.

    `busy` looks up the brokers' calendar; when it raises `CalendarUnavailableError` the
    time is accepted unchecked (`calendar="pending"`: it is pushed once it answers).
    """
    try:
        at = parse_when(when, now=now, tz=tz, booked=booked, offered=offered)
    except WhenError as exc:
        return _refused(exc, now=now, tz=tz, hours=hours, busy=busy)
    parts = when_parts(when)
    if parts.period is not None:  # a day part and no clock time
        # "sexta à tarde": nobody said an hour; offer free ones in that part of that day.
        # "de manhã" alone: in that part of the nearest day that has free ones.
        days = 1 if parts.has_date else PERIOD_SEARCH_DAYS
        start = at if parts.has_date else now
        for n in range(days):
            offer = _period_offer(
                start + timedelta(days=n), parts.period, now=now, tz=tz, hours=hours, busy=busy
            )
            if offer is not None:
                return offer
    if not fits(at, hours, tz):
        return _outside(at, now=now, tz=tz, hours=hours, busy=busy)
    length = timedelta(minutes=hours.length_minutes)
    if busy is None:
        return _booked(at, tz, now, "off")
    try:
        # One search covers the slot and every alternative that may be offered.
        taken = busy(*search_window(at, now))
    except CalendarUnavailableError:
        return _booked(at, tz, now, "pending")
    if overlaps(at, length, taken):
        slots = nearest_slots(at, now=now, hours=hours, tz=tz, busy=taken)
        return _offer("busy", replies.SLOT_TAKEN, at, slots, tz=tz, now=now)
    return _booked(at, tz, now, "synced")


PERIOD_SEARCH_DAYS: Final = 14
"""Days looked at, from today, for free slots in a day part named without a day."""

_PERIOD_HOURS: Final = {
    "madrugada": (0, 6),
    "manha": (6, 12),
    "tarde": (12, 18),
    "fim da tarde": (16, 18),
    "final da tarde": (16, 18),
    "noite": (18, 24),
}
"""The hours each day part spans, from the first to the last (exclusive)."""


def _period_offer(
    at: datetime,
    period: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    hours: CallHours,
    busy: BusyLookup | None,
) -> CallOutcome | None:
    """Three free slots spread over the day part of `at`'s day; None when it has none."""
    first, last = _PERIOD_HOURS.get(period, (0, 24))
    day = at.astimezone(tz).date()
    begin = datetime.combine(day, time(first), tzinfo=tz)
    end = datetime.combine(day, time(last - 1, 59), tzinfo=tz)
    taken = _taken(busy, begin, end + timedelta(hours=1))
    length = timedelta(minutes=hours.length_minutes)
    free = [
        start
        for start in slots(begin, end, hours, tz)
        if start > now
        and start + length <= end + timedelta(minutes=1)
        and not overlaps(start, length, taken)
    ]
    if not free:
        return None
    picked = sorted({free[0], free[len(free) // 2], free[-1]})
    labels = tuple(format_slots(picked, tz=tz, now=now))
    name = format_call_time(begin, tz=tz, now=now).split(" às ")[0]
    clocks = [_clock_pt(slot.astimezone(tz).time()) for slot in picked]
    return CallOutcome(
        status="need_hour",
        message=replies.day_part_offer(day.weekday(), name, replies.day_part(period), clocks),
        day=day,
        alternatives=tuple(picked),
        labels=labels,
    )


def _booked(at: datetime, tz: ZoneInfo, now: datetime, calendar: SyncState) -> CallOutcome:
    return CallOutcome(
        status="booked",
        message=replies.call_booked(format_call_time(at, tz=tz, now=now)),
        call_at=at,
        calendar=calendar,
    )


def _taken(busy: BusyLookup | None, begin: datetime, end: datetime) -> Sequence[Interval]:
    """The busy intervals between `begin` and `end`; none without a calendar or when it
    cannot be asked (the slots are then offered unchecked)."""
    if busy is None:
        return ()
    try:
        return busy(begin, end)
    except CalendarUnavailableError:
        return ()


def _free_slots(
    requested: datetime, *, now: datetime, tz: ZoneInfo, hours: CallHours, busy: BusyLookup | None
) -> list[datetime]:
    taken = _taken(busy, *search_window(requested, now))
    return nearest_slots(requested, now=now, hours=hours, tz=tz, busy=taken)


def _outside(
    at: datetime, *, now: datetime, tz: ZoneInfo, hours: CallHours, busy: BusyLookup | None
) -> CallOutcome:
    slots = _free_slots(at, now=now, tz=tz, hours=hours, busy=busy)
    local = at.astimezone(tz)
    holiday = hours.holiday(local.date())
    if holiday is not None:
        day = format_call_time(local, tz=tz, now=now).split(" às ")[0]
        first = replies.no_calls_that_day(replies.holiday(day, holiday))
    else:
        first = replies.call_hours(describe_hours(hours))
    return _offer("outside_hours", first, at, slots, tz=tz, now=now)


def _refused(
    exc: WhenError, *, now: datetime, tz: ZoneInfo, hours: CallHours, busy: BusyLookup | None
) -> CallOutcome:
    if exc.reason == "past":
        return CallOutcome(
            status="past",
            message=replies.TIME_PAST,
            requested=exc.at,
        )
    if exc.reason == "no_time" and exc.day is not None:
        day = exc.day
        noon = datetime.combine(day, time(12), tzinfo=tz)
        if day < now.astimezone(tz).date():
            return CallOutcome(
                status="past",
                message=replies.DAY_PAST,
                day=day,
            )
        ranges = hours.ranges(day.weekday())
        if not ranges or hours.is_holiday(day):
            outcome = _outside(noon, now=now, tz=tz, hours=hours, busy=busy)
            return CallOutcome(
                status="outside_hours",
                message=outcome.message,
                day=day,
                alternatives=outcome.alternatives,
                labels=outcome.labels,
            )
        label = format_call_time(noon, tz=tz, now=now).split(" às ")[0]
        return CallOutcome(
            status="need_hour",
            message=replies.which_hour(day.weekday(), label, _range_pt(ranges)),
            day=day,
        )
    if exc.reason == "invalid_date":
        return CallOutcome(
            status="invalid",
            message=replies.DATE_INVALID,
        )
    return CallOutcome(
        status="invalid",
        message=replies.DATE_UNREADABLE,
    )
