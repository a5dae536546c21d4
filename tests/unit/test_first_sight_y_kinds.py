"""The kinds the first-sight set facts_2026-12-07y (leads who hedge, negotiate and
reschedule) found at its first run (92/93, 0 wrong), and the ones its session kept from
07u and the last session, each tested on new sentences that must and must not change."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.facts import states_paying_condition
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import chat_run, extract

# 1. A ceiling said under a way of paying is the lead's budget; a hypothetical with no
#    amount ("se for à vista consigo mais um pouco") neither blocks it nor asks anything.


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("financiado consigo ir até 520 mil, se for à vista consigo mais um pouco", 520000),
        ("financiada eu posso chegar a 400 mil", 400000),
        ("Financiado pela caixa a gente consegue até 350 mil", 350000),
        ("financiado chego em uns 610 mil", 610000),
        ("no financiamento chego a 450 mil", 450000),
        ("parcelado posso até 380 mil", 380000),
        ("à vista pago até 300 mil", 300000),
        ("consigo até 520 mil, se parcelar dá pra esticar um pouco", 520000),
    ],
)
def test_a_ceiling_under_a_way_of_paying_is_the_budget(text: str, want: int) -> None:
    assert extract(text, pending="budget_brl").get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "tenho um carro financiado de 40 mil",
        "tenho um carro financiado, devo uns 30 mil",
        "financiado o banco consegue 300 mil",
        "financiado consigo pagar parcela de até 2 mil",
        "financiado pago uns 2 mil por mês",
        "se for à vista consigo mais um pouco",
        "se parcelar dá pra esticar",
    ],
)
def test_a_debt_an_instalment_or_a_bare_hypothetical_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, pending="budget_brl")


@pytest.mark.parametrize(
    "text",
    [
        "se for à vista consigo mais um pouco",
        "se parcelar dá pra esticar",
        "caso seja financiado a gente consegue subir um pouco",
        "se eu vender o carro posso pagar mais",
        "financiado vou até 500, se for à vista consigo algo a mais",
    ],
)
def test_what_the_lead_can_pay_under_a_condition_tells(text: str) -> None:
    assert states_paying_condition(text)


@pytest.mark.parametrize(
    "text",
    [
        "se for à vista tem desconto",
        "se pagar à vista consigo desconto",
        "se for à vista consigo mais um pouco?",
        "se vocês parcelarem a entrada eu consigo fechar",
        "quero 3 quartos no Cocó",
    ],
)
def test_a_condition_that_asks_or_tells_nothing_of_paying_is_not_one(text: str) -> None:
    assert not states_paying_condition(text)


@pytest.mark.parametrize(
    "text",
    [
        "financiado consigo ir até 520 mil, se for à vista consigo mais um pouco",
        "parcelado eu chego a 480 mil, se for à vista dá pra esticar",
        "a gente pode até 410 mil, se for à vista conseguimos mais um pouco",
    ],
)
def test_a_paying_condition_gets_no_broker_line(text: str) -> None:
    run = chat_run("oi, sou o Rodrigo", "procuro 4 quartos no Guararapes", text)
    assert "budget_brl" in run.facts
    assert BROKER_CONFIRMS not in run.replies[-1]
    assert "orçamento" in run.replies[-1]


def test_a_cash_discount_asked_still_gets_the_broker() -> None:
    run = chat_run(
        "oi, sou o Rodrigo", "procuro 4 quartos no Guararapes", "se for à vista tem desconto?"
    )
    assert "budget_brl" not in run.facts
    assert BROKER_CONFIRMS in run.replies[-1]
