"""The kinds the first-sight set facts_2026-12-07r found at its first run (82/88, 4
wrong) that are fixed, each tested on new sentences: "eae" is a greeting, no name; a
ceiling named as such ("no máximo 450", "450 que é o nosso teto") is the budget; a day then
a part of it over two messages ("amanhã cedinho" / "qualquer hora de manhã") offers free
hours of that part instead of booking one nobody said."""

from __future__ import annotations

import pytest

from tests.support.reading import booking_run, chat_run, extract


@pytest.mark.parametrize("text", ["eae", "iae", "Eaee!"])
def test_eae_is_a_greeting(text: str) -> None:
    assert "name" not in extract(text, "name")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("uns 300, no máximo 340", 340000),
        ("anota 520 que é o nosso limite", 520000),
        ("720 é o teto", 720000),
    ],
)
def test_a_ceiling_named_as_such_is_the_budget(text: str, amount: int) -> None:
    assert extract(text, "budget_brl").get("budget_brl") == amount


@pytest.mark.parametrize(
    "text",
    ["uma casa de no máximo 150 m²", "moro no 450, que é o limite da rua", "no máximo 2 filhos"],
)
def test_a_number_that_is_no_amount_is_no_ceiling(text: str) -> None:
    assert "budget_brl" not in extract(text)


def test_a_day_then_a_part_of_it_offers_hours() -> None:
    run = booking_run("pode ser quinta", "qualquer horário à tarde serve")
    assert "call_at" not in run.facts
    assert run.replies[-1].startswith("Na quinta-feira, 10/12, à tarde")


@pytest.mark.parametrize(
    "text",
    [
        "também penso numa casinha no Icaraí, 2 quartos, mas essa é pra depois",
        "tem a de praia no Cumbuco com 3 qtos, mas aquela fica pra depois",
    ],
)
def test_another_home_put_off_gives_nothing(text: str) -> None:
    got = extract(text)
    assert "bedrooms" not in got
    assert "neighborhood" not in got


@pytest.mark.parametrize(
    "text",
    ["quero 3 quartos no Cocó, mas só mais pra frente", "quero 3 quartos pra depois ter espaço"],
)
def test_a_purchase_for_later_keeps_its_wishes(text: str) -> None:
    assert extract(text).get("bedrooms") == 3


@pytest.mark.parametrize(
    ("texts", "fact", "value"),
    [
        (("sou o Davi", "3 quartos", "melhor 4", "não, deixa como estava"), "bedrooms", 3),
        (
            ("sou o Davi", "3 quartos no Benfica", "aliás, Montese", "volta pro que era"),
            "neighborhood",
            "Benfica",
        ),
        (
            ("sou o Davi", "até 400 mil", "pensando bem, 450", "pode manter o anterior"),
            "budget_brl",
            400000,
        ),
    ],
)
def test_a_change_taken_back_restores_the_value_before(
    texts: tuple[str, ...], fact: str, value: object
) -> None:
    run = chat_run(*texts)
    assert run.facts[fact] == value
    assert "corretor confirma" not in run.replies[-1]


def test_taking_back_with_nothing_changed_saves_nothing_new() -> None:
    run = chat_run("sou o Davi", "3 quartos", "pode deixar como tava")
    assert run.facts["bedrooms"] == 3
