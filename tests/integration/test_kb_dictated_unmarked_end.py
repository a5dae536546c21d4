"""A dictated first message whose question ends a story joined by "e", with no "?" (issue
24, generated seed 16), through the offline model, the real PostgreSQL and the example
development's documents: it is answered (or gets the broker line), never with the bare
greeting; a plain story asks nothing. Sentences of their own."""

from __future__ import annotations

import pytest

from homer_agent.db.pool import Pool
from homer_agent.models.offline import OfflineChatModel
from tests.support.kb_scoring import BROKER, first_message, index_documents
from tests.support.sessions import session_for

CASES = [
    (
        "minha sogra mora com a gente e cuida das criancas e é permitido cachorro",
        "permitidos",
        "kb_answered",
    ),
    (
        "eu trabalho de taxista e rodo o dia todo pela cidade e é muito longe do centro",
        "28 km",
        "kb_answered",
    ),
    ("oi bom dia queria sber se tem van pra escola", "van escolar", "kb_answered"),
    (
        "eu me aposentei ano passado e gosto muito de plantar e o lote é plano",
        BROKER,
        "kb_no_passage",
    ),
]


@pytest.mark.parametrize(("message", "fact", "reason"), CASES)
def test_a_question_ending_a_dictated_story_is_answered(
    pool: Pool, message: str, fact: str, reason: str
) -> None:
    key = f"kb-dictated-unmarked-{CASES.index((message, fact, reason))}"
    turn = first_message(pool, key, message, fact, reason)
    assert "Como posso te chamar?" in turn.reply


STORIES = [
    "meu filho passou no vestibular e vai estudar a noite na federal",
    "meu cunhado comprou casa ai perto e gostou muito da vizinhanca",
    "eu comprei um terreno no eusebio faz dois anos e o terreno é plano",
]


@pytest.mark.parametrize("story", STORIES)
def test_a_dictated_story_joined_by_e_gets_no_answer(pool: Pool, story: str) -> None:
    index_documents(pool)
    key = f"kb-dictated-unmarked-story-{STORIES.index(story)}"
    greeting = session_for(pool, f"{key}-hello", OfflineChatModel(), "offline").turn("Oi").reply
    turn = session_for(pool, key, OfflineChatModel(), "offline").turn(story)
    assert turn.error is None
    assert turn.reply in (greeting, "Como posso te chamar?"), turn.reply
