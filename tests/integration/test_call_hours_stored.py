"""Call hours on a real Postgres: the instant stored is the one the confirmation names.

The pure call-hour rules are in tests/unit/test_call_hours.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homer_agent.calendar.booking import decide
from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.profile import CallHours, load_profile
from homer_agent.prompts import format_call_time
from homer_agent.ptbr.times import read_when

TZ = load_profile().tz
NOW = datetime(2026, 12, 3, 8, 30, tzinfo=TZ)  # a Thursday

_PHRASES = st.sampled_from(
    [
        "{day} às {h}h{m}",
        "{day} às {h}:{m}",
        "{day}, {h}h{m}",
    ]
)


# The lead row is overwritten by each example: sharing the database is the point.
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    days=st.integers(1, 60),
    slot=st.integers(0, 17),
    phrase=_PHRASES,
    form=st.sampled_from(["date", "weekday", "offset"]),
)
def test_the_stored_instant_is_what_the_confirmation_says(
    pool: Pool, days: int, slot: int, phrase: str, form: str
) -> None:
    day = NOW.date() + timedelta(days=days)
    if form == "weekday" and days <= 7:
        from homer_agent.ptbr.lexicon import WEEKDAY_NAMES

        day_text = WEEKDAY_NAMES[day.weekday()]
    elif form == "offset" and days <= 2:
        day_text = {1: "amanhã", 2: "depois de amanhã"}[days]
    else:
        day_text = f"{day.day:02d}/{day.month:02d}/{day.year}"
    hour, minute = 9 + slot // 2, 30 * (slot % 2)
    text = phrase.format(day=day_text, h=hour, m=f"{minute:02d}")
    every_day = CallHours(saturday=("09:00-18:00",), sunday=("09:00-18:00",))
    outcome = decide(text, now=NOW, tz=TZ, hours=every_day)
    assert outcome.status == "booked", (text, outcome)
    assert outcome.call_at is not None
    with pool.connection() as conn:
        q = Querier(conn)
        lead = q.get_or_create_lead(session_key="property")
        assert lead is not None
        stored = q.update_lead_call_at(id=lead.id, call_at=outcome.call_at)
        assert stored is not None and stored.call_at is not None
    shown = format_call_time(stored.call_at, tz=TZ, now=NOW)
    assert outcome.message == f"Ligação agendada para {shown}."
    # What the lead reads, read back, is the instant stored.
    assert read_when(shown, now=NOW, tz=TZ).at == stored.call_at
    assert stored.call_at.astimezone(TZ).date() == day
    assert (stored.call_at.astimezone(TZ).hour, stored.call_at.minute) == (hour, minute)
