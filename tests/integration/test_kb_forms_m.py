"""The 2026-12-07l and 07m sets' kinds in sentences no set asks, each the first message of
a new session on the offline model, the real PostgreSQL and the example development's
documents (tests/data/kb).

Everyday words for documented things (trees, a route to run, wires under the ground, a
place to buy things at any hour) reach the documents' sentences; a thing sold no document
names stays the broker's; an instalment told before the question makes no price
question, while the instalment asked stays one; a call told of ("a corretora ficou de me
ligar") books nothing and the question of the same message is answered, while a call asked
for is still booked."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
from tests.support.kb_scoring import BROKER, first_message, index_documents
from tests.support.sessions import session_for

CASES = [
    ("adoro natureza, o condominio tem bastante arvore?", "40%", "kb_answered"),
    ("minha esposa corre todo dia. a trilha de caminhada tem quantos km?", "2,4 km", "kb_answered"),
    ("qual o tamanho do percurso pra correr?", "2,4 km", "kb_answered"),
    ("tem pista pra correr? qual a extensao?", "2,4 km", "kb_answered"),
    ("o mercadinho abre a qualquer hora?", "24 horas", "kb_answered"),
    ("a fiacao da rua é aerea, com poste, ou subterranea?", "subterrânea", "kb_answered"),
    ("os cabos de energia passam enterrados?", "subterrânea", "kb_answered"),
    ("a rede de luz é enterrada?", "subterrânea", "kb_answered"),
    ("o armario da cozinha vem montado?", "sem armários", "kb_answered"),
    ("ja pago a prestacao do carro. e o condominio, qnto fica por mes?", "690", "kb_answered"),
    (
        "ja pago aluguel e a parcela do carro. e o condominio, qnto sai por mes?",
        "690",
        "kb_answered",
    ),
    (
        "fora a parcela do financiamento, tem o condominio ne. fica quanto por mes?",
        "690",
        "kb_answered",
    ),
    (
        "minha mae vai ficar com a gente. o salao suporta quantas pessoas?",
        "120 pessoas",
        "kb_answered",
    ),
    ("tem algum lugar pra comprar remedio ai dentro?", BROKER, "kb_no_passage"),
    ("a prestacao da casa de 3 quartos fica em quanto?", BROKER, "price_to_broker"),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_the_07l_and_07m_kinds_in_new_sentences(
    pool: Pool, message: str, fact: str, reason: str
) -> None:
    first_message(pool, f"kb-forms-m-{CASES.index((message, fact, reason))}", message, fact, reason)


BOOKING = ("Posso agendar", "Que horas fica bom", "Ligação marcada", "horários livres")


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        (
            "oi! a corretora ficou de me ligar sexta de manha. preciso de quais documentos?",
            "comprovantes de renda",
        ),
        ("bom dia, ele vai me ligar hoje a tarde. o condominio tem academia?", "academia"),
        ("o corretor ficou de me retornar amanha, a casa duna tem suite?", "todos suítes"),
        (
            "o corretor vai me ligar amanha a noite. o q a gente tem q juntar de papelada?",
            "comprovantes de renda",
        ),
    ],
)
def test_a_call_told_of_books_nothing_and_the_question_is_answered(
    pool: Pool, message: str, fact: str
) -> None:
    index_documents(pool)
    session = session_for(pool, "kb-forms-m-call", OfflineChatModel(), "offline")
    turn = session.turn(message)
    assert turn.error is None
    assert fact in turn.reply, turn.reply
    assert BROKER not in turn.reply, turn.reply
    assert not any(words in turn.reply for words in BOOKING), turn.reply


def test_a_call_asked_for_is_still_booked_beside_a_question(pool: Pool) -> None:
    index_documents(pool)
    session = session_for(pool, "kb-forms-m-booked", OfflineChatModel(), "offline")
    turn = session.turn("pode me ligar amanhã às 10h? tem piscina?")
    assert "Ligação marcada" in turn.reply, turn.reply
    assert "piscina" in turn.reply, turn.reply
