"""The town a saved place is in says nothing new: "Fortaleza" after "Cocó" keeps Cocó
(a wrong fact otherwise: the place the lead chose, replaced by the whole city), while a
town after a place in another town, or a place after a town, replaces it."""

from __future__ import annotations

from tests.support.reading import booking_run, chat_run


def test_the_town_of_the_saved_place_keeps_the_place() -> None:
    assert booking_run("Fortaleza").facts["neighborhood"] == "Cocó"
    run = chat_run("oi, sou o Rui", "3 quartos no Icaraí até 400 mil", "isso, em Caucaia")
    assert run.facts["neighborhood"] == "Icaraí"


def test_another_town_or_a_place_inside_the_town_replaces_it() -> None:
    run = chat_run("oi, sou a Marta", "3 quartos no Eusébio até 500 mil", "pensando bem, Fortaleza")
    assert run.facts["neighborhood"] == "Fortaleza"
    run = chat_run("oi, sou a Marta", "quero 3 quartos em Fortaleza até 500 mil", "no Cocó")
    assert run.facts["neighborhood"] == "Cocó"
