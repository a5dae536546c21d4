"""Question forms found by the first-sight sets kb_questions_2026-12-07y and 07w (issue 24),
each tried on new sentences: the shorthand of units reads as the unit ("ate q hrs",
"qnts min", "25 mts")."""

from __future__ import annotations

import pytest

from homer_agent.ptbr.questions import asking_clauses, normalise, read_question


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a piscina abre ate q hrs?", "a piscina abre ate que horas?"),
        ("o mercado fecha q hr", "o mercado fecha que hora"),
        ("ate q hs funciona a academia", "ate que horas funciona a academia"),
        ("qnts min ate a praia", "quantos minutos ate a praia"),
        ("de qnts em qnts mins passa", "de quantos em quantos minutos passa"),
        ("o shopping fica a qnts kms", "o shopping fica a quantos km"),
        ("abre sab e dom?", "abre sabado e domingo?"),
        ("qtd de casas", "quantidade de casas"),
    ],
)
def test_unit_shorthand_reads_as_the_unit(text: str, read: str) -> None:
    assert normalise(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("ate as 22 hrs", "ate as 22h"),
        ("chego 10hs", "chego 10h"),
        ("fica aberto 24 hrs?", "fica aberto 24 horas?"),
        ("a raia tem 25m?", "a raia tem 25 metros?"),
        ("lote de 300 mts", "lote de 300 metros"),
        ("a raia tem 25 mt?", "a raia tem 25 metros?"),
        ("a pista tem 2,4km?", "a pista tem 2,4 km?"),
        ("uns 30min de carro", "uns 30 minutos de carro"),
    ],
)
def test_a_figure_with_its_unit_reads_as_the_documents_write_it(text: str, read: str) -> None:
    assert normalise(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # "mt" alone is "muito"; "metro" is also the underground train; "1h30" is a time;
        # "300 mil" is no unit.
        ("a praia fica mt longe?", "a praia fica muito longe?"),
        ("tem metro perto?", "tem metro perto?"),
        ("saio 1h30 da manha", "saio 1h30 da manha"),
        ("tenho uns 300 mil", "tenho uns 300 mil"),
        ("lote de 250 m2", "lote de 250 m2"),
    ],
)
def test_other_words_are_left_alone(text: str, read: str) -> None:
    assert normalise(text) == read


@pytest.mark.parametrize(
    "question",
    [
        "o stand abre ate q hrs?",
        "so posso no sabado, a casa decorada fica aberta ate q hs",
        "o onibus fica passando ate q hrs",
    ],
)
def test_hours_in_shorthand_ask_for_opening_hours(question: str) -> None:
    assert read_question(question).measure == "hours"
    (asked,) = asking_clauses(question)
    assert "horas" in asked


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("qnts min ate a praia?", "time"),
        ("o aeroporto fica a qnts kms?", "distance"),
        ("a raia tem qnts mts?", "size"),
    ],
)
def test_units_in_shorthand_ask_their_measure(question: str, measure: str) -> None:
    assert read_question(question).measure == measure


def test_a_state_keeps_its_until_when() -> None:
    # "fica aberta até que horas": one clause, as "passa até que horas" is.
    assert asking_clauses("a casa decorada fica aberta ate q hs no sab") == [
        "a casa decorada fica aberta ate que horas no sabado"
    ]
