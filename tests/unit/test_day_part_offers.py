"""Issue 21, replies about the call: a day part offers hours of it, nobody's hour is booked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from homer_agent.calendar.booking import decide
from homer_agent.profile import CallHours

TZ = ZoneInfo("America/Fortaleza")
NOW = datetime(2026, 12, 7, 8, 30, tzinfo=TZ)  # Monday
HOURS = CallHours()


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TZ)


def test_a_day_part_offers_three_free_hours_of_that_part() -> None:
    outcome = decide("sexta à tarde", now=NOW, tz=TZ, hours=HOURS)
    assert outcome.status == "need_hour" and outcome.call_at is None
    assert outcome.alternatives == (at(11, 12), at(11, 15), at(11, 17, 30))
    assert "tenho estes horários livres: 12h, 15h ou 17h30" in outcome.message


def test_busy_hours_are_not_offered() -> None:
    outcome = decide(
        "amanhã de manhã",
        now=NOW,
        tz=TZ,
        hours=HOURS,
        busy=lambda start, end: [(at(8, 9), at(8, 11))],
    )
    assert outcome.status == "need_hour"
    assert all(slot >= at(8, 11) for slot in outcome.alternatives)
    assert all(slot.hour < 12 for slot in outcome.alternatives)


def test_an_hour_said_is_booked_and_a_closed_part_gets_the_nearest() -> None:
    assert decide("sexta às 15h", now=NOW, tz=TZ, hours=HOURS).call_at == at(11, 15)
    # Saturday closes at 13h: no evening; the nearest free slots are offered instead.
    outcome = decide("sábado à noite", now=NOW, tz=TZ, hours=HOURS)
    assert outcome.status == "outside_hours" and outcome.alternatives
