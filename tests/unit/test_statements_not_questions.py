"""A statement that opens or reads like a question gets no broker line: the lead telling
who they are, what they can pay or what they need, or accepting a time, is answering.

Found by counting broker lines given to generated messages that ask nothing (923 of
10,408 replies on the tuning seed before; 0 after): "quem fala é a Rafaela", "pode me
chamar de Gil", "posso pagar até 250k", "até R$ 1.750.000" (cut at its dots). The
sentences here are new ones of the same kinds.
"""

from __future__ import annotations

import pytest

from homer_agent.ptbr.questions import asking_clauses
from homer_agent.ptbr.replies import BROKER_CONFIRMS
from tests.support.reading import chat_run


@pytest.mark.parametrize(
    "text",
    [
        "quem vai atender é minha esposa",
        "quem manda aqui em casa é a patroa",
        "tipo quem resolve é meu pai",
        "a sala tem que ser grande",
        "o quintal precisa de ter sombra",
        "temos que ter 3 quartos no mínimo",
    ],
)
def test_a_clause_that_tells_asks_nothing(text: str) -> None:
    assert asking_clauses(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "quem é o responsável pela obra?",
        "quem é a construtora",
        "quem constrói?",
        "quais papéis eu tenho que ter?",
        "o que eu preciso ter pra financiar",
        "tem que pagar taxa antes da entrega?",
        "a casa tem que ter muro?",
        "qual o preço, é R$ 1.750.000?",
    ],
)
def test_a_question_still_asks(text: str) -> None:
    assert asking_clauses(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "quem te escreve é o Otávio",
        "pode me chamar de Rosângela",
        "posso chegar até 320 mil",
        "até R$ 1.350.000",
        "o máximo que eu consigo é uns 480 mil",
        "a casa precisa ter 3 quartos",
        "quero falar com a corretora quinta às 14h",
        "de manhã não rola, mas quarta 15h pode",
        "no Jardim Botânico",
    ],
)
def test_a_statement_gets_no_broker_line(text: str) -> None:
    run = chat_run("oi", text)
    assert BROKER_CONFIRMS not in run.replies[-1], run.replies[-1]


@pytest.mark.parametrize(
    "text",
    ["tem piscina?", "posso pagar em quantas vezes?", "quanto é o condomínio"],
)
def test_a_question_still_gets_its_answer_or_the_broker(text: str) -> None:
    # No documents are indexed here: a question gets the broker line.
    run = chat_run("oi", text)
    assert BROKER_CONFIRMS in run.replies[-1], run.replies[-1]
