"""Question forms found by the first-sight set kb_questions_2026-12-07q (issue 24), each
tried on new sentences.

"qualquer" in shorthand ("qlqr", "qqr") is filler; bank shorthand beside a word of banking
is the bank as the documents name it ("BB" is Banco do Brasil, "CEF" the Caixa), and "por
lá" points back to it; half of the year is a time, and "o resto" (of the year, of the
payment) names nothing; a fee compared between houses is a fee question, not a price."""

from __future__ import annotations

import pytest

from homer_agent.kb.query import build_query
from homer_agent.kb.query import words as query_words
from homer_agent.ptbr.questions import asking_clauses, normalise, read_question


@pytest.mark.parametrize(
    "question",
    [
        "qlqr casa tem varanda?",
        "qqr casa tem varanda?",
        "qlq casa tem varanda?",
    ],
)
def test_any_in_shorthand_is_filler(question: str) -> None:
    assert query_words(" ".join(read_question(question).topic)) == ["casa", "varanda"]


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("minha conta é no BB, da pra financiar?", "banco do brasil"),
        ("o financiamento pode ser pela CEF?", "caixa"),
        ("sou correntista do bb ha anos", "banco do brasil"),
    ],
)
def test_bank_shorthand_is_the_bank_the_documents_name(message: str, said: str) -> None:
    assert said in normalise(message), normalise(message)


def test_bb_without_banking_is_no_bank() -> None:
    """ "bb" is a baby as often: only a word of banking makes it the bank."""
    assert "banco" not in normalise("tenho um bb de 6 meses, tem brinquedoteca?")


def test_there_points_back_to_the_bank_named_before() -> None:
    (clause,) = asking_clauses("trabalho com o itau faz tempo. consigo financiar por la?")
    assert "itau" in clause, clause


@pytest.mark.parametrize(
    ("question", "unwanted"),
    [
        ("quero morar a metade do ano e alugar no resto, pode?", {"metade", "resto"}),
        ("da pra financiar o restante?", {"restante"}),
        ("pago a entrada e o resto financio, aceita?", {"resto"}),
    ],
)
def test_half_the_year_and_the_rest_name_nothing(question: str, unwanted: set[str]) -> None:
    terms = set(build_query(" ".join(read_question(question).topic)).terms)
    assert not terms & unwanted, terms


@pytest.mark.parametrize(
    "question",
    [
        "o condominio do sobrado é mais caro que o da casa de 2 quartos?",
        "a taxa da casa Duna é mais barata?",
        "o condominio da terrea e tao caro quanto o do sobrado?",
    ],
)
def test_a_fee_compared_between_houses_is_a_fee(question: str) -> None:
    asked = read_question(question)
    assert not asked.price, asked
    assert asked.fee, asked
    assert "taxa" in asked.topic and "quartos" not in asked.topic, asked.topic


@pytest.mark.parametrize(
    "question",
    [
        "a casa de 2 quartos é mais barata?",
        "tem casa mais barata?",
        "o condominio é caro? tem desconto?",
    ],
)
def test_a_house_compared_by_price_stays_the_brokers(question: str) -> None:
    assert read_question(question).price


@pytest.mark.parametrize(
    ("message", "carried"),
    [
        ("a brisa tem 78 m2 ne. e a duna, qual o tamanho?", "duna"),
        ("o sobrado tem piscina. ja a casa de 3 quartos, tem piscina?", "3 quartos"),
        ("a de 2 quartos tem 1 suite. e a de 3 quartos, qnts suites tem?", "3 quartos"),
    ],
)
def test_the_thing_a_question_turns_to_is_its_subject(message: str, carried: str) -> None:
    (clause,) = asking_clauses(message)
    assert carried in clause, clause
    assert "2 quartos" not in clause and "78" not in clause and "sobrado" not in clause


@pytest.mark.parametrize(
    "question",
    [
        "quanto ta saindo a casa de 3 quartos?",
        "qnto ficaria o sobrado?",
        "quanto esta saindo a terrea?",
    ],
)
def test_what_a_house_is_going_for_is_a_price(question: str) -> None:
    assert read_question(question).price


@pytest.mark.parametrize(
    "question",
    [
        "quanto ta saindo o condominio?",
        "quanto tempo ta saindo a entrega?",
    ],
)
def test_what_else_is_going_for_is_no_price(question: str) -> None:
    assert not read_question(question).price


@pytest.mark.parametrize(
    "question",
    [
        "em que epoca fica pronta a quadra C?",
        "a minha fica pronta na mesma epoca que a dela?",
        "qual epoca do ano entregam as chaves?",
    ],
)
def test_a_time_asked_as_a_season_is_a_date(question: str) -> None:
    asked = read_question(question)
    assert asked.measure == "date", asked
    assert "epoca" not in asked.topic
