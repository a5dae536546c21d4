"""The 2026-12-07q set's kinds in sentences no set asks, each the first message of a new
session on the offline model, the real PostgreSQL and the example development's documents
(tests/data/kb).

"qualquer" in shorthand names nothing; bank shorthand is the bank the documents name, and
"por lá" points back to it; half of the year is a time, and "o resto" names nothing; a fee
compared between houses is answered with the one fee, while a house compared by price stays
the broker's."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from tests.support.kb_scoring import BROKER, first_message

CASES = [
    (
        "temos 3 carros em casa. qqr uma das casas tem vaga pra quantos carros?",
        "dois carros",
        "kb_answered",
    ),
    ("qlq casa ai vem com varanda gourmet?", "varanda gourmet", "kb_answered"),
    (
        "sou correntista do BB ha 20 anos, consigo financiar por la?",
        "Banco do Brasil",
        "kb_answered",
    ),
    ("recebo pela CEF. da pra financiar o restante com eles?", "Caixa", "kb_answered"),
    (
        "pensei em passar a metade do ano la e alugar a casa no resto, pode?",
        "temporada",
        "kb_answered",
    ),
    (
        "o condominio do sobrado de 4 quartos sai mais caro que o da terrea?",
        "todas as casas",
        "kb_answered",
    ),
    ("a casa de 3 quartos é mais barata que o sobrado?", BROKER, "price_to_broker"),
    # The thing the question turns to, not the one the statement before spoke of.
    (
        "a terrea de 2 quartos tem 78 m2 ne. e a de 4 quartos, qnts suites?",
        "todos suítes",
        "kb_answered",
    ),
    ("a brisa nao tem piscina. ja o sobrado, tem piscina?", "piscina privativa", "kb_answered"),
    # A price beside a documented question: the question answered, the price the broker's.
    ("onde fica o stand? e qnto ta saindo o sobrado?", "CE-085", "kb_answered"),
    ("qual o valor do condominio? e quanto ficaria a casa duna?", "R$ 690", "kb_answered"),
    ("quanto ta saindo a casa de 3 quartos?", BROKER, "price_to_broker"),
    # A time asked as a season is a date.
    (
        "meu primo comprou na quadra A. se eu pegar na F fica pronta na mesma epoca?",
        "2029",
        "kb_answered",
    ),
    ("em que epoca fica pronta a quadra C?", "2028", "kb_answered"),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_the_07q_kinds_in_new_sentences(pool: Pool, message: str, fact: str, reason: str) -> None:
    turn = first_message(
        pool, f"kb-forms-q-{CASES.index((message, fact, reason))}", message, fact, reason
    )
    if "saindo" in message or "ficaria" in message:
        assert BROKER in turn.reply, turn.reply
