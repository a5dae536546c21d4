"""The kinds the first-sight sets facts_2026-12-08j and 08k found, each by new sentences.

None of these sentences is in those sets: each kind (suites plus rooms counted as one
count of bedrooms; ...) has examples that must be read and examples that must not. Pure
extraction (`extract_facts`) and the offline policy in memory (`tests/support/reading.py`).
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.intents import handoff_reason
from tests.support.reading import extract


# 1. Suites, then rooms added to them: one count of bedrooms
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("quero duas suítes e mais um quarto pra visita", 3),
        ("uma suíte e dois quartos, por favor", 3),
        ("2 suites + 1", 3),
        ("1 suíte + 3 dormitórios", 4),
        ("pensei em uma suite e mais um quarto", 2),
        ("3 quartos: duas suítes e mais um quarto", 3),  # the sum agrees with the count
    ],
)
def test_suites_plus_rooms_are_summed(text: str, want: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == want
    assert extract(text).get("bedrooms") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2 suítes e 2 vagas de garagem", 2),  # not rooms
        ("duas suítes e um banheiro social", 2),
        ("3 quartos e uma suíte", 3),  # rooms first: the suite may be one of them
        ("3 quartos sendo 2 suítes", 3),
    ],
)
def test_suites_beside_other_things_are_not_summed(text: str, want: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "2 quartos e mais uma suíte",  # rooms first, a suite added: 3, or a suite among 2?
        "quero dois quartos + 1 suíte",
        "4 quartos, duas suítes e mais um quarto",  # the count and the sum disagree: asked
        "a casa com 2 suítes e mais um quarto tem quintal?",  # a question about a type
        "a casa da minha irmã tem uma suíte e dois quartos",  # someone else's home
        "minha casa atual tem 2 suítes + 1 quarto",
    ],
)
def test_suites_plus_rooms_not_stated_are_not_saved(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="bedrooms")


# 2. A corrected amount, then why it changed: the reason clause leaves the amount bare
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("pensando bem, 420, falei com meu marido", 420_000),
        ("na vdd até 480, minha esposa liberou", 480_000),
        ("na verdade 520, falamos com o gerente do banco hoje", 520_000),
        ("aliás, até 390, combinei com a minha mãe", 390_000),
    ],
)
def test_a_corrected_amount_with_its_reason_replaces_the_budget(text: str, want: int) -> None:
    assert extract(text, pending="call_at", known=("budget_brl",)).get("budget_brl") == want


def test_an_answered_amount_with_its_reason_is_the_budget() -> None:
    assert extract("até 460, conversei com a patroa", pending="budget_brl") == {
        "budget_brl": 460_000
    }


@pytest.mark.parametrize(
    "text",
    [
        "na verdade 500, se vender o carro",  # a condition, not a reason
        "na verdade 500, de entrada",  # what the amount is for
        "na verdade 500, falei com meu marido e ele disse que 300 é o teto",  # another amount
        "pensando bem, 450, minha esposa não liberou",  # refused
    ],
)
def test_an_amount_with_a_clause_that_is_no_reason_is_not_replaced(text: str) -> None:
    assert extract(text, pending="call_at", known=("budget_brl",)).get("budget_brl") is None


# 3. A topic put first, then the wish to talk it over with the broker: that topic waits for
#    the broker's call; no hand-off, the conversation goes on
@pytest.mark.parametrize(
    "text",
    [
        "o valor eu prefiro conversar com o corretor",
        "sobre o financiamento, quero tratar direto com a corretora",
        "preço eu quero falar com o corretor, sem problema",
        "a parte da entrada a gente prefere conversar com o corretor",
        "isso aí eu prefiro conversar com o corretor",
    ],
)
def test_a_topic_left_for_the_broker_is_no_hand_off(text: str) -> None:
    assert handoff_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "prefiro conversar direto com o corretor",
        "olha, quero falar com um corretor",
        "valor? não, quero falar com um corretor agora",
        "o preço tá caro. quero falar com o gerente",
    ],
)
def test_a_person_asked_for_with_no_topic_first_is_a_hand_off(text: str) -> None:
    assert handoff_reason(text) == "human"


# 4. A bare figure "no total" / "ao todo" in a sentence about money is the total budget
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("o banco aprovou 410 no total, já com o fgts", 410_000),
        ("com o FGTS e o financiamento dá 430 ao todo", 430_000),
        ("tenho 50 de entrada e o banco liberou 300, 350 no total", 350_000),
    ],
)
def test_a_money_total_is_the_budget(text: str, want: int) -> None:
    assert extract(text).get("budget_brl") == want
    assert extract(text, pending="budget_brl").get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "somos 5 no total",  # people, no money
        "a entrada é 80 no total",  # the down payment
        "o banco pediu de entrada 90 no total",  # the down payment the bank asks
        "são 4 no total, contando com a minha mãe",
    ],
)
def test_a_total_that_is_no_budget_is_not_saved(text: str) -> None:
    assert "budget_brl" not in extract(text)


# 5. A room for each child and the couple's: the children plus one, only when both are said
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tenho 3 filhos, quero um quarto pra cada e o nosso", 4),
        ("um pra cada filho, são 2 + o nosso", 3),
        ("são 2 crianças, um quarto para cada criança, mais o do casal", 3),
        ("tenho 2 filhas, quero um quarto pra cada filha e o do casal", 3),
    ],
)
def test_a_room_each_and_the_couples_is_summed(text: str, want: int) -> None:
    assert extract(text, pending="bedrooms").get("bedrooms") == want
    assert extract(text).get("bedrooms") == want


@pytest.mark.parametrize(
    "text",
    [
        "um quarto pra cada filho, tenho 2",  # the couple's room not said
        "um quarto pra cada filho, tenho 2, o nosso e um escritório",  # another room
        "um pra cada um, somos 4",  # each of whom?
        "meu irmão quer um quarto pra cada filho, tem 2, e o do casal",  # his wish
        "tem um quarto pra cada filho? tenho 2, e o nosso",  # a question
        "um quarto pra cada filho, tenho 2 ou 3, e o nosso",  # no one count
    ],
)
def test_a_room_each_not_plainly_summed_is_not_saved(text: str) -> None:
    assert "bedrooms" not in extract(text, pending="bedrooms")


# 6. A name in lower case with an ending adjectives have too ("rita", "benedito"): a name
#    when the dictionary does not know the word ("bonita", "cheirosa" are words)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("benedita", "Benedita"),
        ("anita souza", "Anita Souza"),
        ("zita de oliveira", "Zita de Oliveira"),
        ("juninho", "Juninho"),
    ],
)
def test_a_lower_case_name_with_an_adjectives_ending_is_the_name(text: str, want: str) -> None:
    assert extract(text, pending="name").get("name") == want


@pytest.mark.parametrize("text", ["bonita", "carinhosa", "rapidinho", "gostou", "tranquilamente"])
def test_a_lower_case_word_with_that_ending_is_no_name(text: str) -> None:
    assert "name" not in extract(text, pending="name")


# 7. A budget changed by what the lead can reach, after a correction cue or after talking
#    it over with someone ("conversei com X, dá pra ir até 520")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("conversei com minha esposa, dá pra ir até 530", 530_000),
        ("pensando bem, melhor baixar pra 380", 380_000),
        ("falei com meu pai, podemos chegar a 610", 610_000),
        ("na verdade, consigo ir até 470", 470_000),
    ],
)
def test_a_reached_figure_changes_the_budget(text: str, want: int) -> None:
    assert extract(text, pending="call_at", known=("budget_brl",)).get("budget_brl") == want


def test_a_reached_figure_answers_the_budget_question() -> None:
    assert extract("dá pra ir até 440", pending="budget_brl") == {"budget_brl": 440_000}


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("dá pra ir até 520", ("budget_brl",)),  # no cue: a figure out of the blue
        ("conversei com meu marido, dá pra ir até 520", ()),  # no budget to change
        ("na verdade, pode ser 3", ("budget_brl", "bedrooms")),  # a count, not money
        ("conversei com a patroa, vou ver e te falo", ("budget_brl",)),
        ("falei com meu marido, dá pra ir até 4 quartos", ("budget_brl",)),
    ],
)
def test_a_figure_without_a_change_of_budget_is_not_saved(
    text: str, known: tuple[str, ...]
) -> None:
    assert "budget_brl" not in extract(text, pending="call_at", known=known)
