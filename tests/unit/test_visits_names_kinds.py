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

from tests.support.reading import TZ, booking_run, chat_run, extract


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
        "vou no domingo às 10h",
        "vou na casa decorada sábado às 9h",
    ],
)
def test_a_time_tied_to_a_visit_is_no_call_time(text: str) -> None:
    """No call is booked, and the call question is asked again (the documents' answer on
    the stand comes before it: tests/integration/test_visit_replies.py)."""
    assert _at(text) is None
    run = booking_run(text)
    assert "call_at" not in run.facts
    assert "te ligar" in run.replies[-1] and "não entendi" not in run.replies[-1]


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
        ("sábado 10h, vou ao médico antes", 5, 10),
        ("sexta 10h funciona pra mim", 4, 10),
        ("quinta 15h, vou estar em casa", 3, 15),
        ("sexta às 10h, antes vou ver a casa", 4, 10),
        ("pode ser amanhã 9h, to indo pra casa da minha mãe", 1, 9),
    ],
)
def test_a_call_time_beside_a_visit_or_a_trip_elsewhere_stays(
    text: str, weekday: int, hour: int
) -> None:
    at = _at(text)
    assert at is not None and (at.weekday(), at.hour) == (weekday, hour)
    booked = booking_run(text).facts.get("call_at")
    assert isinstance(booked, datetime) and (booked.weekday(), booked.hour) == (weekday, hour)


# 2. Names with "aqui" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("João de Deus aqui", "João de Deus"),
        ("joao de deus aqui", "Joao de Deus"),
        ("Maria de Deus falando", "Maria de Deus"),
        ("meu nome é João de Deus", "João de Deus"),
        ("Maria do Carmo aqui", "Maria do Carmo"),
        ("José dos Santos aqui", "José dos Santos"),
        ("aqui é a Rita de Cássia", "Rita de Cássia"),
        ("Rita de Cássia aqui", "Rita de Cássia"),
        # unchanged: one person, alone or with words around
        ("Cida aqui", "Cida"),
        ("a Carla aqui", "Carla"),
        ("pelo amor de Deus, Ana aqui", "Ana"),
        ("a Camila aqui e o meu marido", "Camila"),
        ("Carla aqui e meu marido Paulo", "Carla"),
        ("maria do carmo aqui", "Maria do Carmo"),
        ("pedro de souza aqui", "Pedro de Souza"),
        ("sou a Ana e esse é o Pedro", "Ana"),
        ("meu nome é Ana e o Pedro é meu marido", "Ana"),
        ("sou o Carlos e a Maria é minha esposa", "Carlos"),
    ],
)
def test_a_name_with_its_particles_before_aqui(text: str, name: str) -> None:
    assert extract(text, pending="name").get("name") == name
    assert name_answered(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "o carro da Ana aqui",
        "a mãe do Caio aqui",
        "o pai da Bia aqui",
        "a filha da Socorro aqui",
        "a esposa do Marcos falando",
        "o carro da ana aqui",
        "aqui é o carro da Ana",
        "aqui é a mãe do Caio",
    ],
)
def test_whose_thing_or_relative_is_no_name(text: str) -> None:
    """The lead is the one who writes for Caio or from Ana's car: neither name is theirs,
    and no word of the language ("carro da Ana") is a name."""
    assert "name" not in extract(text, pending="name")
    assert "name" not in extract(text)
    assert name_answered(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Ana e Pedro aqui",
        "o Zé e a Lúcia aqui",
        "eu e a Carla aqui",
        "Bruno e Carol aqui",
        "aqui é a Ana e o Pedro",
        "é o Zé e a Lúcia",
    ],
)
def test_two_people_here_give_no_name(text: str) -> None:
    """Two people chatting: either may be typing, and the agent would call one of them
    by the other's name. Saving the first would be right about as often as wrong; a
    wrong name is a wrong fact, while asking "qual o seu nome?" again costs one question
    (precision first), so nothing is saved. The message asks nothing of the documents
    either: the reply asks for the name, with no broker line."""
    assert "name" not in extract(text, pending="name")
    assert "name" not in extract(text)
    run = chat_run("oi", text)
    assert "name" not in run.facts
    assert "corretor confirma" not in run.replies[-1]


def name_answered(text: str) -> object:
    """The name saved when `text` answers the name question of a new conversation."""
    return chat_run("oi", text).facts.get("name")


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


@pytest.mark.parametrize(
    ("text", "weekday", "hour"),
    [
        ("trabalho a semana toda e sábado também, só posso domingo às 11h", 6, 11),
        ("trabalho de segunda a sexta, pode ser sábado às 10h", 5, 10),
        ("estudo à noite, pode ligar amanhã 10h", 1, 10),
        ("de manhã cuido da minha mãe, quinta 15h pode ser", 3, 15),
    ],
)
def test_a_call_time_beside_the_leads_routine_is_read(text: str, weekday: int, hour: int) -> None:
    """The routine is left out, the time offered for the call stays (a Sunday one is then
    refused by the tool: brokers do not call on Sundays)."""
    at = _at(text)
    assert at is not None and (at.weekday(), at.hour) == (weekday, hour)
