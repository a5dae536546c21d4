"""Kinds of held-out sets 07x and 07z: questions beside the lead's own words."""

import pytest

from homer_agent.kb.query import build_query
from homer_agent.ptbr.questions import read_question


@pytest.mark.parametrize(
    "question",
    [
        "alem da parcela qnto vou pagar de condominio por mes?",
        "Além da prestação, quanto vou pagar de condomínio por mês?",
        "fora a parcela, quanto fica o condominio?",
    ],
)
def test_a_fee_beside_an_instalment_set_aside_is_no_price(question: str) -> None:
    asked = read_question(question)
    assert asked.fee
    assert not asked.price


@pytest.mark.parametrize(
    "question",
    [
        "quanto fica a parcela alem do condominio?",
        "a parcela fica em quanto?",
        "alem da parcela quanto vou pagar de entrada na casa de 3 quartos? quanto custa a casa?",
    ],
)
def test_an_instalment_asked_stays_the_brokers(question: str) -> None:
    assert read_question(question).price


@pytest.mark.parametrize(
    "question",
    [
        "ele vai poder andar solto pelo condominio ou tem regra?",
        "o cachorro pode andar livre nas ruas?",
    ],
)
def test_going_about_loose_is_no_floor(question: str) -> None:
    assert "andar" not in read_question(question).topic


def test_a_floor_stays_a_floor() -> None:
    assert "andar" in read_question("da pra fazer mais um andar na casa?").topic


def test_groceries_name_the_shop() -> None:
    terms = build_query("comprar um pao ou um leite de madrugada").terms
    assert any("mercado" in term and "pao" in term for term in terms)
    assert "poder" not in build_query("ele vai poder andar com guia?").terms


def test_dropping_by_names_nothing() -> None:
    terms = build_query("da pra passar ai pra conhecer no domingo").terms
    assert "passar" not in terms
    assert "domingo" in terms
