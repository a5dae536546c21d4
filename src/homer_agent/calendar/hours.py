"""Call hours: whether a call fits them, and the free slots nearest a requested time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from homer_agent.profile import CallHours

__all__ = ["Interval", "fits", "nearest_slots", "overlaps", "search_window", "slots"]

Interval = tuple[datetime, datetime]
"""A busy stretch of time: start (inclusive) and end (exclusive), aware."""

SEARCH_BEFORE: Final = timedelta(days=7)
SEARCH_AFTER: Final = timedelta(days=21)
"""How far around a requested time alternatives are looked for."""


def search_window(requested: datetime, now: datetime) -> tuple[datetime, datetime]:
    """Where alternatives to `requested` are looked for (and busy time is fetched)."""
    return max(now, requested - SEARCH_BEFORE), requested + SEARCH_AFTER


def _length(hours: CallHours) -> timedelta:
    return timedelta(minutes=hours.length_minutes)


def _range_end(day: date, closes: time, tz: ZoneInfo) -> datetime:
    if closes == time.max:  # "24:00"
        return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return datetime.combine(day, closes, tzinfo=tz)


def fits(start: datetime, hours: CallHours, tz: ZoneInfo) -> bool:
    """Whether a call starting at `start` lies wholly inside one range of call hours."""
    local = start.astimezone(tz)
    day = local.date()
    if hours.is_holiday(day):
        return False
    end = local + _length(hours)
    for opens, closes in hours.ranges(day.weekday()):
        if datetime.combine(day, opens, tzinfo=tz) <= local and end <= _range_end(day, closes, tz):
            return True
    return False


def slots(begin: datetime, end: datetime, hours: CallHours, tz: ZoneInfo) -> Iterator[datetime]:
    """Call starts inside call hours from `begin` to `end`, on the grid of call lengths
    counted from each range's opening ("09:00", "09:30", ...), in order."""
    length = _length(hours)
    day = begin.astimezone(tz).date()
    last = end.astimezone(tz).date()
    while day <= last:
        if not hours.is_holiday(day):
            for opens, closes in hours.ranges(day.weekday()):
                start = datetime.combine(day, opens, tzinfo=tz)
                stop = _range_end(day, closes, tz)
                while start + length <= stop:
                    if begin <= start <= end:
                        yield start
                    start += length
        day += timedelta(days=1)


def overlaps(start: datetime, length: timedelta, busy: Sequence[Interval]) -> bool:
    """Whether a call from `start` for `length` overlaps any busy interval."""
    end = start + length
    return any(b_start < end and start < b_end for b_start, b_end in busy)


def nearest_slots(
    requested: datetime,
    *,
    now: datetime,
    hours: CallHours,
    tz: ZoneInfo,
    busy: Sequence[Interval] = (),
    count: int = 3,
) -> list[datetime]:
    """The `count` free slots inside call hours nearest `requested`, all after `now`,
    in chronological order; slots in the same part of the day (morning, afternoon,
    evening) come first when there are any ("sexta às 10h" on a holiday: the mornings
    around it, not the end of the day before)."""
    length = _length(hours)
    begin, end = search_window(requested, now)
    found = [
        start
        for start in slots(begin, end, hours, tz)
        if start > now and not overlaps(start, length, busy)
    ]
    part = _day_part(requested, tz)
    same_part = any(_day_part(start, tz) == part for start in found)
    found.sort(
        key=lambda start: (
            same_part and _day_part(start, tz) != part,
            abs(start - requested),
            start,
        )
    )
    return sorted(found[:count])


def _day_part(at: datetime, tz: ZoneInfo) -> int:
    """0 morning (before 12h), 1 afternoon (before 18h), 2 evening."""
    hour = at.astimezone(tz).hour
    return 0 if hour < 12 else 1 if hour < 18 else 2
