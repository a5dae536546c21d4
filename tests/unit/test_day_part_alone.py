"""A day part with no day and no hour ("de manhã", "pode ser à tarde") while the call time
is asked: nobody said an hour, so none is booked; the lead is offered free hours in that
part of the nearest day that has some (issue 21: a day part offers slots, never an hour
nobody said), instead of "não entendi"."""

from __future__ import annotations

from datetime import datetime

from homer_agent.models.offline import OfflineChatModel
from tests.support.offline_harness import Run, bound_tools
from tests.support.reading import NOW, TZ, booking_run


def test_a_morning_is_offered_in_the_nearest_morning_and_nothing_is_booked() -> None:
    run = booking_run("de manhã")
    assert "call_at" not in run.facts
    assert "de manhã, tenho estes horários livres" in run.replies[-1]
    assert "não entendi" not in run.replies[-1]


def test_an_offered_hour_of_the_part_is_then_booked() -> None:
    run = booking_run("pode ser à tarde, qualquer dia", "15h")
    assert "à tarde, tenho estes horários livres" in run.replies[-2]
    assert run.facts["call_at"] == datetime(2026, 12, 7, 15, 0, tzinfo=TZ)


def test_a_part_already_over_today_is_offered_on_the_next_call_day() -> None:
    late = Run(now=datetime(2026, 12, 12, 14, 0, tzinfo=TZ))  # a Saturday after the calls
    model, tools = OfflineChatModel(), bound_tools()
    for text in ("oi, sou o Caio", "3 quartos no Cocó até 500 mil", "de tarde"):
        late.turn(text, model, tools)
    assert "call_at" not in late.facts
    assert late.replies[-1].startswith("Na segunda-feira, 14/12, à tarde")


def test_a_part_with_a_day_is_still_offered_on_that_day() -> None:
    assert booking_run("quarta de manhã").replies[-1].startswith("Na quarta-feira, 09/12")
    assert NOW.weekday() == 0
