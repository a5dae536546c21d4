"""A question inside a long story, through the offline model, the real PostgreSQL and the
example development's documents (2026-12-08i's leftovers as kinds): the question's own
words win over the story's (`kb.search._story_capped`), the times of the lead's day told
before a question are no call time (`models/offline.py`), children listed by name and age
and a reason after the question are not asked, and a first message whose question ends a
dictated story without its mark is answered, never greeted. Sentences of their own."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.models.offline import OfflineChatModel
from tests.support.kb_scoring import first_message, index_documents
from tests.support.sessions import session_for

CASES = [
    # a long story of the lead's day, with its times, before a question pointing back
    (
        "boa tarde, minha esposa entra no hospital 7h e sai 19h, nao dirige e nunca tirou"
        " habilitacao, trabalha do outro lado da cidade. se a gente for morar ai ela consegue"
        " pegar onibus perto da portaria? de quanto em quanto tempo passa?",
        "30 minutos",
    ),
    # children listed by name and age, then the question and the reason for it
    (
        "boa noite, sou viuva e tenho tres filhos, a ana de 5, o joao de 8 e o lucas de 12,"
        " e trabalho de segunda a sabado das 7 as 16. tem escola particular perto dai? qual?"
        " pq eu nao tenho carro pra levar longe",
        "Colégio Farol",
    ),
    # a dictated story ending in a question without its mark
    (
        "oi boa tarde meu marido viaja muito a trabalho e que documentos eu separo pra ligacao",
        "comprovantes de renda",
    ),
    (
        "ola minha sogra tem oitenta anos e mora sozinha e fica longe do hospital",
        "12 km",
    ),
    (
        "bom dia minha filha vai ter neném em outubro e a cozinha vem com armário",
        "sem armários",
    ),
]


@pytest.mark.parametrize(("message", "fact"), CASES)
def test_the_question_in_a_story_is_answered(pool: Pool, message: str, fact: str) -> None:
    key = f"kb3-story-{CASES.index((message, fact))}"
    turn = first_message(pool, key, message, fact, "kb_answered")
    assert "Olá! Eu sou Homer" not in turn.reply


STORIES = [
    "olá boa tarde tudo bem por aí eu sou a Marta e moro em Fortaleza faz tempo",
    "oi bom dia minha filha faz faculdade de noite e meu marido trabalha de dia",
    "boa noite minha tia mora no Aquiraz e fica perto da praia",
]


@pytest.mark.parametrize("story", STORIES)
def test_a_story_that_asks_nothing_gets_no_answer(pool: Pool, story: str) -> None:
    index_documents(pool)
    key = f"kb3-story-told-{STORIES.index(story)}"
    session = session_for(pool, key, OfflineChatModel(), "offline")
    turn = session.turn(story)
    assert turn.error is None
    assert "corretor confirma" not in turn.reply, turn.reply
    with pool.connection() as conn:
        turns = Querier(conn).list_turns(lead_id=session.lead.id)
    assert [t.kb_reason for t in turns] == [None], turn.reply
