"""Issue 21, kinds left open on 2026-12-07 (docs/facts.md "Visits, names with 'aqui',
day parts of the lead's life"), each a general rule tested on sentences written for it:

1. a day or an hour tied to going somewhere (a visit to the stand, the model house) is
   not a call time; the visit cue governs only the time said with it;
2. names said with "aqui";
3. a day part of the lead's life ("estudo à noite") is no candidate call time.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.reading import TZ, booking_run, extract


def _at(text: str) -> datetime | None:
    found = extract(text, pending="call_at").get("call_at")
    return datetime.fromisoformat(str(found)).astimezone(TZ) if found else None


# 1. Visits -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tipo eu trabalho a semana toda e sabado tambem so consigo ir no domingo depois da "
        "missa la pelas onze e meia sera que ainda da tempo de ver a casa modelo ate que "
        "horas fica aberto domingo",
        "só consigo ir no domingo, lá pelas 11h",
        "vou passar aí sábado às 10h pra conhecer a casa modelo",
        "sábado de manhã quero dar uma olhada no decorado",
        "queria visitar o stand na quinta às 16h",
        "dá pra conhecer o decorado sábado 9h30",
        "amanhã às 15h vou lá ver a casa com meu marido",
        "sexta depois do almoço, umas 14h, vou aí pessoalmente",
    ],
)
def test_a_time_tied_to_a_visit_is_no_call_time(text: str) -> None:
    assert _at(text) is None
    assert "call_at" not in booking_run(text).facts


@pytest.mark.parametrize(
    ("text", "weekday", "hour"),
    [
        # the visit cue governs its own clause, not the call asked beside it
        ("queria visitar o decorado no sábado, mas pode me ligar sexta às 15h", 4, 15),
        ("quarta 14h, depois vou ver a casa modelo", 2, 14),
        # a shift at the stand, going to work, a call moved: no visit
        ("quinta às 10h da manhã q saio do plantão", 3, 10),
        ("sexta às 10h antes de ir pro trabalho", 4, 10),
        ("pode passar pra sexta às 10h", 4, 10),
        ("vou estar livre sexta às 10h", 4, 10),
        ("terça 11h, depois disso vou pra faculdade", 1, 11),
    ],
)
def test_a_call_time_beside_a_visit_or_a_trip_elsewhere_stays(
    text: str, weekday: int, hour: int
) -> None:
    at = _at(text)
    assert at is not None and (at.weekday(), at.hour) == (weekday, hour)
    booked = booking_run(text).facts.get("call_at")
    assert isinstance(booked, datetime) and (booked.weekday(), booked.hour) == (weekday, hour)


# 3. Day parts of the lead's life -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "estudo à noite",
        "estudar a noite",
        "trabalho de manhã",
        "de tarde fico com as crianças",
        "de manhã cuido da minha mãe",
        "à noite to na academia",
        "faço estágio de manhã",
    ],
)
def test_a_day_part_of_the_leads_life_is_no_call_time(text: str) -> None:
    assert _at(text) is None
    run = booking_run(text)
    assert "call_at" not in run.facts
    assert "horários livres" not in run.replies[-1]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("de manhã é melhor pra mim", "de manhã"),
        ("de manhã fico livre", "de manhã"),
        ("trabalho de manhã, de tarde pode ser", "à tarde"),
        ("de manhã cuido da minha mãe, à tarde pode ser", "à tarde"),
    ],
)
def test_a_day_part_offered_for_the_call_still_gets_its_slots(text: str, part: str) -> None:
    assert _at(text) is not None
    reply = booking_run(text).replies[-1]
    assert "horários livres" in reply and part in reply


def test_a_night_call_asked_for_is_told_the_hours() -> None:
    assert _at("pode ligar à noite?") is not None
    assert "Os corretores ligam" in booking_run("pode ligar à noite?").replies[-1]
