"""The 2026-12-07y and 07w sets' kinds in sentences no set asks, each the first message of a
new session on the offline model, the real PostgreSQL and the example development's
documents (tests/data/kb).

Units in shorthand ("até q hrs", "qnts min", "qnts mts") are read as the units; a block
named by its letter ("quadra G") is a stage of the works, and houses being raised are the
works' progress; a word of the language is never "corrected" into a document's word ("2
anos e meio" is no "ensino médio"). A story of the lead's own life that names a topic
("meu marido adora piscina") makes no search, while a bare topic ("garagem coberta", "e o
iptu") is asked, after the lead gave a name. A thing asked of one house type is answered by
the passage stating it of all types."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from homer_agent.db.queries import Querier
from homer_agent.models.offline import OfflineChatModel
from homer_agent.ptbr.replies import BROKER_CONFIRMS as BROKER
from tests.support.kb_scoring import first_message, index_documents
from tests.support.sessions import session_for

CASES = [
    ("trabalho no sabado. a casa decorada fica aberta ate q hs no sab?", "18h", "kb_answered"),
    ("a van passa? e o onibus vai ate q hrs", "22h", "kb_answered"),
    ("o stand fecha q hrs no domingo?", "13h", "kb_answered"),
    ("qnts min da praia de carro?", "7 minutos", "kb_answered"),
    ("o onibus passa de qnts em qnts min?", "30 minutos", "kb_answered"),
    ("a raia da piscina adulto tem qnts mts?", "25 metros", "kb_answered"),
    ("o aeroporto fica a qnts kms?", "35 km", "kb_answered"),
    # "mt" alone is "muito", not metres; a price per m² in shorthand stays the broker's.
    ("a praia fica mt longe?", "4 km", "kb_answered"),
    ("qnto custa o m2 da casa de 3 qts?", "corretor confirma", "price_to_broker"),
    ("comprei na quadra G, fica pronta qndo?", "junho de 2029", "kb_answered"),
    ("a quadra 2 entrega em que ano?", "2028", "kb_answered"),
    ("minha sogra pegou na quadra C. ja comecaram a construir la?", "alvenaria", "kb_answered"),
    ("as casas da quadra H ja foram levantadas?", "alvenaria", "kb_answered"),
    ("tem quadra e piscina?", "quadra poliesportiva", "kb_answered"),
    ("quem esta construindo?", "Areia Branca", "kb_answered"),
    # A thing asked of one house type that the passage of all the types states ("Todas têm
    # ... vaga para dois carros"), though the type's own passages rank first.
    ("a de 2 quartos tem garagem?", "vaga para dois carros", "kb_answered"),
    ("a casa de 3 quartos tem varanda gourmet?", "Todas têm varanda gourmet", "kb_answered"),
    (
        "temos dois carros. a brisa tem vaga pros dois ou so o sobrado?",
        "vaga para dois carros",
        "kb_answered",
    ),
    (
        "to planejando me mudar daqui 2 anos e meio. o condominio aceita cachorro?",
        "permitidos",
        "kb_answered",
    ),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_the_07y_kinds_in_new_sentences(pool: Pool, message: str, fact: str, reason: str) -> None:
    key = f"kb-forms-y-{[c[0] for c in CASES].index(message)}"
    first_message(pool, key, message, fact, reason)


STORIES = [
    "meu marido adora piscina",
    "eu uso muito a academia do meu predio",
    "minha filha estuda no colegio perto daqui",
    "a gente adora praia",
]
BARE_TOPICS = [
    ("garagem coberta", "vaga para dois carros", "kb_answered"),
    ("e a garagem", "vaga para dois carros", "kb_answered"),
    ("condominio qnto", "R$ 690", "kb_answered"),
    ("van escolar", "van escolar conveniada", "kb_answered"),
    ("e o iptu", BROKER, "kb_no_passage"),
]


def _second_turn(pool: Pool, key: str, message: str) -> tuple[str, str | None]:
    """`message` after the lead gave a name: the reply and the turn's kb reason."""
    index_documents(pool)
    session = session_for(pool, key, OfflineChatModel(), "offline")
    session.turn("oi, sou a Marta")
    turn = session.turn(message)
    assert turn.error is None
    with pool.connection() as conn:
        turns = Querier(conn).list_turns(lead_id=session.lead.id)
    return turn.reply, turns[-1].kb_reason


@pytest.mark.parametrize("story", STORIES)
def test_a_story_naming_a_topic_makes_no_search(pool: Pool, story: str) -> None:
    reply, reason = _second_turn(pool, f"kb-forms-y-story-{STORIES.index(story)}", story)
    assert reason is None, reply
    assert "corretor confirma" not in reply, reply


@pytest.mark.parametrize(("message", "fact", "reason"), BARE_TOPICS)
def test_a_bare_topic_is_asked(pool: Pool, message: str, fact: str, reason: str) -> None:
    key = f"kb-forms-y-bare-{[b[0] for b in BARE_TOPICS].index(message)}"
    reply, recorded = _second_turn(pool, key, message)
    assert fact in reply, reply
    assert recorded == reason, reply
