"""The kinds the last session left (issue 21), each as a general rule on new sentences,
with the sentences that must not be read: an amount before a hypothetical stretch, a call
time accepted after a refused day part, a name with a workplace nickname or in lower
case, and a hedge that tells no fact and asks nothing (an acknowledgement and the next
question, not "não entendi")."""

from __future__ import annotations

import pytest

from homer_agent.ptbr import replies as say
from tests.support.reading import booking_run, chat_run, extract


# 1. The amount said before a hypothetical stretch is the budget; the stretch is not
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("meu teto é 400 mil, se vender o carro estico um pouco", 400_000),
        ("400, se vender o carro 450", 400_000),
        ("uns 380, se a minha mãe ajudar chego a 420", 380_000),
        ("tenho 300, caso eu venda a moto vai a 330", 300_000),
        ("350 mil. se sair a herança, 500", 350_000),
    ],
)
def test_the_amount_before_a_hypothetical_is_the_budget(text: str, want: int) -> None:
    assert extract(text, "budget_brl").get("budget_brl") == want


@pytest.mark.parametrize(
    "text",
    [
        "se vender o carro chego a 450",
        "se eu vender o apartamento consigo 600",
        "caso a minha mãe ajude, 420",
        "400 se vender o carro",  # no comma: the amount is the condition's
    ],
)
def test_a_hypothetical_alone_is_no_budget(text: str) -> None:
    assert "budget_brl" not in extract(text, "budget_brl")


# 2. A day part refused, then a day and an hour accepted: booked, with the booking reply
@pytest.mark.parametrize(
    ("text", "day", "hour"),
    [
        ("de manhã não dá, mas segunda 17h pode", 14, 17),
        ("de tarde não consigo, mas quarta 10h pode", 9, 10),
        ("à noite não dá, mas terça às 14h pode ser", 8, 14),
    ],
)
def test_the_time_accepted_after_a_refused_day_part_is_booked(
    text: str, day: int, hour: int
) -> None:
    run = booking_run(text)
    call = run.facts["call_at"]
    assert (call.day, call.hour) == (day, hour)
    assert "corretor confirma" not in run.replies[-1]
    assert "vai te ligar" in run.replies[-1]


# 3. Names: a workplace nickname is not part of the name; a name in lower case before "aqui"
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Zé da Padaria aqui", "Zé"),
        ("Tonho da Oficina aqui", "Tonho"),
        ("aqui é a Rita da Farmácia", "Rita"),
        ("a maria do carmo aqui", "Maria do Carmo"),
        ("o joão pedro aqui", "João Pedro"),
        ("Maria das Dores aqui", "Maria das Dores"),
        ("meu nome e jorge. tem upa perto?", "Jorge"),
    ],
)
def test_names_read(text: str, want: str) -> None:
    assert extract(text, "name").get("name") == want  # the name is asked first


@pytest.mark.parametrize(
    "text", ["a conta de luz aqui em casa", "o pessoal aqui é gente boa", "a gente aqui"]
)
def test_things_here_are_no_names(text: str) -> None:
    assert "name" not in extract(text, "name")


def test_a_name_with_a_question_gets_both() -> None:
    run = chat_run("oi", "meu nome e jorge. tem upa perto?")
    assert run.facts.get("name") == "Jorge"
    assert "Jorge" in run.replies[-1]
    assert "não entendi" not in run.replies[-1]


# 4. A hedge or a story with no fact and no question: acknowledged, then the next question
@pytest.mark.parametrize(
    "text",
    [
        "ainda to vendo com meu marido",
        "to só pesquisando por enquanto",
        "a gente ta juntando dinheiro ainda",
        "vou conversar com a minha esposa primeiro",
        "estamos só dando uma olhada",
        "ainda não decidi nada",
    ],
)
def test_a_hedge_gets_an_acknowledgement_and_the_next_question(text: str) -> None:
    run = chat_run("oi sou o Paulo", "3 quartos", text)
    reply = run.replies[-1]
    assert "não entendi" not in reply
    assert reply.startswith(say.NO_HURRY)
    assert "bairro" in reply
    assert run.facts == {"name": "Paulo", "bedrooms": 3}


@pytest.mark.parametrize("text", ["asdf qwer", "banana", "o carro tá na oficina"])
def test_no_hedge_still_not_understood(text: str) -> None:
    run = chat_run("oi sou o Paulo", "3 quartos", text)
    assert not run.replies[-1].startswith(say.NO_HURRY)
