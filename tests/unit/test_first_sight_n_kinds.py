"""The kinds the held-out first-sight set facts_2026-12-07n found at its first run, on the
session's final language code (83/90, 2 wrong), fixed afterwards and each tested on new
sentences: the place of a business the lead has ("tenho uma lojinha no Centro"); someone
else's home by its possessive ("a dela é de 4 quartos"); a place labelled "bairro: X"; a
time asked for, then why ("quinta às 10h q saio do plantão", "sexta às 17h30 antes de sair
pro serviço") is a call time, while a routine alone ("só saio do serviço às 18h") is not."""

from __future__ import annotations

import pytest

from tests.support.reading import booking_run, extract


@pytest.mark.parametrize(
    "text",
    ["tenho um salão de beleza na Parangaba", "sou a Rita, tenho uma lanchonete no Benfica"],
)
def test_the_place_of_the_leads_business_is_not_wanted(text: str) -> None:
    assert "neighborhood" not in extract(text)


@pytest.mark.parametrize("text", ["a dele é de 3 quartos", "a casa dela tem 4 quartos"])
def test_someone_elses_home_gives_no_count(text: str) -> None:
    assert "bedrooms" not in extract(text)


@pytest.mark.parametrize("text", ["bairro: Montese", "Bairro - Parquelândia"])
def test_a_labelled_place(text: str) -> None:
    assert "neighborhood" in extract(text, "budget_brl", ("name", "bedrooms"))


@pytest.mark.parametrize(
    "text", ["terça às 11h que é minha folga", "quarta às 16h antes de buscar as crianças"]
)
def test_a_time_then_its_reason_is_booked(text: str) -> None:
    assert "call_at" in booking_run(text).facts


def test_a_routine_alone_books_nothing() -> None:
    assert "call_at" not in booking_run("só saio da faculdade às 21h").facts


@pytest.mark.parametrize(
    "text",
    ["tenho uma moto, aceitam como parte da entrada?", "dá pra dar meu terreno em parte do valor?"],
)
def test_something_given_as_part_of_the_payment_is_a_negotiation(text: str) -> None:
    from homer_agent.ptbr.questions import read_question

    assert read_question(text).price


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("oi só uma dúvida, se passsa ônibus na frente", "passa onibus na frente"),
        ("a piscinaaa é aquecida?", "a piscina e aquecida?"),
    ],
)
def test_a_letter_drawn_out_in_a_question(text: str, clause: str) -> None:
    from homer_agent.ptbr.questions import asking_clauses

    assert asking_clauses(text) == [clause]
