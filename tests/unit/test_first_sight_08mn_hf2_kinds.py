"""The kinds the first-sight sets facts_2026-12-08m / 08n and seed 20261219 found for
counts, places, amounts and a call, by new sentences.

None of these sentences is in those sets: a count corrected with the household counted
after it as the reason; a count the lead settles on ("fechamos em 3"); the lead's own
limit for the home ("o máximo da casa pra gente"); a place said to suit ("X serve pra
gente"); a day said to suit ("mas sábado pode") whose hour comes next; a budget stretched
("uns 200 mil, forçando 250") before a call time.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.times import offers_day
from tests.support.reading import chat_run, extract


# 1. A corrected count, then the household counted as its reason
@pytest.mark.parametrize(
    ("text", "pending", "known", "count"),
    [
        ("4 na verdade, tenho 3 filhas", "neighborhood", ("bedrooms",), 4),
        ("pensando bem 3, somos 4 em casa", "budget_brl", ("bedrooms",), 3),
        ("aliás 2, são 2 crianças", "neighborhood", ("bedrooms",), 2),
        ("3, tenho 2 filhos", "bedrooms", (), 3),
        ("4. somos 6 pessoas", "bedrooms", (), 4),
    ],
)
def test_a_count_with_the_household_as_its_reason(
    text: str, pending: str, known: tuple[str, ...], count: int
) -> None:
    assert extract(text, pending=pending, known=known).get("bedrooms") == count


@pytest.mark.parametrize(
    ("text", "pending", "known"),
    [
        ("na vdd tenho 2 filhos, 3", "neighborhood", ("bedrooms",)),  # household first
        ("3 na verdade, tenho 2 carros", "neighborhood", ("bedrooms",)),  # no household
        ("na verdade 3, 2 banheiros", "neighborhood", ("bedrooms",)),  # another count
        ("3, tenho 2 cachorros", "bedrooms", ()),
    ],
)
def test_no_count_when_the_other_number_is_not_the_household(
    text: str, pending: str, known: tuple[str, ...]
) -> None:
    assert "bedrooms" not in extract(text, pending=pending, known=known)


# 2. A count settled on
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("conversei com meu marido e decidimos por 4", 4),
        ("a gente ficou com 2 mesmo", 2),
        ("resolvi ficar com 4, vou ter um escritório", 4),
        ("olha, combinamos em 3 então", 3),
    ],
)
def test_a_count_settled_on(text: str, count: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == count


@pytest.mark.parametrize(
    "text",
    [
        "ainda não fechamos em 3",  # negated
        "fechamos em 3 anos de financiamento",  # a number of something else
        "fechamos em 3?",  # asked
        "minha irmã ficou com 2",  # someone else's
    ],
)
def test_no_count_settled_on(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="bedrooms")


def test_a_settled_count_replaces_an_earlier_one() -> None:
    run = chat_run(
        "oi, sou o Rui",
        "quero 2 quartos",
        "espera, falei com a patroa e fechamos em 4 mesmo",
    )
    assert run.facts.get("bedrooms") == 4


# 3. The lead's own limit for the home
@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("o teto do imóvel pra mim é 400 mil", 400_000),
        ("o limite da casa pra nós é uns 350 mil", 350_000),
        ("olha, o valor máximo do apartamento pra gente fica em 280 mil", 280_000),
    ],
)
def test_the_leads_limit_for_the_home(text: str, amount: int) -> None:
    assert extract(text, pending="budget_brl").get("budget_brl") == amount


@pytest.mark.parametrize(
    "text",
    [
        "o valor maximo da casa é 330 mil",  # may be a price
        "o teto da casa pelo programa pra mim é 264 mil",  # a programme's
        "o limite da Caixa pra mim é 300 mil",  # a bank's
        "o máximo da casa de vocês pra gente é 500 mil",  # the development's
    ],
)
def test_no_budget_from_someone_elses_limit_for_the_home(text: str) -> None:
    assert "budget_brl" not in extract(text, pending="budget_brl")


# 4. A place said to suit
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("o Icaraí tá ótimo pra mim", "Icaraí"),
        ("Maracanaú serve sim", "Maracanaú"),
        ("beleza, o Eusébio serve então", "Eusébio"),
        ("ah tá, entendi. Caucaia serve pra gente", "Caucaia"),
    ],
)
def test_a_place_said_to_suit(text: str, place: str) -> None:
    assert extract(text, pending="budget_brl", known=("neighborhood",)).get("neighborhood") == place


@pytest.mark.parametrize(
    "text",
    [
        "Caucaia serve?",
        "Caucaia não serve pra gente",
        "o Cumbuco serve de referência, fica perto",
    ],
)
def test_no_place_said_to_suit(text: str) -> None:
    assert "neighborhood" not in extract(text, pending="budget_brl", known=("neighborhood",))


def test_a_place_said_to_suit_replaces_the_one_not_offered() -> None:
    run = chat_run(
        "oi, sou a Lena",
        "quero 2 quartos",
        "queria no Eusébio, tem?",
        "ah, não tem? então tá, o Cumbuco serve pra gente",
    )
    assert run.facts.get("neighborhood") == "Cumbuco"


# 5. A day said to suit, then its hour
@pytest.mark.parametrize(
    "text",
    [
        "mas sábado pode",
        "sexta eu posso",
        "amanhã dá",
        "quinta-feira serve pra mim",
        "ah, domingo dá",
    ],
)
def test_a_day_said_to_suit(text: str) -> None:
    assert offers_day(text)


@pytest.mark.parametrize(
    "text",
    ["sábado pode?", "sábado não dá", "sábado posso ir ver a casa", "sexta", "trabalho sábado"],
)
def test_no_day_said_to_suit(text: str) -> None:
    assert not offers_day(text)


def test_a_day_said_to_suit_then_the_hour_books_the_call() -> None:
    run = chat_run("oi, sou a Nina", "de semana trabalho o dia todo", "mas sexta eu posso", "10h")
    call = run.facts.get("call_at")
    assert call is not None and call.weekday() == 4 and (call.hour, call.minute) == (10, 0)


def test_a_day_turned_down_then_an_hour_books_nothing() -> None:
    run = chat_run("oi, sou a Nina", "sábado não dá", "10h")
    assert run.facts.get("call_at") is None


# 6. A budget stretched, then a call time
@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("até 300, esticando 340 sexta 10h fica otimo", 340_000),
        ("uns 400 mil apertando 430 amanha as 9 serve", 430_000),
        ("uns 280 mil forçando 300 segunda 11h pode ser", 300_000),
    ],
)
def test_a_stretched_budget_before_a_call_time(text: str, amount: int) -> None:
    assert extract(text, pending="budget_brl").get("budget_brl") == amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("uns 200 mil forçando 10 anos de financiamento", 200_000),  # years, not money
        ("uns 200 mil, forçando 250?", 200_000),  # the stretch asked
    ],
)
def test_no_stretch_to_something_else(text: str, amount: int) -> None:
    assert extract(text, pending="budget_brl").get("budget_brl") == amount
