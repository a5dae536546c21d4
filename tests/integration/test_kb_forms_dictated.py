"""Dictated questions (issue 24, the question generator's dictated form) in sentences of
their own, each the first message of a new session on the offline model, the real
PostgreSQL and the example development's documents (tests/data/kb).

The question comes at the end of an unpunctuated story of the lead's life, after a filler
("sabe", "aí", "e assim", "é que", "mas enfim", "e"): it is answered (or, for a price or a
thing the documents do not state, gets the broker line), never with the bare greeting; a
house type it names is no wish of the lead's; a story with no question asks nothing."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.models.offline import OfflineChatModel
from tests.support.kb_scoring import BROKER, first_message, index_documents
from tests.support.sessions import session_for

CASES = [
    (
        "boa noite meu esposo trabalha no porto do pecem e sai de madrugada sabe tem busao de"
        " noite",
        "22h",
        "kb_answered",
    ),
    (
        "oi eu sou cabeleireira e atendo clientes em casa ai tem coworking",
        "coworking",
        "kb_answered",
    ),
    (
        "a gente tem um cachorro grande e dois gatos e assim pode ter bicho no condominio",
        "permitidos",
        "kb_answered",
    ),
    (
        "ola eu trabalho de vigilante a noite mas enfim a portaria é 24 horas",
        "Portaria 24 horas",
        "kb_answered",
    ),
    (
        "minha esposa ta gravida do segundo e eu trabalho no centro e tem hospital perto",
        "12 km",
        "kb_answered",
    ),
    (
        "bom dia eu faço faculdade a noite em fortaleza e assim quanto tempo leva ate o aeroporto",
        "40 minutos",
        "kb_answered",
    ),
    (
        "meu irmao é pedreiro e vai me ajudar na mudanca mas enfim quanto fica o condominio",
        "R$ 690",
        "kb_answered",
    ),
    (
        "eu cuido da minha neta durante a semana entao a casa mare pode ter piscina",
        "piscina privativa",
        "kb_answered",
    ),
    (
        "minha vizinha fez a cozinha toda nova é que a cozinha vem com armario",
        "sem armários",
        "kb_answered",
    ),
    # A price and a thing the documents do not state keep the broker line after a story.
    (
        "eu to juntando dinheiro faz tempo sabe quanto custa a casa de dois quartos",
        BROKER,
        "price_to_broker",
    ),
    (
        "meu filho adora filme de super heroi e assim tem cinema no condominio",
        BROKER,
        "kb_no_passage",
    ),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_a_dictated_question_is_answered(pool: Pool, message: str, fact: str, reason: str) -> None:
    turn = first_message(
        pool, f"kb-forms-dictated-{CASES.index((message, fact, reason))}", message, fact, reason
    )
    assert "Como posso te chamar?" in turn.reply


HOUSES = [
    (
        "eu sou professora e corrijo prova em casa ai a casa de quatro quartos tem escritorio",
        "escritório",
    ),
    (
        "meu pai usa cadeira de rodas e mora com a gente é que a casa de tres quartos tem suite",
        "2 suítes",
    ),
]


@pytest.mark.parametrize(("message", "fact"), HOUSES)
def test_a_house_type_named_in_a_dictated_question_is_not_saved(
    pool: Pool, message: str, fact: str
) -> None:
    key = f"kb-forms-dictated-house-{HOUSES.index((message, fact))}"
    turn = first_message(pool, key, message, fact, "kb_answered")
    assert "Anotei" not in turn.reply, turn.reply
    with pool.connection() as conn:
        lead = Querier(conn).get_lead_by_session_key(session_key=key)
    assert lead is not None and lead.bedrooms is None


STORIES = [
    "eu sou enfermeira e assim trabalho de plantao tres vezes por semana no hospital",
    "meu filho joga bola todo dia e assim ele quer muito uma quadra perto de casa",
    "minha mae mora sozinha e tem um cachorro pequeno que late muito de noite",
]


@pytest.mark.parametrize("story", STORIES)
def test_a_dictated_story_without_a_question_gets_no_answer(pool: Pool, story: str) -> None:
    """Nothing of the development is said and no broker line given: the reply is the
    greeting or the flow's next question alone."""
    index_documents(pool)
    key = f"kb-forms-dictated-story-{STORIES.index(story)}"
    greeting = session_for(pool, f"{key}-hello", OfflineChatModel(), "offline").turn("Oi").reply
    turn = session_for(pool, key, OfflineChatModel(), "offline").turn(story)
    assert turn.error is None
    assert turn.reply in (greeting, "Como posso te chamar?"), turn.reply
