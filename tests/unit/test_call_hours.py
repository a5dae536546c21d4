"""Call hours: what fits, the nearest free slots, how the hours are said, the profile."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from homer_agent.calendar.booking import CallOutcome, decide, describe_hours
from homer_agent.calendar.hours import fits, nearest_slots
from homer_agent.profile import CallHours, ProfileError, load_profile, parse_profile

PROFILE = load_profile()
TZ = PROFILE.tz
HOURS = PROFILE.calls
NOW = datetime(2026, 12, 3, 8, 30, tzinfo=TZ)  # a Thursday


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def test_bundled_profile_has_the_default_call_hours() -> None:
    assert CallHours() == HOURS.model_copy(
        update={"holidays_country": None, "holidays_subdivision": None}
    )
    assert (HOURS.holidays_country, HOURS.holidays_subdivision) == ("BR", "CE")
    assert HOURS.length_minutes == 30
    assert describe_hours(HOURS) == ("de segunda a sexta, das 9h às 18h, e sábado, das 9h às 13h")


@pytest.mark.parametrize(
    ("start", "inside"),
    [
        (at(4, 9), True),
        (at(4, 17, 30), True),
        (at(4, 17, 45), False),  # would end at 18:15
        (at(4, 8, 59), False),
        (at(5, 12, 30), True),  # Saturday
        (at(5, 13), False),
        (at(6, 10), False),  # Sunday
        (at(4, 2), False),
    ],
)
def test_fits(start: datetime, inside: bool) -> None:
    assert fits(start, HOURS, TZ) is inside


def test_holidays_close_the_day() -> None:
    hours = CallHours(holidays=(date(2026, 12, 25),))
    assert not fits(at(25, 10), hours, TZ)
    # A morning asked: the mornings around it, not Christmas Eve's last slots (issue 21).
    assert nearest_slots(at(25, 10), now=NOW, hours=hours, tz=TZ) == [
        at(24, 11),
        at(24, 11, 30),
        at(26, 9),
    ]
    outcome = decide("25/12 às 10h", now=NOW, tz=TZ, hours=hours)
    assert outcome.message.startswith(
        "Nesse dia não temos ligações (sexta-feira, 25/12 é feriado)."
    )


@pytest.mark.parametrize(
    ("text", "now", "why", "first_offer"),
    [
        (
            "25/12 às 10h",
            NOW,
            "sexta-feira, 25/12 é feriado: Natal",
            "quinta-feira, 24/12 às 11h",
        ),
        (
            "01/01 às 10h",
            NOW,
            "sexta-feira, 01/01/2027 é feriado: Confraternização Universal",
            "quinta-feira, 31/12 às 11h",
        ),
        (
            "07/09 às 10h",
            datetime(2026, 8, 20, 9, tzinfo=TZ),
            "segunda-feira, 07/09 é feriado: Independência do Brasil",
            "terça-feira, 08/09 às 9h",
        ),
        # Ceará's Data Magna: a state holiday, from the profile's subdivision.
        (
            "25/03 às 10h",
            NOW,
            "quinta-feira, 25/03/2027 é feriado: Abolição da escravidão no Ceará",
            "quarta-feira, 24/03/2027 às 10h30",
        ),
    ],
)
# The nearest free slots in the same part of the day come first (issue 21), so a 10h call
# on a holiday is offered mornings around it.
def test_national_and_state_holidays_are_refused_with_free_slots(
    text: str, now: datetime, why: str, first_offer: str
) -> None:
    outcome = decide(text, now=now, tz=TZ, hours=HOURS)
    assert outcome.status == "outside_hours"
    assert outcome.call_at is None
    assert outcome.message.startswith(f"Nesse dia não temos ligações ({why}). Posso agendar ")
    assert len(outcome.alternatives) == 3
    assert outcome.labels[0] == first_offer
    assert all(not HOURS.is_holiday(slot.astimezone(TZ).date()) for slot in outcome.alternatives)


def test_the_profile_list_adds_days_to_the_country_holidays() -> None:
    hours = HOURS.model_copy(update={"holidays": (date(2026, 12, 24),)})
    assert hours.holiday(date(2026, 12, 24)) == ""  # the stand's day off: no name
    assert hours.holiday(date(2026, 12, 25)) == "Natal"
    assert hours.holiday(date(2026, 12, 23)) is None
    # Neither 24/12 nor 25/12: Saturday morning is nearer than the 23rd's evening.
    assert nearest_slots(at(25, 10), now=NOW, hours=hours, tz=TZ) == [
        at(26, 9),
        at(26, 9, 30),
        at(26, 10),
    ]
    # Without a country only the list closes a day.
    assert not CallHours().is_holiday(date(2026, 12, 25))


def test_nearest_slots_skip_busy_time_and_the_past() -> None:
    slots = nearest_slots(at(6, 23), now=NOW, hours=HOURS, tz=TZ)
    assert slots == [at(7, 9), at(7, 9, 30), at(7, 10)]
    busy = [(at(7, 9), at(7, 10))]
    assert nearest_slots(at(7, 9), now=NOW, hours=HOURS, tz=TZ, busy=busy) == [
        at(7, 10),
        at(7, 10, 30),
        at(7, 11),
    ]
    # Nothing before now: at 17:50 on Thursday the nearest slots to 7h are Friday's.
    late = at(3, 17, 50)
    assert nearest_slots(at(3, 7), now=late, hours=HOURS, tz=TZ)[0] == at(4, 9)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("hoje às 2h da manhã", "past"),
        ("me liga às 3h da manhã", "outside_hours"),
        ("ontem às 10h", "past"),
        ("02/12 às 10h", "past"),
        ("domingo às 23h", "outside_hours"),
        ("me liga 25/12", "outside_hours"),  # Christmas
        ("me liga 22/12", "need_hour"),
        ("amanhã", "need_hour"),
        ("domingo", "outside_hours"),
        ("31/02 às 10h", "invalid"),
        ("banana", "invalid"),
        ("amanhã às 10h", "booked"),
    ],
)
def test_the_issue_table_gets_the_right_status(text: str, status: str) -> None:
    outcome = decide(text, now=NOW, tz=TZ, hours=HOURS)
    assert outcome.status == status
    assert outcome.message
    back = CallOutcome.from_json(outcome.to_json())
    assert back == outcome


def test_outside_hours_offers_slots_inside_them() -> None:
    outcome = decide("me liga às 3h da manhã", now=NOW, tz=TZ, hours=HOURS)
    assert outcome.requested == at(4, 3)
    assert outcome.alternatives == (at(4, 9), at(4, 9, 30), at(4, 10))
    assert outcome.message.endswith("Posso agendar sexta-feira, 04/12 às 9h, às 9h30 ou às 10h?")
    sunday = decide("domingo às 23h", now=NOW, tz=TZ, hours=HOURS)
    assert "segunda-feira, 07/12 às 9h, às 9h30 ou às 10h" in sunday.message


def test_a_past_time_is_explained_and_asked_again() -> None:
    outcome = decide("02/12 às 10h", now=NOW, tz=TZ, hours=HOURS)
    assert outcome.requested == at(2, 10)
    assert outcome.message == "Esse horário já passou; que dia e hora ficam bons?"


def test_busy_time_is_refused_with_free_slots() -> None:
    def busy(start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        return [(at(4, 10), at(4, 11))]

    outcome = decide("amanhã às 10h30", now=NOW, tz=TZ, hours=HOURS, busy=busy)
    assert outcome.status == "busy"
    assert outcome.alternatives == (at(4, 9, 30), at(4, 11), at(4, 11, 30))
    free = decide("amanhã às 11h", now=NOW, tz=TZ, hours=HOURS, busy=busy)
    assert (free.status, free.call_at, free.calendar) == ("booked", at(4, 11), "synced")


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('monday = ["18:00-09:00"]', "must end after it starts"),
        ('monday = ["9h-18h"]', "monday"),
        ('tuesday = ["25:00-26:00"]', "HH:MM"),
        ("length_minutes = 0", "length_minutes"),
        ('holidays = ["natal"]', "holidays"),
        ('holidays_country = "XX"', "holidays_country 'XX' is not a supported country code"),
        ('holidays_country = "BR"\nholidays_subdivision = "ZZ"', "not a subdivision of BR"),
        ('holidays_subdivision = "CE"', "holidays_subdivision needs holidays_country"),
    ],
)
def test_bad_call_hours_are_one_clear_line(toml: str, problem: str) -> None:
    with pytest.raises(ProfileError, match=problem) as caught:
        parse_profile(load_profile_text() + toml + "\n")
    assert "\n" not in str(caught.value)


def load_profile_text() -> str:
    from importlib import resources

    text = resources.files("homer_agent").joinpath("profiles", "vila_carnauba.toml").read_text()
    return text[: text.index("[calls]")] + "[calls]\n"
